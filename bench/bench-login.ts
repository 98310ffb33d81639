/** The bearer token of the admin account a benchmark booted with (POST /api/auth/login). */
export async function login(url: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (!body.accessToken) {
    throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}

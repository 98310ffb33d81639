import { t } from './i18n.js';
/**
 * The REST client. The session is the httpOnly cookie set by POST /api/auth/login (the page never sees the token);
 * every state-changing call carries X-Requested-With, which the server requires of cookie sessions (CSRF).
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly messages: string[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

let onUnauthorized: () => void = () => undefined;

/** Called when a request answers 401: the session ended (logout elsewhere, expiry, password reset). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

async function request<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['X-Requested-With'] = 'pantau-dashboard';
  }
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    if (contentType) {
      headers['Content-Type'] = contentType;
      payload = body as Blob;
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, t('api.tidakDapatTerhubungKe'), []);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!response.ok) {
    const raw = (data as { message?: string | string[] } | undefined)?.message;
    const messages = Array.isArray(raw) ? raw : raw ? [raw] : [];
    const message = messages.join('; ') || t('api.permintaanGagal', { status: response.status });
    if (response.status === 401 && !path.startsWith('/api/auth/login')) {
      onUnauthorized();
    }
    throw new ApiError(response.status, message, messages);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A raw body (a file for import), streamed by the server. */
  upload: <T>(path: string, file: Blob, contentType: string) => request<T>('POST', path, file, contentType),
};

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) {
      return error.message || t('api.andaTidakMemilikiAkses');
    }
    return error.message;
  }
  return t('api.terjadiKesalahanYangTidak');
}

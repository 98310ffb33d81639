import { ConnectorFetchError, type FetchResult } from '../../../src/sources/connectors/connector.types.js';
import { htmlErrorPage, json, type LocalPlatformServer } from './local-platform-server.js';

export async function fetchError(promise: Promise<unknown>): Promise<ConnectorFetchError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConnectorFetchError);
  return error as ConnectorFetchError;
}

/**
 * The failures every JSON connector must turn into a readable Indonesian ConnectorFetchError:
 * 429 with Retry-After, 5xx, an HTML error page, truncated JSON; with no secret in any message.
 */
export function itHandlesCommonFailures(
  label: string,
  server: LocalPlatformServer,
  run: () => Promise<FetchResult>,
  secrets: string[],
  validBody: () => string,
): void {
  const noSecrets = (error: Error) => {
    for (const secret of secrets) {
      expect(error.message).not.toContain(secret);
    }
  };

  it('should honour 429 with Retry-After', async () => {
    server.reset(() => json({ error: 'Too many requests' }, 429, { 'retry-after': '30' }));
    const error = await fetchError(run());
    expect(error.options.retryAfterMs).toBe(30_000);
    expect(error.message).toContain(`Batas permintaan ${label} tercapai`);
    noSecrets(error);
  });

  it('should report a server error with its status', async () => {
    server.reset(() => json({ error: 'internal' }, 500));
    const error = await fetchError(run());
    expect(error.options.status).toBe(500);
    expect(error.message).toContain(`Server ${label} sedang bermasalah (HTTP 500)`);
    noSecrets(error);
  });

  it('should reject an HTML page where JSON was expected', async () => {
    server.reset(() => ({ ...htmlErrorPage(200), status: 200 }));
    const error = await fetchError(run());
    expect(error.message).toBe(`Respons ${label} bukan JSON yang valid (HTTP 200, text/html).`);
  });

  it('should reject truncated JSON', async () => {
    server.reset(() => ({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: validBody().slice(0, Math.floor(validBody().length / 2)),
    }));
    const error = await fetchError(run());
    expect(error.message).toBe(`Respons ${label} bukan JSON yang valid (HTTP 200, application/json).`);
    noSecrets(error);
  });

  it('should reject a gateway HTML error page as a server error', async () => {
    server.reset(() => htmlErrorPage(502));
    const error = await fetchError(run());
    expect(error.options.status).toBe(502);
  });
}

import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ConnectorFetchError, type SourceHttpClient } from '../sources/connectors/connector.types.js';
import { createSourceHttpClient } from '../sources/http/index.js';
import { DeliveryError, isTransientStatus, parseRetryAfter } from './delivery-error.js';

export const SIGNATURE_HEADER = 'x-pantau-signature-256';

/** `sha256=<hex HMAC-SHA256 of the exact body>`, as GitHub signs its webhooks. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * POSTs JSON to a webhook through the sources' SSRF-guarded client: the address is resolved,
 * refused when private (unless PANTAU_ALLOW_PRIVATE_SOURCES) and pinned; no redirects are followed.
 */
@Injectable()
export class WebhookSender {
  private readonly http: SourceHttpClient;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.http = createSourceHttpClient({
      allowPrivate: config.allowPrivateSources,
      userAgent: 'PantauIsu-Alerts/1.0',
      maxBytes: 64 * 1024,
      maxRedirects: 0,
      timeoutMs: 15_000,
    });
  }

  async send(url: string, body: string, headers: Record<string, string>, secret?: string): Promise<{ status: number }> {
    const all: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...headers };
    if (secret) {
      all[SIGNATURE_HEADER] = signWebhookBody(secret, body);
    }
    let status: number;
    let responseHeaders: Record<string, string>;
    try {
      const response = await this.http.request(url, { method: 'POST', headers: all, body });
      status = response.status;
      responseHeaders = response.headers;
    } catch (error) {
      if (error instanceof ConnectorFetchError) {
        throw new DeliveryError(`Webhook: ${error.message}`, { permanent: error.options.permanent === true });
      }
      throw new DeliveryError('Webhook: pengiriman gagal.');
    }
    if (status >= 200 && status < 300) {
      return { status };
    }
    const host = new URL(url).host;
    if (status >= 300 && status < 400) {
      throw new DeliveryError(
        `Webhook ${host} menjawab dengan pengalihan (HTTP ${status}); pengalihan tidak diikuti.`,
        {
          permanent: true,
        },
      );
    }
    throw new DeliveryError(`Webhook ${host} menjawab HTTP ${status}.`, {
      permanent: !isTransientStatus(status),
      retryAfterMs: status === 429 || status === 503 ? parseRetryAfter(responseHeaders['retry-after']) : undefined,
    });
  }
}

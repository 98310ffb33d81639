import type { Source } from './entities/source.entity.js';
import { healthStatus, HealthStatus } from './source-health.js';
import { maskSecret } from './credentials-cipher.js';

export interface SourceHealthView {
  status: HealthStatus;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  /** In Indonesian words, for the admin. */
  lastError: string | null;
  consecutiveFailures: number;
  postsFetched: number;
  nextRunAt: string | null;
  quota: { remaining?: number; resetAt?: string } | null;
}

export interface SourceView {
  id: string;
  name: string;
  type: string;
  status: string;
  demo: boolean;
  intervalSeconds: number;
  /** The config with each secret field masked (`••••1234`), never in clear. */
  config: Record<string, unknown>;
  health: SourceHealthView;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** A URL carrying `user:password@` (refused since issue 14; older rows may still hold one). */
export function hasUserInfo(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

function withoutUserInfo(value: string): string {
  const url = new URL(value);
  url.username = '';
  url.password = '';
  return url.toString().replace('://', '://••••@');
}

/** What the API shows of a source. Secrets appear only masked; their clear values never leave the server. */
export function toSourceView(source: Source, credentials: Record<string, string> | null): SourceView {
  const config: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(source.config)) {
    config[field] = typeof value === 'string' && hasUserInfo(value) ? withoutUserInfo(value) : value;
  }
  if (credentials) {
    for (const [field, value] of Object.entries(credentials)) {
      config[field] = maskSecret(value);
    }
  } else if (source.credentialsEncrypted) {
    config.credentials = { set: true };
  }
  return {
    id: source.id,
    name: source.name,
    type: source.type,
    status: source.status,
    demo: source.demo,
    intervalSeconds: source.intervalSeconds,
    config,
    health: {
      status: healthStatus(source),
      lastRunAt: iso(source.lastRunAt),
      lastSuccessAt: iso(source.lastSuccessAt),
      lastErrorAt: iso(source.lastErrorAt),
      lastError: source.lastError,
      consecutiveFailures: source.consecutiveFailures,
      postsFetched: Number(source.postsFetched),
      nextRunAt: source.status === 'active' && source.type !== 'push' ? iso(source.nextRunAt) : null,
      quota: source.quota,
    },
    createdAt: source.createdAt.toISOString(),
    updatedAt: source.updatedAt.toISOString(),
    deletedAt: iso(source.deletedAt),
  };
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

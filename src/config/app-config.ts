import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { IndonesianTimeZone, timeZoneForRegion } from './time-zone.js';
import { DEMO_DEFAULT_SPEED } from '../sources/demo/demo-post.types.js';
import { DEMO_REGENCY } from '../sources/demo/samarinda-places.js';

/**
 * One validated schema for every environment variable. `loadAppConfig` runs before Nest starts
 * (the embedded PostgreSQL must be up before any module connects), and the result is provided to
 * Nest as the `AppConfig` token. A bad value stops the boot with a message naming the variable.
 */
export type ProcessRole = 'all' | 'api' | 'worker';

export interface AppConfig {
  port: number;
  /** Unset in the embedded default: the boot starts embedded PostgreSQL and fills `database.url`. */
  databaseUrl?: string;
  redisUrl?: string;
  /** Namespaces BullMQ's keys on Redis (several deployments or test runs may share one Redis). */
  queuePrefix: string;
  dataDir: string;
  secret: string;
  homeRegion?: string;
  timeZone: IndonesianTimeZone;
  retentionDays: number;
  adminPassword?: string;
  role: ProcessRole;
  demo: boolean;
  /** Demo replay speed (simulated minutes per real minute), used when the demo source is created. */
  demoSpeed: number;
  /** Length of a detection bucket (counts, baselines and scoring windows are per bucket). */
  detectionBucketMinutes: number;
  /** How often the detection worker runs a pass. */
  detectionIntervalSeconds: number;
  /**
   * Longest stretch (ms) of a detector restore or feed between two turns of the event loop, so that HTTP and signals
   * are served meanwhile; 0 runs it in one turn (the blocking restore, kept for comparison in tests).
   */
  detectionSliceMs: number;
  allowPrivateSources: boolean;
  ingestConcurrency: number;
  /** Worker threads that analyse ingest batches off the event loop (src/ingestion/analysis-pool); 0: in the event loop. */
  analysisThreads: number;
  /** How long a worker's lock on a job lasts: a job whose worker died is retried after about this long. */
  jobLockSeconds: number;
  sessionTtlHours: number;
  publicUrl: string;
  /**
   * Proxies whose X-Forwarded-For is believed (Express `trust proxy`): addresses, CIDR ranges or
   * `loopback`, `linklocal`, `uniquelocal`. Empty by default: the socket address is the client.
   */
  trustedProxies: string[];
  /** Roles that must use two-factor login (`PANTAU_REQUIRE_2FA`: true means admin, or a list of roles). */
  requireTwoFactorRoles: ('admin' | 'analyst' | 'pimpinan')[];
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  logJson: boolean;
  smtpUrl?: string;
  telegramBotToken?: string;
  telegramApiBase: string;
  /** Daily report: local time (HH:MM, home region's zone) it is built at, and recipients besides opted-in pimpinan. */
  reportTime: { hour: number; minute: number };
  reportEmails: string[];
  reportTelegramChats: string[];
  /**
   * Optional OpenAI-compatible endpoint that tightens the wording of a telaahan draft's Analisis and Kesimpulan
   * (usually a self-hosted model on a private address, so it is exempt from the private-address guard). Unset: off.
   */
  llm?: { url: string; model: string; apiKey?: string; timeoutMs: number };
  /** Embedded mode: no DATABASE_URL given. */
  embedded: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  string(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) {
      return fallback;
    }
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) {
      return fallback;
    }
    if (['true', '1', 'yes'].includes(raw)) {
      return true;
    }
    if (['false', '0', 'no'].includes(raw)) {
      return false;
    }
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  url(name: string, protocols: string[]): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) {
      return undefined;
    }
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must be a ${protocols.join(' or ')} URL (got protocol "${parsed.protocol}")`);
      }
    } catch {
      // Never echo the value: it may carry a password.
      this.problems.push(`${name} is not a valid URL`);
    }
    return raw;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) {
      return fallback;
    }
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  }
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) {
    return true;
  }
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) {
    return false;
  }
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

function readTrustedProxies(read: EnvReader): string[] {
  const raw = read.string('PANTAU_TRUSTED_PROXIES');
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = entries.filter((entry) => !isProxyEntry(entry));
  if (bad.length > 0) {
    read.problems.push(
      `PANTAU_TRUSTED_PROXIES must list addresses, CIDR ranges or ${PROXY_NAMES.join(', ')} (got "${bad.join(', ')}")`,
    );
  }
  return entries;
}

const ROLE_NAMES = ['admin', 'analyst', 'pimpinan'] as const;

/** `PANTAU_REQUIRE_2FA`: unset or false → none; true → admin; or a comma-separated list of roles. */
function readRequiredTwoFactor(read: EnvReader): AppConfig['requireTwoFactorRoles'] {
  const raw = read.string('PANTAU_REQUIRE_2FA')?.toLowerCase();
  if (raw === undefined || ['false', '0', 'no'].includes(raw)) {
    return [];
  }
  if (['true', '1', 'yes'].includes(raw)) {
    return ['admin'];
  }
  const roles = raw.split(',').map((entry) => entry.trim());
  const bad = roles.filter((role) => !(ROLE_NAMES as readonly string[]).includes(role));
  if (bad.length > 0) {
    read.problems.push(`PANTAU_REQUIRE_2FA must be true, false or a list of ${ROLE_NAMES.join(', ')} (got "${raw}")`);
    return [];
  }
  return [...new Set(roles)] as AppConfig['requireTwoFactorRoles'];
}

const REPORT_EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const REPORT_CHAT = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/;

function readReportTime(read: EnvReader): { hour: number; minute: number } {
  const raw = read.string('PANTAU_REPORT_TIME') ?? '06:00';
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!match) {
    read.problems.push(`PANTAU_REPORT_TIME must be a time of day HH:MM such as 06:00 (got "${raw}")`);
    return { hour: 6, minute: 0 };
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function readList(read: EnvReader, name: string, pattern: RegExp, what: string): string[] {
  const entries = (read.string(name) ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.some((entry) => !pattern.test(entry))) {
    // Never echo the values: they are personal data.
    read.problems.push(`${name} must be a comma-separated list of ${what}`);
  }
  return entries;
}

function readLlm(read: EnvReader): AppConfig['llm'] {
  const url = read.url('PANTAU_LLM_URL', ['http:', 'https:']);
  const timeoutMs = read.integer('PANTAU_LLM_TIMEOUT_SECONDS', 30, 1, 600) * 1000;
  if (url === undefined) {
    return undefined;
  }
  return {
    url,
    model: read.string('PANTAU_LLM_MODEL') ?? 'default',
    apiKey: read.string('PANTAU_LLM_API_KEY'),
    timeoutMs,
  };
}

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function loadAppConfig(env: Env = process.env, argv: string[] = process.argv): AppConfig {
  const read = new EnvReader(env);
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  const embedded = databaseUrl === undefined;
  const dataDir = resolve(read.string('PANTAU_DATA_DIR') ?? '.pantau');

  const homeRegion = read.string('PANTAU_HOME_REGION');
  if (homeRegion !== undefined && !REGION_CODE.test(homeRegion)) {
    read.problems.push(`PANTAU_HOME_REGION must be a Kemendagri code such as 33 or 33.08 (got "${homeRegion}")`);
  }

  const secret = read.string('PANTAU_SECRET');
  if (secret !== undefined && secret.length < 32) {
    read.problems.push('PANTAU_SECRET must be at least 32 characters long');
  }
  if (secret === undefined && !embedded) {
    read.problems.push(
      'PANTAU_SECRET is required when DATABASE_URL is set: every API and worker process must share it ' +
        '(generate one with `openssl rand -base64 48`)',
    );
  }

  const adminPassword = read.string('PANTAU_ADMIN_PASSWORD');
  if (adminPassword !== undefined && adminPassword.length < 10) {
    read.problems.push('PANTAU_ADMIN_PASSWORD must be at least 10 characters long');
  }

  const roleArg = argv.find((arg) => arg.startsWith('--role='))?.slice('--role='.length);
  const role = read.oneOf<ProcessRole>('PANTAU_ROLE', ['all', 'api', 'worker'], 'all');
  const effectiveRole = (roleArg as ProcessRole | undefined) ?? role;
  if (!['all', 'api', 'worker'].includes(effectiveRole)) {
    read.problems.push(`--role must be one of all, api, worker (got "${roleArg}")`);
  }

  const port = read.integer('PORT', 3000, 0, 65535);
  const demo = read.boolean('PANTAU_DEMO', embedded);
  // The demo stream is set in Kota Samarinda: without a configured home region, a demo deployment takes the demo's,
  // so its times read in WITA and its ambiguous place names resolve there.
  const effectiveHomeRegion = homeRegion ?? (demo ? DEMO_REGENCY.code : undefined);
  const config: AppConfig = {
    port,
    databaseUrl,
    redisUrl,
    queuePrefix: read.string('PANTAU_QUEUE_PREFIX') ?? 'pantau',
    dataDir,
    secret: secret ?? '',
    homeRegion: effectiveHomeRegion,
    timeZone: timeZoneForRegion(effectiveHomeRegion),
    retentionDays: read.integer('PANTAU_RETENTION_DAYS', 365, 1, 36500),
    adminPassword,
    role: effectiveRole,
    demo,
    demoSpeed: read.integer('PANTAU_DEMO_SPEED', DEMO_DEFAULT_SPEED, 1, 2880),
    detectionBucketMinutes: read.integer('PANTAU_DETECTION_BUCKET_MINUTES', 15, 1, 60),
    detectionIntervalSeconds: read.integer('PANTAU_DETECTION_INTERVAL_SECONDS', 180, 5, 3600),
    detectionSliceMs: read.integer('PANTAU_DETECTION_SLICE_MS', 20, 0, 1000),
    allowPrivateSources: read.boolean('PANTAU_ALLOW_PRIVATE_SOURCES', false),
    ingestConcurrency: read.integer('PANTAU_INGEST_CONCURRENCY', 2, 1, 64),
    analysisThreads: read.integer('PANTAU_ANALYSIS_THREADS', Math.max(1, availableParallelism() - 1), 0, 16),
    jobLockSeconds: read.integer('PANTAU_JOB_LOCK_SECONDS', 30, 2, 3600),
    sessionTtlHours: read.integer('PANTAU_SESSION_TTL_HOURS', 12, 1, 24 * 30),
    publicUrl: read.url('PANTAU_PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`,
    trustedProxies: readTrustedProxies(read),
    requireTwoFactorRoles: readRequiredTwoFactor(read),
    logLevel: read.oneOf('PANTAU_LOG_LEVEL', ['error', 'warn', 'log', 'debug', 'verbose'] as const, 'log'),
    logJson: read.boolean('PANTAU_LOG_JSON', !embedded),
    smtpUrl: read.url('PANTAU_SMTP_URL', ['smtp:', 'smtps:']),
    telegramBotToken: read.string('PANTAU_TELEGRAM_BOT_TOKEN'),
    telegramApiBase: read.url('PANTAU_TELEGRAM_API_BASE', ['http:', 'https:']) ?? 'https://api.telegram.org',
    reportTime: readReportTime(read),
    reportEmails: readList(read, 'PANTAU_REPORT_EMAILS', REPORT_EMAIL, 'e-mail addresses').map((entry) =>
      entry.toLowerCase(),
    ),
    reportTelegramChats: readList(read, 'PANTAU_REPORT_TELEGRAM_CHATS', REPORT_CHAT, 'Telegram chat ids or @channels'),
    llm: readLlm(read),
    embedded,
  };
  if (read.problems.length > 0) {
    throw new ConfigError(read.problems);
  }
  return config;
}

/**
 * The embedded default has no operator to hand out a secret: generate one on first start and keep
 * it in the data directory (mode 600), so sessions and encrypted credentials survive restarts.
 */
export function ensureEmbeddedSecret(config: AppConfig): AppConfig {
  if (config.secret !== '') {
    return config;
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o711 });
  const file = join(config.dataDir, 'secret');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return { ...config, secret: readFileSync(file, 'utf8').trim() };
}

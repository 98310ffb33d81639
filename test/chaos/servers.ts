import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../src/database/embedded-postgres.server.js';
import { postmasterPid } from '../support/crash-ingest.js';
import { waitUntil } from '../support/wait.js';

const run = promisify(execFile);

/** The system's PostgreSQL binaries (initdb, pg_ctl): PANTAU_PG_BIN, or the newest /usr/lib/postgresql/N/bin. */
function postgresBin(): string {
  if (process.env.PANTAU_PG_BIN) {
    return process.env.PANTAU_PG_BIN;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) {
    throw new Error('No PostgreSQL binaries found: install postgresql or set PANTAU_PG_BIN to the directory of pg_ctl');
  }
  return join(root, newest, 'bin');
}

/** PostgreSQL refuses to run as root: run its tools as the postgres system user then. */
async function runAs(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) {
    return {};
  }
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

/**
 * A PostgreSQL server of the suite's own ("external": reached through DATABASE_URL, started and restarted by its
 * own supervisor, here the suite), from the system's initdb and pg_ctl, on a free port, trust auth on 127.0.0.1.
 */
export class ExternalPostgres {
  port = 0;
  private readonly bin = postgresBin();

  constructor(private readonly dir: string) {}

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async init(): Promise<void> {
    const ids = await runAs();
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (ids.uid !== undefined) {
      chownSync(this.dir, ids.uid, ids.gid!);
      chownSync(this.dataDir, ids.uid, ids.gid!);
    }
    await run(join(this.bin, 'initdb'), ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8'], ids);
    this.port = await freePort();
    await this.start();
  }

  /** Starts the server (again), retrying while a killed one's processes still hold its shared memory. */
  async start(): Promise<void> {
    const ids = await runAs();
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200`;
    await waitUntil(
      () =>
        run(
          join(this.bin, 'pg_ctl'),
          ['-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start'],
          ids,
        ).then(
          () => true,
          () => false,
        ),
      (started) => started,
      { what: `the suite's PostgreSQL on port ${this.port} to start`, timeoutMs: 60_000, intervalMs: 500 },
    );
  }

  killPostmaster(): void {
    process.kill(postmasterPid(this.dataDir), 'SIGKILL');
  }

  async createDatabase(name: string): Promise<string> {
    const admin = new pg.Client(this.url('postgres'));
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return this.url(name);
  }

  async stop(): Promise<void> {
    await run(join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', 'fast', '-w', 'stop'], await runAs()).catch(
      () => undefined,
    );
  }
}

/** A redis-server of the suite's own, durable (AOF, fsync on every write) so that a kill -9 loses no acknowledged job. */
export class PrivateRedis {
  port = 0;
  private process?: ChildProcess;

  constructor(private readonly dir: string) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    this.process = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
      ],
      { stdio: 'ignore' },
    );
    await waitUntil(
      () =>
        fetch(`http://127.0.0.1:${this.port}`).then(
          () => true,
          (e: Error & { cause?: { code?: string } }) => e.cause?.code !== 'ECONNREFUSED',
        ),
      (up) => up,
      { what: "the suite's redis-server", timeoutMs: 30_000 },
    );
  }

  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

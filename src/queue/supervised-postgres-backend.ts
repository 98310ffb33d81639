import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import {
  BackendFactory,
  ConnectionClosedError,
  IQueueBackend,
  PostgresConnection,
  PostgresConnectionOptions,
  PostgresQueueBackend,
} from 'bullmq';

const logger = new Logger('QueueBackend');

/** SQLSTATEs and driver errors that mean "the server went away", not "this statement is wrong". */
const CONNECTION_SQLSTATE = /^(08|57P0[1-3]|53300)/;
const CONNECTION_CODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const CONNECTION_MESSAGE =
  /Connection terminated|not queryable|connection error|ECONNREFUSED|ECONNRESET|timeout expired|the database system is|terminating connection/i;

export function isDatabaseConnectionError(error: unknown): boolean {
  // Not `instanceof Error`: errors of Node's own modules may come from another realm (jest's VM contexts).
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (CONNECTION_SQLSTATE.test(code) || CONNECTION_CODE.has(code))) {
    return true;
  }
  return typeof message === 'string' && CONNECTION_MESSAGE.test(message);
}

/** Methods of the wrapper itself (its own event emitter and lifecycle), never forwarded to the inner backend. */
const OWN = new Set<PropertyKey>([
  'on',
  'once',
  'off',
  'addListener',
  'removeListener',
  'removeAllListeners',
  'emit',
  'listeners',
  'listenerCount',
  'prependListener',
  'prependOnceListener',
  'eventNames',
  'rawListeners',
  'setMaxListeners',
  'getMaxListeners',
  'close',
  'disconnect',
  'forQueue',
]);

const MIN_REBUILD_INTERVAL_MS = 1000;

/**
 * BullMQ's PostgreSQL backend, supervised. The plain backend handles a lost server badly: its connection memoises
 * its first readiness (a bootstrap that failed stays failed), and BullMQ's worker treats every PostgreSQL error but
 * ECONNREFUSED as "not a connection error", so a worker whose fetch fails with "Connection terminated" or "Client has
 * encountered a connection error and is not queryable" retries at once, in a tight loop, without end.
 *
 * This wrapper is what every Queue and Worker gets from the process-wide backend factory. Every call goes to the
 * current inner backend; a call that fails because the server went away (isDatabaseConnectionError):
 * - marks the inner backend as broken: the next call builds a fresh one (new pool, new LISTEN client, readiness
 *   checked again) and closes the old one, at most once a second;
 * - is rethrown as BullMQ's ConnectionClosedError (the original as its cause), which the worker answers by waiting
 *   `runRetryDelay` before it tries again (WorkerRunner sets 2 s) instead of spinning.
 * Events of the inner backends ('error', 'ready') are forwarded; 'close' only when the wrapper itself closes.
 */
class SupervisedPostgresBackend extends EventEmitter {
  private inner: IQueueBackend;
  private broken = false;
  private lastRebuild = 0;
  private closed = false;
  /** Logged once per outage: rebuilt (at most once a second) until a call succeeds again. */
  private outage = false;
  /** Bumped on every rebuild: `forQueue` siblings re-derive their backend from the new inner one. */
  generation = 0;

  constructor(private readonly build: () => IQueueBackend) {
    super();
    this.inner = this.adopt(build());
  }

  private adopt(inner: IQueueBackend): IQueueBackend {
    const emitter = inner as unknown as EventEmitter;
    emitter.on('error', (error: Error) => {
      if (emitter === (this.inner as unknown as EventEmitter) && this.listenerCount('error') > 0) {
        this.emit('error', error);
      }
    });
    emitter.on('ready', () => {
      if (emitter === (this.inner as unknown as EventEmitter)) {
        this.emit('ready');
      }
    });
    return inner;
  }

  /** The inner backend to use now, rebuilt first when the last one lost its server. */
  current(): IQueueBackend {
    if (this.broken && !this.closed && Date.now() - this.lastRebuild >= MIN_REBUILD_INTERVAL_MS) {
      this.broken = false;
      this.lastRebuild = Date.now();
      const old = this.inner;
      this.inner = this.adopt(this.build());
      this.generation++;
      // Wake any blocking wait parked on the dead connection, then release it; its errors no longer matter.
      (old as unknown as EventEmitter).removeAllListeners('ready');
      (old as unknown as EventEmitter).on('error', () => undefined);
      void old.disconnect().catch(() => undefined);
      if (!this.outage) {
        this.outage = true;
        logger.warn('PostgreSQL queue connection lost: rebuilding it until the database answers again');
      }
    }
    return this.inner;
  }

  markBroken(): void {
    this.broken = true;
  }

  /** Runs `call` on an inner backend; a lost server marks it broken and surfaces as a connection error. */
  invoke(target: () => IQueueBackend, name: PropertyKey, args: unknown[]): unknown {
    const backend = target();
    const method = (backend as unknown as Record<PropertyKey, unknown>)[name] as (...a: unknown[]) => unknown;
    let result: unknown;
    try {
      result = method.apply(backend, args);
    } catch (error) {
      throw this.translate(error);
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          if (this.outage) {
            this.outage = false;
            logger.log(`PostgreSQL queue connection is back (after ${this.generation} rebuilds in all)`);
          }
          return value;
        },
        (error: unknown) => {
          throw this.translate(error);
        },
      );
    }
    return result;
  }

  private translate(error: unknown): unknown {
    if (this.closed || !isDatabaseConnectionError(error)) {
      return error;
    }
    this.markBroken();
    return new ConnectionClosedError(
      `PostgreSQL queue connection lost: ${String((error as { message?: unknown }).message)}`.slice(0, 300),
      error,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.inner.close();
    this.emit('close');
  }

  async disconnect(): Promise<void> {
    this.closed = true;
    await this.inner.disconnect();
  }
}

/** A proxy that looks like an IQueueBackend and routes everything through a supervisor. */
function proxyFor(
  supervisor: SupervisedPostgresBackend,
  target: () => IQueueBackend,
  own: EventEmitter,
  forQueue: (queueName: string, prefix: string) => IQueueBackend,
): IQueueBackend {
  return new Proxy(own, {
    get(shell, property) {
      if (property === 'forQueue') {
        return forQueue;
      }
      if (OWN.has(property)) {
        const value = Reflect.get(shell, property, shell) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(shell) : value;
      }
      const backend = target();
      const value = Reflect.get(backend, property, backend) as unknown;
      if (typeof value !== 'function') {
        return value;
      }
      return (...args: unknown[]) => supervisor.invoke(target, property, args);
    },
  }) as unknown as IQueueBackend;
}

/** A `forQueue` sibling: shares the owner's connection, follows its rebuilds, never closes it. */
function siblingOf(supervisor: SupervisedPostgresBackend, queueName: string, prefix: string): IQueueBackend {
  let generation = -1;
  let sibling: IQueueBackend | undefined;
  const target = () => {
    const owner = supervisor.current();
    if (generation !== supervisor.generation || !sibling) {
      sibling = owner.forQueue(queueName, prefix);
      generation = supervisor.generation;
    }
    return sibling;
  };
  const shell = new EventEmitter();
  Object.assign(shell, { close: () => Promise.resolve(), disconnect: () => Promise.resolve() });
  return proxyFor(supervisor, target, shell, (name, pre) => siblingOf(supervisor, name, pre));
}

type ListenClient = Awaited<ReturnType<PostgresConnection['getListenClient']>>;

/**
 * BullMQ's PostgreSQL connection, whose LISTEN client never throws an unheard error. BullMQ's `close()` removes every
 * listener of its LISTEN client and then ends it; an error the server sends in between (a FATAL 57P01 from a backend
 * that noticed its postmaster died, while the supervisor retires the connection of a lost server) was emitted with no
 * listener, which Node throws as an uncaught exception: it failed the chaos suite and embedded-postgres-crash after
 * their assertions had passed. An 'error' nobody listens to any more is dropped; a heard one is delivered as before.
 */
export class GuardedPostgresConnection extends PostgresConnection {
  private readonly guarded = new WeakSet<ListenClient>();

  override async getListenClient(): Promise<ListenClient> {
    const client = await super.getListenClient();
    if (!this.guarded.has(client)) {
      this.guarded.add(client);
      const emitter = client as unknown as EventEmitter;
      const emit = emitter.emit.bind(emitter);
      emitter.emit = (event: string | symbol, ...args: unknown[]) =>
        event === 'error' && emitter.listenerCount('error') === 0 ? false : emit(event, ...args);
    }
    return client;
  }
}

/** `createPostgresBackend` of BullMQ with a GuardedPostgresConnection (the same listen-client names). */
function createGuardedPostgresBackend(...[name, opts, factoryOptions = {}]: Parameters<BackendFactory>) {
  const connection = new GuardedPostgresConnection(opts.connection as PostgresConnectionOptions);
  const worker = (opts as { name?: string }).name;
  const listenClientName = factoryOptions.withBlockingConnection
    ? `${name}${worker ? `:w:${worker}` : ''}`
    : factoryOptions.blocking
      ? `${name}:qe`
      : undefined;
  return new PostgresQueueBackend(connection, name, opts as never, true, listenClientName);
}

/** The process-wide BullMQ backend factory for the PostgreSQL backend, supervised (see SupervisedPostgresBackend). */
export const createSupervisedPostgresBackend: BackendFactory = (name, opts, factoryOptions) => {
  const supervisor = new SupervisedPostgresBackend(() => createGuardedPostgresBackend(name, opts, factoryOptions));
  return proxyFor(
    supervisor,
    () => supervisor.current(),
    supervisor,
    (queueName, prefix) => siblingOf(supervisor, queueName, prefix),
  );
};

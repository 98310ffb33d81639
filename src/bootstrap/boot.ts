import { ConsoleLogger, INestApplicationContext, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { AppConfig, ensureEmbeddedSecret } from '../config/app-config.js';
import { EmbeddedPostgresServer } from '../database/embedded-postgres.server.js';
import { runMigrations } from '../database/data-source.js';
import { configureQueueBackend } from '../queue/queue-backend.js';
import { configureHttp } from './configure-http.js';
import { waitForDatabase, waitForRedis } from './wait-for-services.js';
import { Shutdown } from './shutdown.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface RunningSystem {
  app: INestApplicationContext;
  config: AppConfig;
  /** The HTTP address, when this process serves the API. */
  url?: string;
  stop(): Promise<void>;
}

/**
 * Boots one process: database (embedded or external), migrations, queue backend, then Nest with
 * the modules of its role. Used by main.ts, worker.ts and the integration tests alike.
 */
export async function boot(initial: AppConfig, shutdown = new Shutdown()): Promise<RunningSystem> {
  const logger = new ConsoleLogger('Boot', {
    json: initial.logJson,
    logLevels: LEVELS.slice(0, LEVELS.indexOf(initial.logLevel) + 1),
  });
  Logger.overrideLogger(logger);

  let config = initial.embedded ? ensureEmbeddedSecret(initial) : initial;
  try {
    if (config.embedded && !config.databaseUrl) {
      // A server that dies is started again in place; one that cannot be started again ends this process non-zero,
      // for a supervisor (systemd, Docker's restart policy) to start Pantau Isu afresh (docs/operations.md).
      const embedded = new EmbeddedPostgresServer(config.dataDir, {
        onUnrecoverable: () => {
          void shutdown.run().finally(() => process.exit(70)); // EX_SOFTWARE
        },
      });
      shutdown.add('embedded PostgreSQL', () => embedded.stop());
      config = { ...config, databaseUrl: await embedded.start() };
    }
    shutdown.throwIfRequested();
    const databaseUrl = config.databaseUrl as string;
    await waitForDatabase(databaseUrl, () => shutdown.requested);
    shutdown.throwIfRequested();
    const applied = await runMigrations(databaseUrl);
    if (applied.length > 0) {
      logger.log(`Applied migrations: ${applied.join(', ')}`);
    }
    if (config.redisUrl) {
      await waitForRedis(config.redisUrl, () => shutdown.requested);
    }
    shutdown.throwIfRequested();
    const backend = configureQueueBackend(config);
    logger.log(`Queue backend: ${backend.kind}; role: ${config.role}`);

    const module = AppModule.forRoot(config, backend);
    let app: INestApplicationContext;
    let url: string | undefined;
    if (config.role === 'worker') {
      app = await NestFactory.createApplicationContext(module, { logger, abortOnError: false });
      shutdown.add('application', () => app.close());
    } else {
      const http = await NestFactory.create(module, { logger, bodyParser: false, abortOnError: false });
      app = http;
      shutdown.add('application', () => http.close());
      configureHttp(http, config);
      await http.listen(config.port, config.embedded ? '127.0.0.1' : '0.0.0.0');
      url = (await http.getUrl()).replace('[::1]', '127.0.0.1');
      logger.log(`Pantau Isu API at ${url} (OpenAPI: ${url}/api/docs)`);
    }
    shutdown.throwIfRequested();
    return { app, config, url, stop: () => shutdown.run() };
  } catch (error) {
    await shutdown.run();
    throw error;
  }
}

/**
 * Ctrl-C / SIGTERM, from the first moment of boot: workers finish or release their jobs, the HTTP
 * server closes, then the embedded server stops. A second signal exits at once.
 */
export function stopOnSignals(shutdown: Shutdown): void {
  const stop = (signal: NodeJS.Signals) => {
    if (shutdown.requested) {
      process.exit(130);
    }
    new Logger('Boot').log(`${signal} received: shutting down`);
    shutdown.run().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // embedded-postgres (through async-exit-hook) stops its server on these signals at once, under
  // the feet of workers still committing: this process owns the order of shutdown instead. Its
  // 'exit' hook stays, as a last resort that still stops the server if this process crashes.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, stop);
  }
  // Closing clients race the embedded server's own shutdown; a connection it terminates while a
  // client is ending (57P01) is expected then, and must not turn a clean stop into a crash.
  process.on('uncaughtException', (error: Error & { code?: string }) => {
    if (shutdown.requested && error.code === '57P01') {
      return;
    }
    new Logger('Boot').fatal(`Uncaught exception: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}

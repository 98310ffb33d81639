import { ConsoleLogger, INestApplicationContext, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { AppConfig, ensureEmbeddedSecret } from '../config/app-config.js';
import { EmbeddedPostgresServer } from '../database/embedded-postgres.server.js';
import { runMigrations } from '../database/data-source.js';
import { configureQueueBackend } from '../queue/queue-backend.js';
import { configureHttp } from './configure-http.js';
import { waitForDatabase, waitForRedis } from './wait-for-services.js';

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
export async function boot(initial: AppConfig): Promise<RunningSystem> {
  const logger = new ConsoleLogger('Boot', {
    json: initial.logJson,
    logLevels: LEVELS.slice(0, LEVELS.indexOf(initial.logLevel) + 1),
  });
  Logger.overrideLogger(logger);

  let config = initial.embedded ? ensureEmbeddedSecret(initial) : initial;
  let embedded: EmbeddedPostgresServer | undefined;
  if (config.embedded && !config.databaseUrl) {
    embedded = new EmbeddedPostgresServer(config.dataDir);
    config = { ...config, databaseUrl: await embedded.start() };
  }
  const databaseUrl = config.databaseUrl as string;
  try {
    await waitForDatabase(databaseUrl);
    const applied = await runMigrations(databaseUrl);
    if (applied.length > 0) {
      logger.log(`Applied migrations: ${applied.join(', ')}`);
    }
    if (config.redisUrl) {
      await waitForRedis(config.redisUrl);
    }
    const backend = configureQueueBackend(config);
    logger.log(`Queue backend: ${backend.kind}; role: ${config.role}`);

    const module = AppModule.forRoot(config, backend);
    let app: INestApplicationContext;
    let url: string | undefined;
    if (config.role === 'worker') {
      app = await NestFactory.createApplicationContext(module, { logger, abortOnError: false });
    } else {
      const http = await NestFactory.create(module, { logger, bodyParser: false, abortOnError: false });
      configureHttp(http);
      await http.listen(config.port, config.embedded ? '127.0.0.1' : '0.0.0.0');
      url = (await http.getUrl()).replace('[::1]', '127.0.0.1');
      logger.log(`Pantau Isu API at ${url} (OpenAPI: ${url}/api/docs)`);
      app = http;
    }
    return {
      app,
      config,
      url,
      async stop() {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Ctrl-C / SIGTERM: workers finish or release their jobs, then the embedded server stops. */
export function stopOnSignals(system: RunningSystem): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      return;
    }
    stopping = true;
    new Logger('Boot').log(`${signal} received: shutting down`);
    system.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        new Logger('Boot').error(`Shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

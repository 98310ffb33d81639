import 'reflect-metadata';
import { ConfigError, loadAppConfig } from './config/app-config.js';
import { boot, stopOnSignals } from './bootstrap/boot.js';
import { Shutdown, ShutdownRequested } from './bootstrap/shutdown.js';

/**
 * `npm start`: API and workers in one process (role `all`), the embedded default when no
 * DATABASE_URL is set. `--role=api` / `--role=worker` (or PANTAU_ROLE) split them for scale-out.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG: a supervisor should not restart into the same error
    }
    throw error;
  }
  const shutdown = new Shutdown();
  stopOnSignals(shutdown);
  try {
    await boot(config, shutdown);
  } catch (error) {
    if (error instanceof ShutdownRequested) {
      return; // the signal handler exits once cleanup is done
    }
    console.error(`Pantau Isu could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

await main();

import { boot, RunningSystem } from '../../src/bootstrap/boot.js';
import { loadAppConfig } from '../../src/config/app-config.js';

/** Boots the embedded default (no DATABASE_URL: its own PostgreSQL under `dataDir`, the queue on it) on a free port. */
export function bootEmbeddedSystem(dataDir: string, env: Record<string, string> = {}): Promise<RunningSystem> {
  const config = loadAppConfig(
    {
      PANTAU_DATA_DIR: dataDir,
      PANTAU_ADMIN_PASSWORD: 'admin-password-for-tests',
      PANTAU_DEMO: 'false',
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_LOG_JSON: 'false',
      PORT: '0',
      ...env,
    },
    [],
  );
  return boot(config);
}

// The chaos suite (`npm run test:chaos`, docs/operations.md): kills and restarts processes and servers it started
// itself during an ingest, and prints lost / duplicated / recovery seconds. Not part of `npm test`; CI runs it in its
// own phase. Cases run one after another (they measure recovery times on a shared machine).
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));
swc.swcrc = false;
delete swc.$schema;

export default {
  roots: ['<rootDir>/test/chaos'],
  testMatch: ['**/*.chaos-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testEnvironment: 'node',
  testTimeout: 420000,
  maxWorkers: 1,
  // TEST_DATABASE_URL (CI: the machine's server, used, never stopped) or an embedded server, for the worker case.
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
};

// Jest runs in native ESM mode (NestJS 12 is ESM-only): `node --experimental-vm-modules`.
// SWC compiles TypeScript with legacy decorators and decorator metadata, like the build.
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));
swc.swcrc = false;
delete swc.$schema;

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  // jest-environment-node with one store for the whole worker process: models and the gazetteer load once (see the file).
  testEnvironment: '<rootDir>/test/setup/shared-store-environment.js',
};

export default {
  // Integration suites boot the real application; a project-level testTimeout is ignored by jest.
  testTimeout: 60000,
  // No forceExit: every suite closes what it started, and a handle left open keeps the run alive (found that way:
  // a LISTEN connection and a blocking wait of BullMQ's PostgreSQL backend, closed since; docs/operations.md).
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/src', '<rootDir>/eval'], testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts', '**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};

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
  // Every suite stops what it started, but since 2026-11-30 a run sometimes stays alive after the last suite. One open
  // handle is closed (a LISTEN connection opened after an API-role process closed its never-run workers, see
  // docs/operations.md), and two of the detection worker (its LISTEN connection, and a blocking wait left armed by its
  // forced close: a suite exited 187 s after its tests); that no other remains is not proven: exit once the results
  // are in, so CI cannot hang.
  forceExit: true,
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

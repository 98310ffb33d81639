// Browser tests (`npm run test:browser`): Debian's Chromium driven by playwright-core against ONE real server, started
// by global-setup.ts from the build (dist/) in the embedded default, seeded through the API. Suites run in band.
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));
swc.swcrc = false;
delete swc.$schema;

export default {
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testEnvironment: 'node',
  testTimeout: 120000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/browser/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
};

// The jest test environment of every project: jest-environment-node, plus one store shared by all suites of the
// worker process (src/analysis/shared/process-shared.ts). Each suite has its own module registry, so without it every
// suite parsed the language, emotion and sentiment models and built the gazetteer again, and kept them to the end.
// This module is loaded once per worker (outside the suites' contexts), so `store` outlives them.
import { TestEnvironment } from 'jest-environment-node';

const STORE_KEY = Symbol.for('pantau-isu.process-shared');
const store = new Map();

export default class SharedStoreEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global[STORE_KEY] = store;
  }
}

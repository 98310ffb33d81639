/**
 * One value per process for read-only state that is costly to build (the shipped models, the default gazetteer).
 *
 * Module-level caches are not enough under jest: every test suite gets its own module registry, so each suite parsed
 * the models and built the gazetteer again and kept them until the run ended (the full `npm test` needed an 8 GB heap).
 * The store lives on `globalThis` under a registered symbol; the jest environment of this repository
 * (test/setup/shared-store-environment.js) gives every suite the same store, so a value is built once per process.
 * Outside jest `globalThis` is the process's, and this is a plain lazy cache.
 *
 * Only for values that never change once built and that no caller mutates. A factory that throws (or a promise that
 * rejects) is not cached: the next call tries again.
 */
const STORE_KEY = Symbol.for('pantau-isu.process-shared');

type Store = Map<string, unknown>;

function store(): Store {
  const g = globalThis as unknown as Record<symbol, Store | undefined>;
  let s = g[STORE_KEY];
  if (!s) {
    s = new Map();
    g[STORE_KEY] = s;
  }
  return s;
}

/** The value under `key`, built by `factory` on the first call of the process. */
export function processShared<T>(key: string, factory: () => T): T {
  const s = store();
  if (s.has(key)) {
    return s.get(key) as T;
  }
  const value = factory();
  s.set(key, value);
  if (value instanceof Promise || (typeof value === 'object' && value !== null && 'then' in value)) {
    // A failed load is retried by the next caller rather than cached (a promise from another realm too).
    Promise.resolve(value).catch(() => {
      if (s.get(key) === value) {
        s.delete(key);
      }
    });
  }
  return value;
}

/** Whether `key` has been built in this process (for tests and diagnostics). */
export function isProcessShared(key: string): boolean {
  return store().has(key);
}

/** The symbol the store lives under (the jest environment passes it to each suite's global). */
export const PROCESS_SHARED_STORE_KEY = STORE_KEY;

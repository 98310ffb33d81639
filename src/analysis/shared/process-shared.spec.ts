import { isProcessShared, processShared, PROCESS_SHARED_STORE_KEY } from './process-shared.js';

let n = 0;
const key = (name: string) => `process-shared.spec:${name}:${++n}:${Math.random()}`;

describe('processShared', () => {
  it('builds a value once per key and returns the same instance after', () => {
    const k = key('once');
    let calls = 0;
    const a = processShared(k, () => ({ calls: ++calls }));
    const b = processShared(k, () => ({ calls: ++calls }));
    expect(b).toBe(a);
    expect(calls).toBe(1);
    expect(isProcessShared(k)).toBe(true);
    expect(processShared(key('other'), () => 'x')).toBe('x');
  });

  it('does not cache a factory that throws', () => {
    const k = key('throws');
    expect(() =>
      processShared(k, () => {
        throw new Error('broken file');
      }),
    ).toThrow('broken file');
    expect(isProcessShared(k)).toBe(false);
    expect(processShared(k, () => 42)).toBe(42);
  });

  it('forgets a rejected promise so the next caller tries again', async () => {
    const k = key('rejects');
    await expect(processShared(k, () => Promise.reject(new Error('no data')))).rejects.toThrow('no data');
    await new Promise((resolve) => setImmediate(resolve));
    expect(isProcessShared(k)).toBe(false);
    await expect(processShared(k, () => Promise.resolve(7))).resolves.toBe(7);
    expect(isProcessShared(k)).toBe(true);
  });

  it('uses the store the jest environment gives every suite of the process, not one of its own', () => {
    // test/setup/shared-store-environment.js creates the store outside the suites' contexts: it is a Map of the outer
    // realm, so not an instance of this suite's Map. With jest's plain node environment the store would be created here.
    processShared(key('env'), () => 1);
    const s = (globalThis as unknown as Record<symbol, unknown>)[PROCESS_SHARED_STORE_KEY];
    expect(Object.prototype.toString.call(s)).toBe('[object Map]');
    expect(s instanceof Map).toBe(false);
  });
});

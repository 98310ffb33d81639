import { SingleFlight } from './single-flight.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe(SingleFlight.name, () => {
  describe('run', () => {
    it('should run identical reads under way once and give every caller the answer', async () => {
      const flights = new SingleFlight();
      const answer = deferred<number>();
      let calls = 0;
      const read = () => {
        calls++;
        return answer.promise;
      };
      const first = flights.run('overview?a', read);
      const second = flights.run('overview?a', read);
      expect(flights.size).toBe(1);
      answer.resolve(42);
      expect(await Promise.all([first, second])).toEqual([42, 42]);
      expect(calls).toBe(1);
    });

    it('should run again once the read settled, and keep other keys apart', async () => {
      const flights = new SingleFlight();
      let calls = 0;
      const read = () => Promise.resolve(++calls);
      expect(await flights.run('k', read)).toBe(1);
      expect(await flights.run('k', read)).toBe(2);
      const [a, b] = await Promise.all([flights.run('a', read), flights.run('b', read)]);
      expect(new Set([a, b]).size).toBe(2);
      expect(flights.size).toBe(0);
    });

    it('should hand a failure to every caller under way and forget it', async () => {
      const flights = new SingleFlight();
      const answer = deferred<number>();
      const first = flights.run('k', () => answer.promise);
      const second = flights.run('k', () => Promise.resolve(7));
      answer.reject(new Error('basis data tidak menjawab'));
      await expect(first).rejects.toThrow('basis data tidak menjawab');
      await expect(second).rejects.toThrow('basis data tidak menjawab');
      expect(await flights.run('k', () => Promise.resolve(7))).toBe(7);
    });
  });
});

import { GenerationCache } from './generation-cache.js';

describe(GenerationCache.name, () => {
  describe('get', () => {
    it('should compute a value once and keep what is still used when the current generation fills', () => {
      const cache = new GenerationCache<string, string>(2);
      const made: string[] = [];
      const make = (key: string) => {
        made.push(key);
        return key.toUpperCase();
      };
      expect(cache.get('a', make)).toBe('A');
      cache.get('b', make);
      // The current generation is full: 'c' starts a new one, 'a' and 'b' stay in the previous one.
      cache.get('c', make);
      // 'a' is used again: found in the previous generation, moved to the current one, not computed again.
      expect(cache.get('a', make)).toBe('A');
      // A third generation starts: 'b' (unused since) is dropped, 'a' and 'c' remain.
      cache.get('d', make);
      cache.get('a', make);
      cache.get('c', make);
      cache.get('b', make);
      expect(made).toEqual(['a', 'b', 'c', 'd', 'b']);
      expect(cache.size).toBeLessThanOrEqual(4);
    });
  });
});

import { BucketCounter } from './bucket-counter.js';

const keys = (...ids: number[]): { id: number }[] => ids.map((id) => ({ id }));
const names = (id: number): string => `t:k${id}`;
const kinds = (): 'term' => 'term';

describe(BucketCounter.name, () => {
  it('should count distinct authors and voices exactly while a bucket is open, and keep them once frozen', () => {
    const counter = new BucketCounter(1000);
    counter.add(5, keys(9, 2), 1, 1, 0);
    counter.add(5, keys(9), 1, 1, 1);
    counter.add(5, keys(9), 2, 1, 2);
    expect(counter.voicesOf(5, 9)).toBe(1);
    counter.bucketFor(7); // bucket 5 is now two behind the newest: frozen into columns
    expect(counter.get(5)!.frozen).toBe(true);
    expect(counter.voicesOf(5, 9)).toBe(1);
    expect(counter.voicesOf(5, 2)).toBe(1);
    expect(counter.voicesOf(5, 3)).toBe(0);
    expect(counter.postingsOf(5, 9)).toEqual([0, 1, 2]);
  });

  it('should count a late post into a frozen key as a new voice (its sets are gone)', () => {
    const counter = new BucketCounter(1000);
    counter.add(5, keys(4), 1, 1, 0);
    counter.bucketFor(7);
    counter.add(5, keys(4), 1, 1, 1);
    expect(counter.voicesOf(5, 4)).toBe(2);
  });

  it('should export keys in the order they were first counted, whatever their ids', () => {
    const counter = new BucketCounter(1000);
    counter.add(5, keys(30, 10), 1, 1, 0);
    counter.add(5, keys(20, 10), 2, 2, 1);
    counter.bucketFor(7);
    const rows = [...counter.rows(names, kinds)].filter((r) => r.bucketStart === 5000);
    expect(rows.map((r) => r.key)).toEqual(['*', 't:k30', 't:k10', 't:k20']);
    expect(rows.find((r) => r.key === 't:k10')).toMatchObject({ voices: 2, authors: 2, posts: 2 });
  });

  it('should let a restored row replace what was counted, keep the key in its place and drop its postings', () => {
    const counter = new BucketCounter(1000);
    counter.add(5, keys(3, 8), 1, 1, 0);
    counter.setCounts(5, 3, 9, 7, 6);
    counter.setCounts(5, 1, 2, 2, 2);
    counter.settleRestored();
    expect(counter.voicesOf(5, 3)).toBe(6);
    expect(counter.postingsOf(5, 3)).toEqual([]);
    expect(counter.postingsOf(5, 8)).toEqual([0]);
    const order = [...counter.rows(names, kinds)].map((r) => r.key);
    expect(order).toEqual(['*', 't:k3', 't:k8', 't:k1']);
  });

  it('should keep the last of several rows for one key, as restoring twice would', () => {
    const counter = new BucketCounter(1000);
    counter.setTotals(5, 10, 10);
    counter.setCounts(5, 2, 1, 1, 1);
    counter.setCounts(5, 2, 5, 4, 3);
    expect(counter.voicesOf(5, 2)).toBe(3);
  });
});

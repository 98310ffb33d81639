import { hashAuthor, HyperLogLog } from './hyperloglog.js';

function sketchOf(prefix: string, count: number): HyperLogLog {
  const sketch = new HyperLogLog();
  for (let i = 0; i < count; i++) {
    sketch.add(hashAuthor(`${prefix}${i}`));
  }
  return sketch;
}

describe('HyperLogLog', () => {
  it('should count small sets almost exactly and large ones within a few standard errors (1.6 %)', () => {
    expect(new HyperLogLog().count()).toBe(0);
    expect(sketchOf('a', 1).count()).toBe(1);
    for (const n of [10, 100, 1000]) {
      expect(Math.abs(sketchOf('small', n).count() - n)).toBeLessThanOrEqual(Math.max(1, n * 0.02));
    }
    for (const n of [20_000, 200_000]) {
      const estimate = sketchOf(`large${n}`, n).count();
      expect(Math.abs(estimate - n) / n).toBeLessThan(0.05);
    }
  });

  it('should count an author once however often it posts', () => {
    const sketch = new HyperLogLog();
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 40; i++) {
        sketch.add(hashAuthor(`warga${i}`));
      }
    }
    expect(sketch.count()).toBe(40);
  });

  it('should merge to the sketch of the union (overlapping sets counted once)', () => {
    const left = sketchOf('x', 3000);
    const right = new HyperLogLog();
    for (let i = 1500; i < 4500; i++) {
      right.add(hashAuthor(`x${i}`));
    }
    const union = sketchOf('x', 4500);
    expect(new HyperLogLog().merge(left).merge(right).registers).toEqual(union.registers);
  });

  it('should round-trip sparse and dense stored forms', () => {
    const sparse = sketchOf('s', 50);
    const dense = sketchOf('d', 50_000);
    expect(sparse.toBytes()[0]).toBe(1);
    expect(sparse.toBytes().length).toBeLessThan(200);
    expect(dense.toBytes()[0]).toBe(0);
    expect(dense.toBytes().length).toBe(4098);
    for (const sketch of [sparse, dense, new HyperLogLog()]) {
      expect(HyperLogLog.fromBytes(sketch.toBytes()).registers).toEqual(sketch.registers);
    }
    expect(HyperLogLog.countOf([sparse.toBytes(), dense.toBytes()])).toBe(
      new HyperLogLog().merge(sparse).merge(dense).count(),
    );
    expect(() => HyperLogLog.fromBytes(Buffer.from([0, 14]))).toThrow('Unsupported HyperLogLog sketch');
  });
});

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

describe('HyperLogLog, sparse against dense', () => {
  const dense = () => new HyperLogLog(new Uint8Array(4096));
  const fill = (sketch: HyperLogLog, prefix: string, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      sketch.add(hashAuthor(`${prefix}${i}`));
    }
    return sketch;
  };

  it('should hold the same registers, estimate and stored bytes as a dense sketch at every size', () => {
    for (const n of [0, 1, 7, 100, 900, 1200, 1300, 1500, 5000, 60_000]) {
      const sparse = fill(new HyperLogLog(), 'p', 0, n);
      const reference = fill(dense(), 'p', 0, n);
      // Sparse while at most 1,024 registers are set (≈ 1,200 authors), dense beyond.
      expect(sparse.isSparse).toBe(reference.registers.filter((r) => r > 0).length <= 1024);
      expect(reference.isSparse).toBe(false);
      expect(sparse.registers).toEqual(reference.registers);
      expect(sparse.count()).toBe(reference.count());
      expect(sparse.toBytes()).toEqual(reference.toBytes());
      const read = HyperLogLog.fromBytes(reference.toBytes());
      expect(read.registers).toEqual(reference.registers);
      expect(read.count()).toBe(reference.count());
    }
  });

  it('should merge exactly in every combination of forms', () => {
    for (const [left, right] of [
      [50, 70],
      [600, 600],
      [3000, 40],
      [20, 8000],
    ]) {
      const union = fill(fill(dense(), 'a', 0, left), 'b', 0, right);
      for (const leftDense of [false, true]) {
        for (const rightDense of [false, true]) {
          const a = fill(leftDense ? dense() : new HyperLogLog(), 'a', 0, left);
          const b = fill(rightDense ? dense() : new HyperLogLog(), 'b', 0, right);
          const merged = a.merge(b);
          expect(merged.registers).toEqual(union.registers);
          expect(merged.count()).toBe(union.count());
        }
      }
      expect(HyperLogLog.countOf([fill(new HyperLogLog(), 'a', 0, left).toBytes(), union.toBytes()])).toBe(
        union.count(),
      );
    }
  });

  it('should read a stored sparse form in any order of triples', () => {
    const reference = fill(dense(), 'r', 0, 30);
    const bytes = Buffer.from(reference.toBytes());
    const triples: Buffer[] = [];
    for (let at = 2; at < bytes.length; at += 3) {
      triples.push(bytes.subarray(at, at + 3));
    }
    const reversed = Buffer.concat([bytes.subarray(0, 2), ...triples.reverse()]);
    expect(HyperLogLog.fromBytes(reversed).registers).toEqual(reference.registers);
  });
});

import { BurstScorer, KeyBaselines, poissonSurprise } from './burst-scorer.js';

describe(BurstScorer.name, () => {
  describe('poissonSurprise', () => {
    it('should match the exact Poisson tail', () => {
      // P(X >= 3 | 1) = 1 - e^-1 (1 + 1 + 1/2) = 0.0803
      expect(poissonSurprise(3, 1)).toBeCloseTo(-Math.log10(0.0803014), 4);
      expect(poissonSurprise(1, 2)).toBe(0);
    });
  });

  it('should let a key with a steady baseline stay quiet and a sudden rise burst', () => {
    const scorer = new BurstScorer(96, 0.3);
    const b = new KeyBaselines();
    b.reset(0, 0);
    for (let t = 0; t < 400; t++) {
      scorer.fold(b, 0, t, 5, 100, t % 24, false);
    }
    expect(scorer.score(b, 0, 6, 1, 100, 1, 10).surprise).toBeLessThan(2);
    expect(scorer.score(b, 0, 30, 1, 100, 1, 10).surprise).toBeGreaterThan(6);
  });

  it('should need several voices before a brand-new key bursts (Poisson floor)', () => {
    const scorer = new BurstScorer(96, 0.3);
    const fresh = new KeyBaselines();
    fresh.reset(0, 0);
    expect(scorer.score(fresh, 0, 3, 1, 100, 1, 10).surprise).toBeLessThan(6);
    expect(scorer.score(fresh, 0, 12, 1, 100, 1, 10).surprise).toBeGreaterThan(6);
  });

  it('should learn an hour-of-day rhythm so a daily morning peak is expected', () => {
    const scorer = new BurstScorer(96, 0.3);
    const b = new KeyBaselines();
    b.reset(0, 0);
    for (let t = 0; t < 96 * 4; t++) {
      const hour = Math.floor((t % 96) / 4);
      scorer.fold(b, 0, t, hour === 7 ? 20 : 1, 100, hour, false);
    }
    expect(b.seasonalFactor(0, 7)).toBeGreaterThan(3);
    expect(scorer.score(b, 0, 20, 1, 100, 1, 7).surprise).toBeLessThan(6);
    expect(scorer.score(b, 0, 20, 1, 100, 1, 14).surprise).toBeGreaterThan(6);
  });

  it('should keep exact recent voices in the ring, counts that do not fit a byte included', () => {
    const b = new KeyBaselines(16);
    for (let id = 0; id < 3; id++) {
      b.reset(id, 0);
    }
    const voices = [3, 254, 255, 300, 0, 70_000, 1, 256];
    voices.forEach((v, t) => b.recordVoices(1, t, v));
    b.recordVoices(0, 5, 2);
    b.recordVoices(2, 7, 9);
    const sum = (from: number, to: number): number => voices.slice(from, to + 1).reduce((s, v) => s + v, 0);
    expect(b.recentVoices(1, 0, 7)).toBe(sum(0, 7));
    expect(b.recentVoices(1, 4, 7)).toBe(sum(4, 7));
    expect(b.recentVoices(1, 7, 7)).toBe(256);
    // Overwritten slots (a ring of 16: bucket 19 reuses the slot of bucket 3, zeroed buckets 8–18 too) drop the old count.
    b.recordVoices(1, 19, 5);
    expect(b.recentVoices(1, 4, 19)).toBe(sum(4, 7) + 5);
    expect(b.recentVoices(1, 19, 19)).toBe(5);
    // After a gap longer than the ring only the new record counts.
    b.recordVoices(1, 60, 400);
    expect(b.recentVoices(1, 45, 60)).toBe(400);
    // Neighbouring keys are untouched.
    expect(b.recentVoices(0, 0, 7)).toBe(2);
    expect(b.recentVoices(2, 0, 7)).toBe(9);
    // Growing keeps every key's numbers.
    b.reset(5000, 0);
    expect(b.recentVoices(1, 45, 60)).toBe(400);
    expect(b.recentVoices(2, 0, 7)).toBe(9);
  });

  it('should keep every hour-of-day profile while the pool of profiles grows', () => {
    const b = new KeyBaselines();
    for (let id = 0; id < 3000; id++) {
      b.reset(id, 0);
      b.learnHour(id, id % 24, 5, 0.25);
    }
    let wrong = 0;
    for (let id = 0; id < 3000; id++) {
      const seasonal = b.toRow(id, `t:${id}`).seasonal!;
      wrong += seasonal.filter((x, h) => x !== (h === id % 24 ? 2 : 1)).length;
    }
    expect(wrong).toBe(0);
  });
});

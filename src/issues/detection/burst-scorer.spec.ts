import { BurstScorer, poissonSurprise } from './burst-scorer.js';

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
    const b = BurstScorer.empty(0);
    for (let t = 0; t < 400; t++) {
      scorer.fold(b, t, 5, 100, t % 24, false);
    }
    expect(scorer.score(b, 6, 1, 100, 1, 10).surprise).toBeLessThan(2);
    expect(scorer.score(b, 30, 1, 100, 1, 10).surprise).toBeGreaterThan(6);
  });

  it('should need several voices before a brand-new key bursts (Poisson floor)', () => {
    const scorer = new BurstScorer(96, 0.3);
    const fresh = BurstScorer.empty(0);
    expect(scorer.score(fresh, 3, 1, 100, 1, 10).surprise).toBeLessThan(6);
    expect(scorer.score(fresh, 12, 1, 100, 1, 10).surprise).toBeGreaterThan(6);
  });

  it('should learn an hour-of-day rhythm so a daily morning peak is expected', () => {
    const scorer = new BurstScorer(96, 0.3);
    const b = BurstScorer.empty(0);
    for (let t = 0; t < 96 * 4; t++) {
      const hour = Math.floor((t % 96) / 4);
      scorer.fold(b, t, hour === 7 ? 20 : 1, 100, hour, false);
    }
    expect(scorer.seasonalFactor(b, 7)).toBeGreaterThan(3);
    expect(scorer.score(b, 20, 1, 100, 1, 7).surprise).toBeLessThan(6);
    expect(scorer.score(b, 20, 1, 100, 1, 14).surprise).toBeGreaterThan(6);
  });
});

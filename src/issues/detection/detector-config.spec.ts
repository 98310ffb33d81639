import { DEFAULT_CATEGORIES } from '../../analysis/category/default-categories.js';
import { categoryOpdMap, categoryWeightOf, DetectorConfigError, resolveDetectorConfig } from './detector-config.js';
import { IssueDetector } from './issue-detector.js';

const SEED = DEFAULT_CATEGORIES.map((c) => ({ slug: c.slug, opd: c.opd, severityWeight: c.severityWeight ?? 1 }));

describe(resolveDetectorConfig.name, () => {
  it('should name every value that is out of range', () => {
    let error: unknown;
    try {
      resolveDetectorConfig({ minSurprise: -1, windows: [], bucketMs: 7 * 60_000 }, SEED);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DetectorConfigError);
    const problems = (error as DetectorConfigError).problems.join('\n');
    expect(problems).toMatch(/minSurprise/);
    expect(problems).toMatch(/windows/);
    expect(problems).toMatch(/bucketMs must divide a day/);
  });

  it('should refuse a co-occurrence threshold above the burst threshold', () => {
    expect(() => resolveDetectorConfig({ coBurstSurprise: 5, minSurprise: 3 }, SEED)).toThrow(/coBurstSurprise/);
  });

  it('should keep defaults for overrides given as undefined', () => {
    expect(resolveDetectorConfig({ minSurprise: undefined }, SEED).minSurprise).toBe(3.5);
  });

  it('should take severity weights and OPD from the categories passed in', () => {
    const config = resolveDetectorConfig(
      {
        categories: [
          { slug: 'bencana', opd: 'BPBD Kota', severityWeight: 0.75 },
          { slug: 'lainnya', opd: 'Diskominfo', severityWeight: 0.3 },
        ],
      },
      SEED,
    );
    expect(categoryWeightOf(config, 'bencana')).toBeCloseTo(0.5);
    expect(categoryWeightOf(config, 'kesehatan')).toBeCloseTo(0.2);
    expect(categoryOpdMap(config).bencana).toBe('BPBD Kota');
  });

  it('should default to the seed of the categories table', () => {
    const detector = new IssueDetector();
    expect(detector.config.categories.map((c) => c.slug)).toEqual(DEFAULT_CATEGORIES.map((c) => c.slug));
    expect(categoryWeightOf(detector.config, 'bencana')).toBe(1);
  });
});

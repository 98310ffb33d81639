import { loadAreaIndex } from '../detection/generators/area-index.js';
import { readPlacePosts, regenciesOf, scorePairs } from './places-scoring.js';

describe('blind places set', () => {
  it('should hold at least 300 posts from several home regions, split about 40/60 into tune and report', () => {
    const posts = readPlacePosts();
    expect(posts.length).toBeGreaterThanOrEqual(300);
    expect(new Set(posts.map((p) => p.id)).size).toBe(posts.length);
    expect(new Set(posts.map((p) => p.homeRegion)).size).toBeGreaterThanOrEqual(5);
    const tune = posts.filter((p) => p.split === 'tune').length / posts.length;
    expect(tune).toBeGreaterThan(0.35);
    expect(tune).toBeLessThan(0.45);
    expect(posts.every((p) => p.split === 'tune' || p.split === 'report')).toBe(true);
  });

  it('should label only codes that exist, each district inside a labelled regency, each regency inside a labelled province', async () => {
    const areas = await loadAreaIndex();
    const problems: string[] = [];
    for (const p of readPlacePosts()) {
      if (!areas.regencies.has(p.homeRegion)) {
        problems.push(`${p.id}: unknown home region`);
      }
      for (const r of p.regencies) {
        if (!areas.regencies.has(r) || !p.provinces.includes(r.slice(0, 2))) {
          problems.push(`${p.id}: regency ${r}`);
        }
      }
      for (const d of p.districts) {
        const known = (areas.districtsByRegency.get(d.slice(0, 5)) ?? []).some((x) => x.code === d);
        if (!known || !p.regencies.includes(d.slice(0, 5))) {
          problems.push(`${p.id}: district ${d}`);
        }
      }
      for (const pr of p.provinces) {
        if (!areas.provinces.has(pr)) {
          problems.push(`${p.id}: province ${pr}`);
        }
      }
      if (p.cases.includes('no-place') && p.regencies.length + p.provinces.length > 0) {
        problems.push(`${p.id}: no-place post with a place`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('should cover the hard cases issue 12 lists', () => {
    const cases = new Set(readPlacePosts().flatMap((p) => p.cases));
    for (const c of [
      'bare-regency',
      'other-district',
      'home-ambiguous-district',
      'function-word-village',
      'everyday-word-regency',
      'regional-verb-province',
      'malaysia',
      'no-place',
    ]) {
      expect(cases).toContain(c);
    }
  });
});

describe('places scoring', () => {
  it('should count a district or village match as its regency and drop province matches', () => {
    expect(regenciesOf(['33', '33.02.19', '33.02.19.2001', '73.71'])).toEqual(['33.02', '73.71']);
  });

  it('should score pairs: a false hit on a placeless post costs precision, a miss costs recall', () => {
    const s = scorePairs([
      { gold: ['33.02'], predicted: ['33.02'] },
      { gold: [], predicted: ['35.23'] },
      { gold: ['12.71', '12.06'], predicted: ['12.71'] },
    ]);
    expect(s).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 1 });
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(2 / 3);
  });
});

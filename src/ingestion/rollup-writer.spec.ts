import type { PostAnalysis } from '../analysis/index.js';
import type { AnalysedPost } from './stored-post.js';
import { BatchRollup, placesOf, termsOf, TERMS_PER_BATCH } from './rollup-writer.js';

const SOURCE = '00000000-0000-4000-8000-000000000001';

function post(externalId: string, overrides: Partial<PostAnalysis> = {}, author = 'warga1'): AnalysedPost {
  return {
    post: { externalId, text: '', createdAt: '', author, metrics: { likes: 3, replies: 1, reposts: 2, views: 100 } },
    analysis: {
      sentiment: { label: 'negative' },
      category: { slug: 'infrastruktur', opd: 'Dinas PUPR' },
      locations: [],
      topics: [],
      tokens: ['jalan', 'rusak'],
      ...overrides,
    } as PostAnalysis,
  };
}

describe('placesOf', () => {
  it('should count a post once for each named place and each of its ancestors, down to districts', () => {
    expect(placesOf(['64.72.01.1001', '64.72.05', '64']).sort()).toEqual(['64', '64.72', '64.72.01', '64.72.05']);
    expect(placesOf([])).toEqual([]);
  });
});

describe('termsOf', () => {
  it('should keep distinct content words and drop function words, short tokens and numbers', () => {
    expect(termsOf(['jalan', 'yang', 'rusak', 'jalan', 'di', '2024', 'ok', 'pdam'])).toEqual([
      'jalan',
      'rusak',
      'pdam',
    ]);
  });
});

describe('BatchRollup', () => {
  it('should aggregate a batch into one cell per key, reach as likes + replies + reposts', () => {
    const rollup = new BatchRollup(SOURCE);
    const at = new Date('2026-12-01T10:15:00Z');
    rollup.add(at, post('a', { locations: [{ code: '64.72.01' }] as PostAnalysis['locations'] }));
    rollup.add(new Date('2026-12-01T10:59:59Z'), post('b', {}, 'warga2'));
    rollup.add(new Date('2026-12-01T11:00:00Z'), post('c', { topics: [{ id: 't1', terms: [] }] }, 'warga1'));
    const hour10 = '2026-12-01T10:00:00.000Z';
    const hour11 = '2026-12-01T11:00:00.000Z';
    expect([...rollup.volume]).toEqual([
      [`${hour10}|${SOURCE}|infrastruktur|negative|Dinas PUPR`, { posts: 2, reach: 12 }],
      [`${hour11}|${SOURCE}|infrastruktur|negative|Dinas PUPR`, { posts: 1, reach: 6 }],
    ]);
    expect([...rollup.regions.keys()].map((key) => key.split('|')[0])).toEqual(['64', '64.72', '64.72.01']);
    expect([...rollup.topics.keys()]).toEqual([`t1|${hour11}|${SOURCE}|infrastruktur|negative|Dinas PUPR`]);
    expect(rollup.sketches.get(`${hour10}|all|`)?.count()).toBe(2);
    expect(rollup.sketches.get(`${hour11}|topic|t1`)?.count()).toBe(1);
    expect(rollup.authors.get(`${hour10}|${SOURCE}|warga1`)).toEqual({ posts: 1, reach: 6 });
    expect(rollup.termRows()).toEqual(
      expect.arrayContaining([
        [`${hour10}|all|`, 'jalan', 2],
        [`${hour10}|category|infrastruktur`, 'rusak', 2],
        [`${hour11}|topic|t1`, 'jalan', 1],
      ]),
    );
  });

  it('should keep only the most frequent terms of each scope per batch', () => {
    const rollup = new BatchRollup(SOURCE);
    const at = new Date('2026-12-01T10:00:00Z');
    for (let i = 0; i < 200; i++) {
      rollup.add(at, post(`p${i}`, { tokens: [`kata${i}`, 'banjir'] }));
    }
    const all = rollup.termRows().filter(([scope]) => scope.endsWith('|all|'));
    expect(all.length).toBe(TERMS_PER_BATCH.all);
    expect(all[0]).toEqual([`2026-12-01T10:00:00.000Z|all|`, 'banjir', 200]);
  });

  it('should not count posts without an author as authors', () => {
    const rollup = new BatchRollup(SOURCE);
    rollup.add(new Date('2026-12-01T10:00:00Z'), post('a', {}, ''));
    expect(rollup.sketches.size).toBe(0);
    expect(rollup.authors.size).toBe(0);
    expect(rollup.volume.size).toBe(1);
  });
});

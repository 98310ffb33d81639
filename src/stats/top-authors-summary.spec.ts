import fc from 'fast-check';
import { TopAuthorsSummary } from './top-authors-summary.js';

/** Exact tallies of a stream of (author, reach) posts. */
function exact(posts: [string, number][]): Map<string, { posts: number; reach: number }> {
  const counts = new Map<string, { posts: number; reach: number }>();
  for (const [author, reach] of posts) {
    const count = counts.get(author) ?? { posts: 0, reach: 0 };
    count.posts += 1;
    count.reach += reach;
    counts.set(author, count);
  }
  return counts;
}

/** The stored invariant: counts are lower bounds short by at most the floors; absent authors have at most them. */
function expectBounds(summary: TopAuthorsSummary, truth: Map<string, { posts: number; reach: number }>): void {
  for (const [author, count] of truth) {
    const held = summary.counts.get(author) ?? { posts: 0, reach: 0 };
    expect(held.posts).toBeLessThanOrEqual(count.posts);
    expect(count.posts - held.posts).toBeLessThanOrEqual(summary.floorPosts);
    expect(held.reach).toBeLessThanOrEqual(count.reach);
    expect(count.reach - held.reach).toBeLessThanOrEqual(summary.floorReach);
  }
}

const stream = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: 60 }).map((n) => `a${n}`),
    fc.integer({ min: 0, max: 50 }),
  ),
  {
    maxLength: 400,
  },
);

describe('TopAuthorsSummary', () => {
  it('keeps the top authors by posts and by reach, and raises the floors by the largest count dropped', () => {
    const summary = new TopAuthorsSummary();
    summary.add('many', 5, 1);
    summary.add('loud', 1, 900);
    summary.add('quiet', 2, 3);
    summary.add('rare', 1, 2);
    summary.truncate(1);
    expect([...summary.counts.keys()].sort()).toEqual(['loud', 'many']);
    expect([summary.floorPosts, summary.floorReach]).toEqual([2, 3]);
  });

  it('stays within its bounds over batches merged and truncated one after another (as the writer does)', () => {
    fc.assert(
      fc.property(stream, fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 12 }), (posts, batch, kept) => {
        const stored = new TopAuthorsSummary();
        for (let first = 0; first < posts.length; first += batch) {
          const part = new TopAuthorsSummary();
          for (const [author, reach] of posts.slice(first, first + batch)) {
            part.add(author, 1, reach);
          }
          stored.merge(part).truncate(kept);
          expect(stored.counts.size).toBeLessThanOrEqual(2 * kept);
        }
        expectBounds(stored, exact(posts));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('merged over periods, is short of the exact count by at most the sum of the floors', () => {
    fc.assert(
      fc.property(
        fc.array(stream, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 10 }),
        (periods, kept) => {
          const merged = new TopAuthorsSummary();
          for (const posts of periods) {
            const period = new TopAuthorsSummary();
            posts.forEach(([author, reach]) => period.add(author, 1, reach));
            merged.merge(period.truncate(kept));
          }
          expectBounds(merged, exact(periods.flat()));
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('forgets erased authors and keeps the others with their columns in author order', () => {
    const summary = new TopAuthorsSummary();
    summary.add('b', 2, 4);
    summary.add('a', 1, 1);
    summary.add('c', 3, 9);
    expect(summary.remove(new Set(['c', 'x']))).toBe(1);
    expect(summary.toColumns()).toEqual({ authors: ['a', 'b'], posts: [1, 2], reach: [1, 4] });
    const again = TopAuthorsSummary.fromRow({ ...summary.toColumns(), floor_posts: 0, floor_reach: '0' });
    expect(again.toColumns()).toEqual(summary.toColumns());
  });
});

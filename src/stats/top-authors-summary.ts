/**
 * A bounded, mergeable summary of the most active authors of one period (an hour or a UTC day) of one source: the top
 * authors by posts and the top authors by reach, each entry with its posts and reach, plus `floorPosts` /
 * `floorReach`. Invariant (docs/stats.md, "Top authors"): every stored count is a lower bound of the author's true
 * count in the period, short of it by at most the floor; an author not in the summary has at most the floor.
 * Merging adds counts and floors; truncating to the limit raises the floor by the largest count it drops.
 */

/** Entries kept by posts and by reach (their union is stored) per hour and per day of one source. */
export const TOP_AUTHORS_KEPT = { hour: 40, day: 100 } as const;

export interface AuthorCount {
  posts: number;
  reach: number;
}

export class TopAuthorsSummary {
  constructor(
    readonly counts = new Map<string, AuthorCount>(),
    public floorPosts = 0,
    public floorReach = 0,
  ) {}

  static fromRow(row: {
    authors: string[];
    posts: number[];
    reach: (number | string)[];
    floor_posts: number;
    floor_reach: number | string;
  }): TopAuthorsSummary {
    const counts = new Map<string, AuthorCount>();
    row.authors.forEach((author, index) =>
      counts.set(author, { posts: row.posts[index], reach: Number(row.reach[index]) }),
    );
    return new TopAuthorsSummary(counts, row.floor_posts, Number(row.floor_reach));
  }

  add(author: string, posts: number, reach: number): void {
    const count = this.counts.get(author);
    if (count) {
      count.posts += posts;
      count.reach += reach;
    } else {
      this.counts.set(author, { posts, reach });
    }
  }

  merge(other: TopAuthorsSummary): this {
    for (const [author, count] of other.counts) {
      this.add(author, count.posts, count.reach);
    }
    this.floorPosts += other.floorPosts;
    this.floorReach += other.floorReach;
    return this;
  }

  /** Keeps the `kept` first by posts and the `kept` first by reach (ties by author); the rest raise the floors. */
  truncate(kept: number): this {
    if (this.counts.size <= kept) {
      return this;
    }
    const entries = [...this.counts];
    const byName = (a: [string, AuthorCount], b: [string, AuthorCount]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    const keep = new Set<string>();
    entries.sort((a, b) => b[1].posts - a[1].posts || b[1].reach - a[1].reach || byName(a, b));
    entries.slice(0, kept).forEach(([author]) => keep.add(author));
    entries.sort((a, b) => b[1].reach - a[1].reach || b[1].posts - a[1].posts || byName(a, b));
    entries.slice(0, kept).forEach(([author]) => keep.add(author));
    let droppedPosts = 0;
    let droppedReach = 0;
    for (const [author, count] of entries) {
      if (!keep.has(author)) {
        droppedPosts = Math.max(droppedPosts, count.posts);
        droppedReach = Math.max(droppedReach, count.reach);
        this.counts.delete(author);
      }
    }
    this.floorPosts += droppedPosts;
    this.floorReach += droppedReach;
    return this;
  }

  /** Drops authors for good (erasure): their counts leave the summary; the floors stay (they bound others). */
  remove(authors: Set<string>): number {
    let removed = 0;
    for (const author of authors) {
      removed += this.counts.delete(author) ? 1 : 0;
    }
    return removed;
  }

  /** Column arrays in author order (stable bytes for equal summaries). */
  toColumns(): { authors: string[]; posts: number[]; reach: number[] } {
    const authors = [...this.counts.keys()].sort();
    return {
      authors,
      posts: authors.map((author) => (this.counts.get(author) as AuthorCount).posts),
      reach: authors.map((author) => (this.counts.get(author) as AuthorCount).reach),
    };
  }
}

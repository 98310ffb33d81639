import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Top authors from bounded summaries instead of one exact row per hour × source × author (docs/stats.md, "Top
 * authors"): one row per hour × source and one per UTC day × source, each holding the top authors by posts and by
 * reach (their union, as parallel arrays) and the floors that bound what the truncation dropped. The summaries are
 * filled from stats_authors_hourly (exact), keeping 40 per hour and 100 per day by each measure as RollupWriter does
 * (TOP_AUTHORS_KEPT); then that table is dropped. Down rebuilds stats_authors_hourly from the hour summaries: the
 * authors a summary had dropped are lost (the floors say how many posts at most).
 */
export class TopAuthorSummaries1764000004100 implements MigrationInterface {
  name = 'TopAuthorSummaries1764000004100';

  async up(db: QueryRunner): Promise<void> {
    for (const [period, kept] of [
      ['hour', 40],
      ['day', 100],
    ] as const) {
      const table = period === 'hour' ? 'stats_top_authors_hourly' : 'stats_top_authors_daily';
      await db.query(`
        CREATE TABLE ${table} (
          ${period} timestamptz NOT NULL,
          source_id uuid NOT NULL,
          authors text[] NOT NULL,
          posts integer[] NOT NULL,
          reach bigint[] NOT NULL,
          floor_posts integer NOT NULL,
          floor_reach bigint NOT NULL,
          PRIMARY KEY (${period}, source_id)
        )`);
      await db.query(`
        INSERT INTO ${table} (${period}, source_id, authors, posts, reach, floor_posts, floor_reach)
        SELECT start, source_id,
               coalesce(array_agg(author ORDER BY author) FILTER (WHERE kept), '{}'),
               coalesce(array_agg(posts ORDER BY author) FILTER (WHERE kept), '{}'),
               coalesce(array_agg(reach ORDER BY author) FILTER (WHERE kept), '{}'),
               coalesce(max(posts) FILTER (WHERE NOT kept), 0), coalesce(max(reach) FILTER (WHERE NOT kept), 0)
          FROM (SELECT start, source_id, author, posts, reach,
                       row_number() OVER (PARTITION BY start, source_id ORDER BY posts DESC, reach DESC, author) <= ${kept}
                       OR row_number() OVER (PARTITION BY start, source_id ORDER BY reach DESC, posts DESC, author) <= ${kept}
                         AS kept
                  FROM (SELECT date_trunc('${period}', hour, 'UTC') AS start, source_id, author,
                               sum(posts)::int AS posts, sum(reach)::bigint AS reach
                          FROM stats_authors_hourly GROUP BY 1, 2, 3) AS exact) AS ranked
         GROUP BY start, source_id`);
    }
    await db.query(`DROP TABLE stats_authors_hourly`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stats_authors_hourly (
        hour timestamptz NOT NULL,
        source_id uuid NOT NULL,
        author text NOT NULL,
        posts integer NOT NULL,
        reach bigint NOT NULL,
        PRIMARY KEY (hour, source_id, author)
      )`);
    await db.query(`
      INSERT INTO stats_authors_hourly (hour, source_id, author, posts, reach)
      SELECT s.hour, s.source_id, u.author, u.posts, u.reach
        FROM stats_top_authors_hourly s, unnest(s.authors, s.posts, s.reach) AS u(author, posts, reach)`);
    await db.query(`DROP TABLE stats_top_authors_daily`);
    await db.query(`DROP TABLE stats_top_authors_hourly`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { HyperLogLog } from '../src/stats/hyperloglog.js';

/** The hourly rollups that get a UTC-day twin (same key with `day` for `hour`), and their key columns after it. */
const ADDITIVE: { table: string; lead: string[]; rest: string[] }[] = [
  { table: 'stats_volume', lead: [], rest: ['source_id', 'category', 'sentiment', 'opd'] },
  { table: 'stats_region', lead: ['code'], rest: ['level', 'source_id', 'category', 'sentiment', 'opd'] },
  { table: 'stats_topic', lead: ['topic_id'], rest: ['source_id', 'category', 'sentiment', 'opd'] },
  { table: 'stats_region_sentiment', lead: ['code'], rest: ['level', 'sentiment'] },
];

/** [hourly table, its day twin, the twin's primary key]: the twin has the hourly table's columns, `day` for `hour`. */
const TWINS: [string, string, string[]][] = [
  ...ADDITIVE.map(({ table, lead, rest }): [string, string, string[]] => [
    `${table}_hourly`,
    `${table}_daily`,
    [...lead, 'day', ...rest.filter((column) => column !== 'level')],
  ]),
  ['stats_terms_hourly', 'stats_terms_daily', ['day', 'dim', 'key', 'term']],
  ['stats_author_sketches', 'stats_author_sketches_daily', ['day', 'dim', 'key']],
];

/**
 * Places by sentiment (stats_region_sentiment_hourly) and UTC-day rollups beside the hourly ones (docs/stats.md, "Day rows"): a window's whole UTC days are read from the day
 * rows, the hours before the first and after the last whole day from the hourly rows, so a 7-day chart reads ~7 day
 * rows per key instead of 168 hour rows. RollupWriter writes both in the same batch statements; a day row is always
 * the sum (additive tables, terms) or register-wise maximum (sketches) of its 24 hour rows. Filled here from the
 * hourly rows: by SQL for the additive tables and terms, in JavaScript for the sketches (SQL has no cheap
 * register-wise maximum).
 */
export class DailyRollups1764000004500 implements MigrationInterface {
  name = 'DailyRollups1764000004500';

  async up(db: QueryRunner): Promise<void> {
    // Places by sentiment only (no source, category, OPD): the region breakdown and region filters without a source
    // or category filter read ~50× fewer rows than from stats_region_hourly.
    await db.query(`
      CREATE TABLE stats_region_sentiment_hourly (
        code text NOT NULL,
        hour timestamptz NOT NULL,
        level text NOT NULL CHECK (level IN ('province', 'regency', 'district')),
        sentiment text NOT NULL,
        posts integer NOT NULL,
        reach bigint NOT NULL,
        PRIMARY KEY (code, hour, sentiment)
      )`);
    await db.query(
      `CREATE INDEX stats_region_sentiment_hourly_level_idx ON stats_region_sentiment_hourly (level, hour)`,
    );
    await db.query(`
      INSERT INTO stats_region_sentiment_hourly (code, hour, level, sentiment, posts, reach)
      SELECT code, hour, level, sentiment, sum(posts), sum(reach) FROM stats_region_hourly GROUP BY 1, 2, 3, 4`);
    for (const [hourly, daily, key] of TWINS) {
      await db.query(`CREATE TABLE ${daily} (LIKE ${hourly} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await db.query(`ALTER TABLE ${daily} RENAME COLUMN hour TO day`);
      await db.query(`ALTER TABLE ${daily} ADD PRIMARY KEY (${key.join(', ')})`);
    }
    for (const { table, lead, rest } of ADDITIVE) {
      const columns = [...lead, 'day', ...rest, 'posts', 'reach'];
      const select = [...lead, `date_trunc('day', hour, 'UTC')`, ...rest, 'sum(posts)', 'sum(reach)'];
      await db.query(
        `INSERT INTO ${table}_daily (${columns.join(', ')})
         SELECT ${select.join(', ')} FROM ${table}_hourly
          GROUP BY ${[...lead.map((_, i) => i + 1), lead.length + 1, ...rest.map((_, i) => lead.length + 2 + i)].join(', ')}`,
      );
    }
    await db.query(`CREATE INDEX stats_region_daily_level_idx ON stats_region_daily (level, day)`);
    await db.query(`CREATE INDEX stats_region_sentiment_daily_level_idx ON stats_region_sentiment_daily (level, day)`);
    await db.query(`
      INSERT INTO stats_terms_daily (day, dim, key, term, posts)
      SELECT date_trunc('day', hour, 'UTC'), dim, key, term, sum(posts) FROM stats_terms_hourly GROUP BY 1, 2, 3, 4`);
    const days: { day: Date }[] = await db.query(
      `SELECT DISTINCT date_trunc('day', hour, 'UTC') AS day FROM stats_author_sketches ORDER BY 1`,
    );
    for (const { day } of days) {
      const rows: { dim: string; key: string; sketch: Buffer }[] = await db.query(
        `SELECT dim, key, sketch FROM stats_author_sketches
          WHERE hour >= $1 AND hour < $1::timestamptz + interval '1 day'`,
        [day],
      );
      const merged = new Map<string, { dim: string; key: string; sketch: HyperLogLog }>();
      for (const row of rows) {
        const id = `${row.dim}|${row.key}`;
        const found = merged.get(id);
        if (found) {
          found.sketch.merge(HyperLogLog.fromBytes(row.sketch));
        } else {
          merged.set(id, { dim: row.dim, key: row.key, sketch: HyperLogLog.fromBytes(row.sketch) });
        }
      }
      const values = [...merged.values()];
      await db.query(
        `INSERT INTO stats_author_sketches_daily (day, dim, key, sketch)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bytea[])`,
        [day, values.map((v) => v.dim), values.map((v) => v.key), values.map((v) => v.sketch.toBytes())],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [, daily] of TWINS) {
      await db.query(`DROP TABLE IF EXISTS ${daily}`);
    }
    await db.query(`DROP TABLE IF EXISTS stats_region_sentiment_hourly`);
  }
}

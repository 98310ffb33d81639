/**
 * Day rows (docs/stats.md, "Day rows"): RollupWriter writes a UTC-day twin of the additive rollups, the terms and the
 * distinct-author sketches in the same batch, and StatsRepository reads whole days from them and the edge hours from
 * the hour rows. On real PostgreSQL: after batches spread over four days (and a correction moving posts between
 * cells), every day row equals its hour rows summed (sketches: merged), and every answer read through the day rows
 * equals the answer of the hour rows alone.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PostAnalysis } from '../../src/analysis/index.js';
import { dataSourceOptions } from '../../src/database/data-source.js';
import { labelsOf, RollupWriter } from '../../src/ingestion/rollup-writer.js';
import type { AnalysedPost, StoredPost } from '../../src/ingestion/stored-post.js';
import { HyperLogLog } from '../../src/stats/hyperloglog.js';
import { splitPeriods, StatsRepository, type StatsFilters } from '../../src/stats/stats.repository.js';
import type { StatsWindow } from '../../src/stats/stats-window.js';
import { DailyRollups1764000004500 } from '../../migrations/1764000004500-DailyRollups.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
// 17:00 UTC: windows ending now start and end inside a day, so they have edge hours on both sides.
const NOW = Math.floor(Date.now() / DAY) * DAY - DAY + 17 * HOUR;
const CATEGORIES = [
  { slug: 'infrastruktur', opd: 'Dinas PUPR' },
  { slug: 'bencana', opd: 'BPBD' },
  { slug: 'kesehatan', opd: 'Dinas Kesehatan' },
];
const SENTIMENTS = ['negative', 'neutral', 'positive'];
const PLACES = ['64.72.01', '64.72.02', '64.71.03', '64.02', '63.71.01.1001'];
const WORDS = ['banjir', 'jalan', 'rusak', 'listrik', 'padam', 'sampah', 'macet', 'harga', 'cabai', 'sekolah'];

function analysisOf(i: number, topic: string): PostAnalysis {
  const category = CATEGORIES[i % 3];
  return {
    maskedText: '',
    sentiment: { label: SENTIMENTS[Math.floor(i / 3) % 3], score: 0 },
    category: { slug: category.slug, opd: category.opd },
    locations: i % 4 === 0 ? [] : [{ code: PLACES[i % PLACES.length] }, ...(i % 5 === 0 ? [{ code: '64.72' }] : [])],
    topics: i % 4 === 1 ? [{ id: topic, terms: [] }] : [],
    tokens: [WORDS[i % 10], WORDS[(i * 3) % 10], WORDS[(i * 7 + 1) % 10], 'dan'],
  } as unknown as PostAnalysis;
}

describe('day rows beside the hour rows', () => {
  let database: TestDatabase;
  let db: DataSource;
  let repository: StatsRepository;
  let sources: string[];
  const topic = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource(dataSourceOptions(database.url));
    await db.initialize();
    sources = [];
    for (const name of ['uji-hari-a', 'uji-hari-b']) {
      const [row] = await db.query<{ id: string }[]>(
        `INSERT INTO sources (name, type) VALUES ($1, 'push') RETURNING id`,
        [name],
      );
      sources.push(row.id);
    }
    const writer = new RollupWriter();
    // 1,200 posts over the last 100 hours in batches of 150, alternating sources; a batch spans about 12 hours.
    const stored: StoredPost[] = [];
    for (let batch = 0; batch < 8; batch++) {
      const sourceId = sources[batch % 2];
      const posts: AnalysedPost[] = [];
      const rows: StoredPost[] = [];
      for (let j = 0; j < 150; j++) {
        const i = batch * 150 + j;
        const createdAt = new Date(NOW - 100 * HOUR + ((i * 300_007) % (100 * HOUR)));
        const author = i % 9 === 0 ? undefined : `warga${(i * 37) % 400}`;
        const metrics = { likes: i % 11, replies: i % 3, reposts: i % 5 };
        const analysis = analysisOf(i, topic);
        posts.push({
          post: { externalId: `p${i}`, text: '', createdAt: createdAt.toISOString(), author, metrics },
          analysis,
        });
        rows.push({
          id: String(i),
          sourceId,
          externalId: `p${i}`,
          createdAt,
          author: author ?? null,
          url: null,
          reach: metrics.likes + metrics.replies + metrics.reposts,
          analysis,
        });
      }
      await db.transaction((manager) => writer.record(manager, sourceId, rows, posts));
      stored.push(...rows);
    }
    // An analyst's correction of 40 posts: they leave their cells (hour and day rows) for others.
    const changes = stored.slice(0, 40).map((post) => {
      const before = labelsOf(post.analysis);
      return {
        sourceId: post.sourceId,
        createdAt: post.createdAt,
        author: post.author,
        reach: post.reach,
        before,
        after: { ...before, category: 'bencana', opd: 'BPBD', sentiment: 'negative' },
      };
    });
    await db.transaction((manager) => writer.applyChanges(manager, changes));
    repository = new StatsRepository(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  async function rows(sql: string): Promise<string[]> {
    const result = await db.query<Record<string, unknown>[]>(sql);
    return result
      .map((row) =>
        Object.values(row)
          .map((value) => (value instanceof Date ? value.toISOString() : String(value)))
          .join(' | '),
      )
      .sort();
  }

  it.each([
    ['stats_volume', '', 'source_id, category, sentiment, opd'],
    ['stats_region', 'code, level, ', 'source_id, category, sentiment, opd'],
    ['stats_topic', 'topic_id, ', 'source_id, category, sentiment, opd'],
    ['stats_region_sentiment', 'code, level, ', 'sentiment'],
  ])('should keep every %s day row equal to the sum of its hour rows', async (table, lead, rest) => {
    const keys = `${lead}${rest}`;
    const expected = await rows(
      `SELECT ${lead}date_trunc('day', hour, 'UTC') AS day, ${rest}, sum(posts) AS posts, sum(reach) AS reach
         FROM ${table}_hourly GROUP BY ${keys}, date_trunc('day', hour, 'UTC')`,
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(await rows(`SELECT ${lead}day, ${rest}, posts, reach FROM ${table}_daily`)).toEqual(expected);
  });

  it.each(['hourly', 'daily'])(
    'should keep places by sentiment (%s) equal to the place cells summed over source, category and OPD',
    async (period) => {
      const at = period === 'hourly' ? 'hour' : 'day';
      const expected = await rows(
        `SELECT code, level, ${at}, sentiment, sum(posts) AS posts, sum(reach) AS reach FROM stats_region_${period}
          GROUP BY 1, 2, 3, 4`,
      );
      expect(expected.length).toBeGreaterThan(10);
      expect(
        await rows(`SELECT code, level, ${at}, sentiment, posts, reach FROM stats_region_sentiment_${period}`),
      ).toEqual(expected);
    },
  );

  it('should keep every terms day row equal to the sum of its hour rows', async () => {
    const expected = await rows(
      `SELECT date_trunc('day', hour, 'UTC') AS day, dim, key, term, sum(posts) AS posts FROM stats_terms_hourly
        GROUP BY 1, 2, 3, 4`,
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(await rows(`SELECT day, dim, key, term, posts FROM stats_terms_daily`)).toEqual(expected);
  });

  it('should keep every day sketch equal to its hour sketches merged', async () => {
    const hours = await db.query<{ day: Date; dim: string; key: string; sketch: Buffer }[]>(
      `SELECT date_trunc('day', hour, 'UTC') AS day, dim, key, sketch FROM stats_author_sketches`,
    );
    const merged = new Map<string, HyperLogLog>();
    for (const row of hours) {
      const id = `${new Date(row.day).toISOString()}|${row.dim}|${row.key}`;
      merged.set(id, (merged.get(id) ?? new HyperLogLog()).merge(HyperLogLog.fromBytes(row.sketch)));
    }
    const days = await db.query<{ day: Date; dim: string; key: string; sketch: Buffer }[]>(
      `SELECT day, dim, key, sketch FROM stats_author_sketches_daily`,
    );
    expect(days.length).toBe(merged.size);
    for (const row of days) {
      const id = `${new Date(row.day).toISOString()}|${row.dim}|${row.key}`;
      expect({ id, sketch: row.sketch.toString('hex') }).toEqual({
        id,
        sketch: merged.get(id)?.toBytes().toString('hex'),
      });
    }
  });

  const windows: [string, number, number][] = [
    ['the last 24 hours', NOW - 24 * HOUR, NOW],
    ['the last 40 hours (one whole day in the previous period)', NOW - 40 * HOUR, NOW],
    ['two whole days', Math.floor(NOW / DAY) * DAY - 2 * DAY, Math.floor(NOW / DAY) * DAY],
    ['three days and edge hours', NOW - 75 * HOUR + 3 * HOUR, NOW + 2 * HOUR],
  ];
  const filterSets: StatsFilters[] = [
    {},
    { category: 'bencana' },
    { source: '', sentiment: 'negative' },
    { region: '64.72' },
    { region: '64.72.01' },
    { topic },
    { topic, category: 'infrastruktur' },
  ];

  async function answers(window: StatsWindow, filters: StatsFilters): Promise<unknown> {
    const sorted = <T extends { key: string }>(list: T[]) => [...list].sort((a, b) => (a.key < b.key ? -1 : 1));
    return {
      totals: (await repository.totals(filters, window, 'none')).rows,
      byCategory: sorted((await repository.totals(filters, window, 'category')).rows),
      byOpd: sorted((await repository.totals(filters, window, 'opd')).rows),
      bySource: sorted((await repository.totals(filters, window, 'source')).rows),
      regencies: sorted((await repository.totals(filters, window, 'code', 'regency')).rows),
      districts: sorted((await repository.totals(filters, window, 'code', 'district')).rows),
      authors: await repository.distinctAuthors(filters, window),
      terms: await repository.topTerms(filters, window, 100),
    };
  }

  it.each(windows)('should answer %s through the day rows as from the hour rows alone', async (_, from, to) => {
    const window: StatsWindow = {
      from: new Date(from),
      to: new Date(to),
      previousFrom: new Date(2 * from - to),
      timeZone: 'Asia/Makassar',
    };
    const periods: [number, number][] = [
      [2 * from - to, from],
      [from, to],
    ];
    // Windows other than the last 24 hours read at least one whole day from the day rows.
    expect(splitPeriods(periods).days.length > 0).toBe(to - from > 24 * HOUR);
    for (const filters of filterSets) {
      const withSource = filters.source === '' ? { ...filters, source: sources[1] } : filters;
      repository.derivedRows = false;
      const hourly = await answers(window, withSource);
      repository.derivedRows = true;
      const daily = await answers(window, withSource);
      expect({ filters: withSource, answers: daily }).toEqual({ filters: withSource, answers: hourly });
    }
    repository.derivedRows = false;
    const { rows: hourlyTotals } = await repository.totals({}, window, 'none');
    expect(hourlyTotals[0].posts).toBeGreaterThan(0);
    repository.derivedRows = true;
  });

  it('should fill the day rows from the hour rows in the migration exactly as the writer wrote them', async () => {
    const tables = [
      'stats_volume_daily',
      'stats_region_daily',
      'stats_topic_daily',
      'stats_region_sentiment_hourly',
      'stats_region_sentiment_daily',
      'stats_terms_daily',
      'stats_author_sketches_daily',
    ];
    const written = await Promise.all(tables.map((table) => rows(`SELECT * FROM ${table}`)));
    const runner = db.createQueryRunner();
    try {
      const migration = new DailyRollups1764000004500();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const migrated = await Promise.all(tables.map((table) => rows(`SELECT * FROM ${table}`)));
    tables.forEach((table, i) => expect({ table, rows: migrated[i] }).toEqual({ table, rows: written[i] }));
  });
});

describe(splitPeriods.name, () => {
  it('should read whole UTC days from day rows and join the edge hours', () => {
    const day = (n: number) => n * DAY;
    expect(
      splitPeriods([
        [day(10) + 5 * HOUR, day(12) + 5 * HOUR],
        [day(12) + 5 * HOUR, day(14) + 5 * HOUR],
      ]),
    ).toEqual({
      days: [
        [day(11), day(12)],
        [day(13), day(14)],
      ],
      hours: [
        [day(10) + 5 * HOUR, day(11)],
        [day(12), day(13)],
        [day(14), day(14) + 5 * HOUR],
      ],
    });
    expect(splitPeriods([[day(1) + HOUR, day(2) + HOUR]])).toEqual({
      days: [],
      hours: [[day(1) + HOUR, day(2) + HOUR]],
    });
    expect(splitPeriods([[day(1), day(3)]], false)).toEqual({ days: [], hours: [[day(1), day(3)]] });
  });
});

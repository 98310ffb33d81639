import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { dataSourceOptions, runMigrations } from '../../src/database/data-source.js';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { monthOf, nextMonth, partitionName } from '../../src/ingestion/post-partitions.js';
import { PostStore } from '../../src/ingestion/post-store.repository.js';
import { IssuesRepository } from '../../src/issues/issues.repository.js';
import { loginAs } from '../support/auth.js';
import { makePosts } from '../support/factories.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

const DAY = 86_400_000;

/** What the migration must keep: every post (count and a checksum of id, time, text) and their references. */
const SNAPSHOT = `
  SELECT (SELECT count(*)::int FROM posts) AS posts,
         (SELECT sum(hashtext(id || '|' || created_at || '|' || text))::text FROM posts) AS checksum,
         (SELECT count(*)::int FROM post_topics) AS topics,
         (SELECT count(*)::int FROM post_corrections) AS corrections`;

/**
 * `posts` partitioned by UTC month: ingest makes the partition of an old month, retention drops an expired month's
 * partition with every row that references it (and its post_keys) while an approved brief keeps its snapshot, a
 * partition retired behind a writer's back is made again, and the migration of an existing database keeps every row
 * and id (both ways).
 */
describe('posts partitioned by month', () => {
  let running: TestSystem;
  let db: pg.Client;
  let sourceId: string;
  let ingest: IngestService;
  let analyst: string;
  let pimpinan: string;
  const current = monthOf(new Date());
  /** Four months back: whole and long expired when the cut-off is in the month after it. */
  const oldMonth = nextMonth(current, -4);
  const cutoff = new Date(nextMonth(oldMonth).getTime() + 3 * DAY);
  const api = () => request(running.url);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const scalar = async (sql: string, params: unknown[] = []) =>
    Number(Object.values((await db.query(sql, params)).rows[0])[0]);
  const exists = async (name: string) => (await db.query(`SELECT to_regclass($1) AS t`, [name])).rows[0].t !== null;

  beforeAll(async () => {
    running = await startTestSystem();
    db = new pg.Client(running.database.url);
    await db.connect();
    const admin = await loginAs(running, 'admin');
    [analyst, pimpinan] = await Promise.all([loginAs(running, 'analyst'), loginAs(running, 'pimpinan')]);
    await api().post('/api/topics').set(as(admin)).send({ name: 'Banjir', query: 'banjir' }).expect(201);
    ingest = running.system.app.get(IngestService);
    sourceId = (await ingest.findOrCreatePushSource('uji-partisi')).id;
  });

  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  it('should make the partition of an old month when posts of that month are ingested', async () => {
    expect(await exists(partitionName(oldMonth))).toBe(false);
    const at = (month: Date, days: number) => new Date(month.getTime() + days * DAY);
    await ingest.processBatch(randomUUID(), sourceId, [
      ...makePosts(30, { prefix: 'lama', createdAt: at(oldMonth, 10) }),
      ...makePosts(5, { prefix: 'batas-sebelum', createdAt: at(nextMonth(oldMonth), 1) }),
      ...makePosts(5, { prefix: 'batas-sesudah', createdAt: at(nextMonth(oldMonth), 6) }),
      ...makePosts(12, { prefix: 'baru' }),
    ]);
    const rows = await db.query<{ partition: string; n: number }>(
      `SELECT tableoid::regclass::text AS partition, count(*)::int AS n FROM posts GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.rows).toEqual([
      { partition: partitionName(oldMonth), n: 30 },
      { partition: partitionName(nextMonth(oldMonth)), n: 10 },
      { partition: partitionName(current), n: 12 },
    ]);
    // The topic matched at ingest, in the old month too (one in six of the factory's texts is about a flood).
    expect(await scalar(`SELECT count(*) FROM post_topics WHERE post_created_at < $1`, [nextMonth(oldMonth)])).toBe(5);
  });

  it('should drop an expired month with its references and keys, and keep an approved brief as it was', async () => {
    const ids = async (prefix: string) =>
      (
        await db.query<{ id: string }>(`SELECT id FROM posts WHERE external_id LIKE $1 ORDER BY id`, [`${prefix}-%`])
      ).rows.map((row) => row.id);
    const [old, boundaryBefore, boundaryAfter, recent] = [
      await ids('lama'),
      await ids('batas-sebelum'),
      await ids('batas-sesudah'),
      await ids('baru'),
    ];
    for (const id of [old[0], old[1], boundaryBefore[0], boundaryAfter[0], recent[0]]) {
      await api().post(`/api/posts/${id}/corrections`).set(as(analyst)).send({ sentiment: 'negative' }).expect(201);
    }
    const [{ id: issueId }] = (
      await db.query<{ id: string }>(
        `INSERT INTO issues (label, state, lifecycle, category, opd, first_seen_at, first_detected_at, last_activity_at)
         VALUES ('Banjir lama di Samarinda', 'emerging', 'emerging', 'bencana', 'BPBD', $1, $1, now()) RETURNING id`,
        [oldMonth],
      )
    ).rows;
    const dataSource = running.system.app.get(DataSource);
    await running.system.app
      .get(IssuesRepository)
      .addPosts(dataSource.manager, issueId, [...old, ...boundaryBefore, ...boundaryAfter, ...recent]);
    const draft = await api().post(`/api/issues/${issueId}/briefs`).set(as(analyst)).send().expect(201);
    await api().post(`/api/briefs/${draft.body.id}/submit`).set(as(analyst)).send().expect(200);
    await api().post(`/api/briefs/${draft.body.id}/approve`).set(as(pimpinan)).send({}).expect(200);
    const before = (await api().get(`/api/briefs/${draft.body.id}`).set(as(pimpinan)).expect(200)).body;
    expect(before.figures.posts).toBe(52);

    const referencing = async (postIds: string[]) =>
      Object.fromEntries(
        await Promise.all(
          ['post_topics', 'issue_posts', 'post_corrections'].map(async (table) => [
            table,
            await scalar(`SELECT count(*) FROM ${table} WHERE post_id = ANY($1::bigint[])`, [postIds]),
          ]),
        ),
      );
    const keys = (prefix: string) =>
      scalar(`SELECT count(*) FROM post_keys WHERE source_id = $1 AND external_id LIKE $2`, [sourceId, `${prefix}-%`]);
    expect(await referencing(old)).toEqual({ post_topics: 5, issue_posts: 30, post_corrections: 2 });
    const keptBefore = await referencing([...boundaryAfter, ...recent]);

    // Batches of 2: the rest of the cut-off's month (5 posts) goes in three DELETEs.
    const retired = await running.system.app.get(PostStore).retireCreatedBefore(cutoff, 2);

    expect(retired).toEqual({ posts: 35, partitions: [partitionName(oldMonth)] });
    expect(await exists(partitionName(oldMonth))).toBe(false);
    expect(await exists(partitionName(nextMonth(oldMonth)))).toBe(true);
    expect(await referencing([...old, ...boundaryBefore])).toEqual({
      post_topics: 0,
      issue_posts: 0,
      post_corrections: 0,
    });
    expect([await keys('lama'), await keys('batas-sebelum'), await keys('batas-sesudah'), await keys('baru')]).toEqual([
      0, 0, 5, 12,
    ]);
    expect(await scalar(`SELECT count(*) FROM posts`)).toBe(17);
    expect(await referencing([...boundaryAfter, ...recent])).toEqual(keptBefore);
    const after = (await api().get(`/api/briefs/${draft.body.id}`).set(as(pimpinan)).expect(200)).body;
    expect(after.figures).toEqual(before.figures);
    expect(after.sections).toEqual(before.sections);
  });

  it('should store a late post of a retired month, and one whose partition was dropped behind its back', async () => {
    // Retired by this process: the month's partition is made again for a late post (its key is free again).
    const late = await ingest.processBatch(
      randomUUID(),
      sourceId,
      makePosts(1, { prefix: 'lama', createdAt: new Date(oldMonth.getTime() + 12 * DAY) }),
    );
    expect(late).toMatchObject({ stored: 1, duplicates: 0 });
    expect(await exists(partitionName(oldMonth))).toBe(true);

    // Dropped by another process after this one had cached it: the write fails once, the partition is made again.
    const month = nextMonth(oldMonth, 2);
    const at = new Date(month.getTime() + 2 * DAY);
    await ingest.processBatch(randomUUID(), sourceId, makePosts(1, { prefix: 'sela-a', createdAt: at }));
    const name = partitionName(month);
    await db.query(`DELETE FROM post_keys k USING ${name} p WHERE k.external_id = p.external_id`);
    await db.query(`ALTER TABLE posts DETACH PARTITION ${name}`);
    await db.query(`DROP TABLE ${name}`);
    const again = await ingest.processBatch(randomUUID(), sourceId, makePosts(1, { prefix: 'sela-b', createdAt: at }));
    expect(again).toMatchObject({ stored: 1, duplicates: 0 });
    expect(await scalar(`SELECT count(*) FROM ${name}`)).toBe(1);
  });

  it('should migrate an existing database to partitions keeping every row and id, and back', async () => {
    const admin = new pg.Client(process.env.TEST_DATABASE_URL);
    await admin.connect();
    const name = `t_part_${randomBytes(5).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    url.pathname = `/${name}`;
    const target = new pg.Client(url.toString());
    try {
      const index = MIGRATIONS.findIndex((Migration) => new Migration().name === 'PartitionPosts1764000003900');
      const before = new DataSource({ ...dataSourceOptions(url.toString()), migrations: MIGRATIONS.slice(0, index) });
      await before.initialize();
      await before.runMigrations({ transaction: 'each' });
      await before.destroy();
      await target.connect();
      const [{ id: source }] = (
        await target.query<{ id: string }>(`INSERT INTO sources (name, type) VALUES ('lama', 'push') RETURNING id`)
      ).rows;
      // 300 posts over three months, drawn from the identity; a key drawn whose batch never stored a post.
      await target.query(
        `INSERT INTO posts (source_id, external_id, created_at, text)
         SELECT $1, 'p' || g, timestamptz '2026-08-20T00:00:00Z' + g * interval '6 hours', 'teks ' || g
           FROM generate_series(1, 300) g`,
        [source],
      );
      await target.query(
        `INSERT INTO post_keys (source_id, external_id, post_id) SELECT source_id, external_id, id FROM posts`,
      );
      await target.query(
        `INSERT INTO post_keys (source_id, external_id, post_id)
         VALUES ($1, 'hilang', nextval(pg_get_serial_sequence('posts', 'id')))`,
        [source],
      );
      const [{ id: topic }] = (
        await target.query<{ id: string }>(`INSERT INTO topics (name, query) VALUES ('t', 'teks') RETURNING id`)
      ).rows;
      await target.query(
        `INSERT INTO post_topics (topic_id, post_id, post_created_at) SELECT $1, id, created_at FROM posts WHERE id % 3 = 0`,
        [topic],
      );
      await target.query(
        `INSERT INTO post_corrections (post_id, sentiment) SELECT id, 'negative' FROM posts WHERE id % 50 = 0`,
      );
      const original = (await target.query(SNAPSHOT)).rows[0];
      expect(original).toMatchObject({ posts: 300, topics: 100, corrections: 6 });
      const byMonth = (
        await target.query<{ month: string; n: number }>(
          `SELECT to_char(created_at AT TIME ZONE 'UTC', '"posts_y"YYYY"m"MM') AS month, count(*)::int AS n
             FROM posts GROUP BY 1 ORDER BY 1`,
        )
      ).rows.map((row) => [row.month, row.n]);
      expect(byMonth).toHaveLength(4);
      await target.end();

      expect(await runMigrations(url.toString())).toContain('PartitionPosts1764000003900');
      const migrated = new pg.Client(url.toString());
      await migrated.connect();
      const query = async (sql: string) => (await migrated.query(sql)).rows;
      try {
        expect((await query(SNAPSHOT))[0]).toEqual(original);
        expect((await query(`SELECT relkind FROM pg_class WHERE relname = 'posts'`))[0].relkind).toBe('p');
        expect(
          (
            await query(`SELECT tableoid::regclass::text AS p, count(*)::int AS n FROM posts GROUP BY 1 ORDER BY 1`)
          ).map((row) => [row.p, row.n]),
        ).toEqual(byMonth);
        for (let ahead = 0; ahead <= 2; ahead++) {
          expect(
            (await query(`SELECT to_regclass('${partitionName(nextMonth(current, ahead))}') AS t`))[0].t,
          ).not.toBeNull();
        }
        // The corrections got their post's created_at, and the composite foreign key holds them.
        expect(
          (
            await query(
              `SELECT count(*)::int AS n FROM post_corrections c JOIN posts p ON p.id = c.post_id
                WHERE c.post_created_at = p.created_at`,
            )
          )[0].n,
        ).toBe(6);
        // The sequence continues past every id drawn (301 went to the key whose post was never stored).
        expect((await query(`SELECT nextval('posts_id_seq')::int AS id`))[0].id).toBe(302);
        await migrated.query(`DELETE FROM posts WHERE id = 150`);
        expect((await query(`SELECT count(*)::int AS n FROM post_corrections WHERE post_id = 150`))[0].n).toBe(0);

        // Undo down to and including PartitionPosts (later migrations are undone first, newest first).
        const down = new DataSource(dataSourceOptions(url.toString()));
        await down.initialize();
        const [{ n: toUndo }] = await down.query(
          `SELECT count(*)::int AS n FROM schema_migrations WHERE timestamp >= 1764000003900`,
        );
        for (let undone = 0; undone < toUndo; undone++) {
          await down.undoLastMigration({ transaction: 'each' });
        }
        await down.destroy();
        expect((await query(`SELECT relkind FROM pg_class WHERE relname = 'posts'`))[0].relkind).toBe('r');
        expect((await query(`SELECT count(*)::int AS n FROM posts`))[0].n).toBe(299);
        expect(
          (
            await query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'post_corrections'
                          AND column_name = 'post_created_at'`)
          )[0].n,
        ).toBe(0);
        expect((await query(`SELECT nextval(pg_get_serial_sequence('posts', 'id'))::int AS id`))[0].id).toBe(303);
      } finally {
        await migrated.end();
      }
    } finally {
      await target.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

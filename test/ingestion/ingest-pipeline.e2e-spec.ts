import pg from 'pg';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { makePosts } from '../support/factories.js';
import { queueBackendsUnderTest, startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

describe.each(queueBackendsUnderTest())('IngestService (queue on %s)', (backend) => {
  let running: TestSystem;
  let ingest: IngestService;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startTestSystem({ backend });
    ingest = running.system.app.get(IngestService);
    db = new pg.Client(running.database.url);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
  });

  const completed = (jobId: string) =>
    waitUntil(
      () => ingest.jobStatus(jobId),
      (status) => status.state === 'completed' || status.state === 'failed',
      { what: `job ${jobId}` },
    );

  describe('enqueueBatch', () => {
    it('should store a batch once, analysed, and count a resubmission as duplicates', async () => {
      const source = await ingest.findOrCreatePushSource('uji-pipeline');
      const posts = makePosts(300, { prefix: 'pipe' });

      const first = await completed(await ingest.enqueueBatch(source.id, posts));
      expect(first).toMatchObject({ state: 'completed', stored: 300, duplicates: 0 });

      const again = await completed(
        await ingest.enqueueBatch(source.id, [...posts.slice(0, 100), ...makePosts(5, { prefix: 'new' })]),
      );
      expect(again).toMatchObject({ state: 'completed', stored: 5, duplicates: 100 });

      const { rows } = await db.query(
        `SELECT count(*)::int AS n, count(sentiment)::int AS analysed, count(DISTINCT external_id)::int AS ids
         FROM posts WHERE source_id = $1`,
        [source.id],
      );
      expect(rows[0]).toEqual({ n: 305, analysed: 305, ids: 305 });
    });

    it('should mask NIK, phone numbers and e-mail addresses in the stored text and raw payload', async () => {
      const source = await ingest.findOrCreatePushSource('uji-pii');
      const text = 'Tolong bantu, NIK saya 6472031234567890, hubungi 0812-3456-7890 atau budi.santoso@example.com';
      const jobId = await ingest.enqueueBatch(source.id, [
        {
          externalId: 'pii-1',
          text,
          createdAt: new Date().toISOString(),
          url: 'https://wa.me/6281234567890?text=halo',
          raw: { message: text, nested: [{ phone: '+62 812 3456 7890' }] },
        },
      ]);
      expect(await completed(jobId)).toMatchObject({ state: 'completed', stored: 1 });
      const { rows } = await db.query(
        `SELECT text, raw::text AS raw, url, analysis -> 'pii' AS pii FROM posts WHERE external_id = 'pii-1'`,
      );
      expect(rows[0].url).toBe('https://wa.me/[TELEPON]?text=halo');
      expect(rows[0].pii).toEqual({ nik: 1, phone: 1, email: 1 });
      for (const stored of [rows[0].text, rows[0].raw]) {
        expect(stored).not.toContain('6472031234567890');
        expect(stored).not.toContain('3456-7890');
        expect(stored).not.toContain('3456 7890');
        expect(stored).not.toContain('budi.santoso@example.com');
      }
      expect(rows[0].text).toContain('[NIK]');
    });

    it('should store the analysis with the post: sentiment, category, OPD and explanation', async () => {
      const source = await ingest.findOrCreatePushSource('uji-analisis');
      const jobId = await ingest.enqueueBatch(source.id, [
        {
          externalId: 'a-1',
          text: 'Jalan rusak parah dan berlubang di depan sekolah, sudah berbulan-bulan tidak diperbaiki. Kecewa!',
          createdAt: new Date().toISOString(),
        },
      ]);
      await completed(jobId);
      const { rows } = await db.query(`SELECT sentiment, category, opd, analysis FROM posts WHERE external_id = 'a-1'`);
      expect(rows[0]).toMatchObject({ sentiment: 'negative', category: 'infrastruktur', opd: 'Dinas PUPR' });
      expect(rows[0].analysis.sentiment.evidence.length).toBeGreaterThan(0);
      expect(rows[0].analysis.category.keywords.length).toBeGreaterThan(0);
    });

    it('should keep hourly rollups equal to the stored posts', async () => {
      const { rows } = await db.query(
        `SELECT (SELECT coalesce(sum(posts), 0)::int FROM rollup_hourly) AS rolled, (SELECT count(*)::int FROM posts) AS stored`,
      );
      expect(rows[0].rolled).toBe(rows[0].stored);
    });
  });
});

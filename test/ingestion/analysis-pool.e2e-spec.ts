import pg from 'pg';
import type { PostAnalysis } from '../../src/analysis/index.js';
import { AnalysisPool } from '../../src/ingestion/analysis-pool/analysis-pool.js';
import { AnalyzerRegistry } from '../../src/topics/analyzer-registry.service.js';
import { makePosts } from '../support/factories.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

/** The ingest worker's analysis threads against the event loop's analyzer, on the real configuration tables. */
describe('AnalysisPool (two analysis threads)', () => {
  let running: TestSystem;
  let pool: AnalysisPool;
  let registry: AnalyzerRegistry;
  let db: pg.Client;

  const texts = [
    ...makePosts(60, { prefix: 'pool' }).map((post) => post.text),
    'Banjir lagi di Samarinda Ulu, jln ke pasar gk bisa dilewati',
    'NIK saya 6472031234567890, tolong hubungi 0812-3456-7890 soal bansos',
    'Mantap, pelayanan Disdukcapil cepat sekali hari ini 👍 #pelayananpublik @pemkot',
    '',
  ];
  const inEventLoop = async (of: string[]): Promise<PostAnalysis[]> => {
    const analyzer = await registry.current();
    return of.map((text) => analyzer.analyze(text));
  };

  beforeAll(async () => {
    running = await startTestSystem({ env: { PANTAU_ANALYSIS_THREADS: '2', PANTAU_HOME_REGION: '64.72' } });
    pool = running.system.app.get(AnalysisPool);
    registry = running.system.app.get(AnalyzerRegistry);
    db = new pg.Client(running.database.url);
    await db.connect();
    await db.query(
      `INSERT INTO settings (key, value, updated_at) VALUES
         ('analysis.slang', '{"gk": "tidak", "jln": "jalan"}', clock_timestamp()),
         ('analysis.lexicon', '{"dilewati": -0.8}', clock_timestamp())`,
    );
    registry.invalidate();
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
  });

  it('should give exactly the analyses of the event loop, in order, with the active model and overrides', async () => {
    const configuration = await registry.currentConfiguration();
    expect(configuration.sentimentModel).toBeDefined();
    expect(configuration.slangOverrides).toEqual({ gk: 'tidak', jln: 'jalan' });

    const [first, second] = await Promise.all([pool.analyze(texts), pool.analyze(texts.slice().reverse())]);

    const expected = await inEventLoop(texts);
    expect(first).toEqual(expected);
    expect(second).toEqual(expected.slice().reverse());
    expect(first.some((analysis) => analysis.locations.length > 0)).toBe(true);
  });

  it('should analyse with a topic saved after the threads were configured', async () => {
    await pool.analyze(texts);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO topics (name, query) VALUES ('Banjir', 'banjir') RETURNING id`,
    );
    registry.invalidate();

    const both = await Promise.all([pool.analyze(texts), pool.analyze(texts)]);

    const expected = await inEventLoop(texts);
    expect(expected.some((analysis) => analysis.topics.some((topic) => topic.id === rows[0].id))).toBe(true);
    for (const analyses of both) {
      expect(analyses).toEqual(expected);
    }
  });

  it('should start a new thread in place of one that died', async () => {
    await pool.analyze(texts);
    const threads = (pool as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads;
    await Promise.all(threads.map((thread) => thread.worker.terminate()));

    expect(await pool.analyze(texts)).toEqual(await inEventLoop(texts));
  });
});

import pg from 'pg';
import request from 'supertest';
import { loginAs } from '../support/auth.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

interface IssueItem {
  id: string;
  label: string;
  state: string;
  category: string;
  campaign: boolean;
  postCount: number;
}

/**
 * The demo stream's stories become issues by themselves: the system starts with the demo on and nothing else, and the
 * scheduled detection passes (never POST /api/issues/detect) find the flood and the buzzer campaign. Documented
 * settings make it fast: 1-minute detection buckets, a pass every 10 s, the demo at 360× (one bucket is six simulated
 * hours, as at 24× with 15-minute buckets). The demo history arrives after the detector's first pass, so this also
 * covers the rebuild from a backfill.
 */
describe('Issues: the demo stream becomes issues by itself', () => {
  let running: TestSystem;
  let db: pg.Client;
  let admin: string;

  beforeAll(async () => {
    running = await startTestSystem({
      env: {
        PANTAU_DEMO: 'true',
        PANTAU_DEMO_SPEED: '360',
        PANTAU_DETECTION_BUCKET_MINUTES: '1',
        PANTAU_DETECTION_INTERVAL_SECONDS: '10',
      },
    });
    db = new pg.Client(running.database.url);
    await db.connect();
    admin = await loginAs(running, 'admin');
  });

  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  const issues = async (): Promise<IssueItem[]> => {
    const res = await request(running.url).get('/api/issues?limit=100').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    return (res.body as { items: IssueItem[] }).items;
  };

  /** The demo story most of an issue's posts belong to (the generator's tag kept in posts.raw), and its share. */
  const storyOf = async (issueId: string): Promise<{ story: string | null; share: number }> => {
    const { rows } = await db.query<{ story: string | null; n: number }>(
      `SELECT p.raw->>'story' AS story, count(*)::int AS n
         FROM issue_posts ip JOIN posts p ON p.id = ip.post_id
        WHERE ip.issue_id = $1 GROUP BY 1 ORDER BY 2 DESC`,
      [issueId],
    );
    const total = rows.reduce((s, r) => s + r.n, 0);
    return { story: rows[0]?.story ?? null, share: total > 0 ? rows[0].n / total : 0 };
  };

  const findStory = async (story: string): Promise<IssueItem | undefined> => {
    for (const issue of await issues()) {
      const of = await storyOf(issue.id);
      if (of.story === story && of.share > 0.5) {
        return issue;
      }
    }
    return undefined;
  };

  it('should open the flood as a disaster issue (not a campaign) and the buzzer campaign as a campaign', async () => {
    const flood = await waitUntil(
      () => findStory('banjir-sungai-kunjang'),
      (i) => i !== undefined,
      { what: 'the flood story as an issue', timeoutMs: 240_000, intervalMs: 2000 },
    );
    expect(flood).toMatchObject({ category: 'bencana', campaign: false });

    const buzzer = await waitUntil(
      () => findStory('buzzer-pujian'),
      (i) => i !== undefined,
      { what: 'the buzzer campaign as an issue', timeoutMs: 240_000, intervalMs: 2000 },
    );
    expect(buzzer?.campaign).toBe(true);
    expect(buzzer?.id).not.toBe(flood?.id);

    // By the scheduled passes alone: nobody asked for a pass.
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'issue.detect'`);
    expect(rows[0].n).toBe(0);
  }, 540_000);
});

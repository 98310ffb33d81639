import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { IssuesRepository } from '../../src/issues/issues.repository.js';
import { PostsRepository } from '../../src/posts/posts.repository.js';
import { makePosts } from '../support/factories.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

describe('PostsRepository', () => {
  let running: TestSystem;
  let posts: PostsRepository;

  beforeAll(async () => {
    running = await startTestSystem({ role: 'api' });
    posts = running.system.app.get(PostsRepository);
    const ingest = running.system.app.get(IngestService);
    const { id } = await ingest.findOrCreatePushSource('uji-total');
    await ingest.processBatch(randomUUID(), id, makePosts(40, { prefix: 'total' }));
  });

  afterAll(async () => {
    await running.stop();
  });

  describe('list', () => {
    it('should count the total exactly up to the cap, and say so', async () => {
      const page = await posts.list({ source: 'uji-total', limit: 5 }, 40);
      expect(page).toMatchObject({ total: 40, totalExact: true });
      expect(page.items).toHaveLength(5);
    });

    it('should give an estimate beyond the cap, never below it, and say it is one', async () => {
      const page = await posts.list({ source: 'uji-total', limit: 5 }, 10);
      expect(page.totalExact).toBe(false);
      expect(page.total).toBeGreaterThan(10);
      expect(page.items).toHaveLength(5);
    });

    it("should keep to an issue's posts when given issue (the issue page's charts open Telusuri so)", async () => {
      const all = await posts.list({ source: 'uji-total', limit: 40 });
      const members = all.items.slice(3, 10).map((post) => post.id);
      const dataSource = running.system.app.get(DataSource);
      const [{ id: issueId }] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO issues (label, state, lifecycle, category, opd, first_seen_at, first_detected_at, last_activity_at)
         VALUES ('Uji saringan isu', 'emerging', 'emerging', 'bencana', 'BPBD', now(), now(), now()) RETURNING id`,
      );
      await running.system.app.get(IssuesRepository).addPosts(dataSource.manager, issueId, members);
      const page = await posts.list({ issue: issueId, limit: 50 });
      expect(page.items.map((post) => post.id).sort()).toEqual([...members].sort());
      expect(page).toMatchObject({ total: 7, totalExact: true });
      const negative = await posts.list({ issue: issueId, sentiment: 'negative', limit: 50 });
      expect(negative.items.every((post) => members.includes(post.id) && post.sentiment === 'negative')).toBe(true);
    });
  });
});

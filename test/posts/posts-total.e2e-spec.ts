import { randomUUID } from 'node:crypto';
import { IngestService } from '../../src/ingestion/ingest.service.js';
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
  });
});

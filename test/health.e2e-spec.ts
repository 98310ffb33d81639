import request from 'supertest';
import { queueBackendsUnderTest, startTestSystem, TestSystem } from './support/test-system.js';

describe.each(queueBackendsUnderTest())('GET /health (queue on %s)', (backend) => {
  let running: TestSystem;

  beforeAll(async () => {
    running = await startTestSystem({ backend });
  });

  afterAll(async () => {
    await running.stop();
  });

  it('should report the database and the queue as up', async () => {
    const response = await request(running.url).get('/health').expect(200);
    expect(response.body.info.database.status).toBe('up');
    expect(response.body.info.queue).toMatchObject({ status: 'up', backend });
  });

  it('should serve the OpenAPI document', async () => {
    const response = await request(running.url).get('/api/docs-json').expect(200);
    expect(response.body.info.title).toBe('Pantau Isu API');
  });
});

import type { IngestService } from '../../src/ingestion/ingest.service.js';
import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';
import { waitUntil } from './wait.js';

/** Ingests posts through the queue in batches, each waited for; a failed batch fails the caller. */
export async function ingestInBatches(
  ingest: IngestService,
  sourceId: string,
  posts: IngestPostPayload[],
  batchSize = 1000,
): Promise<void> {
  for (let i = 0; i < posts.length; i += batchSize) {
    const jobId = await ingest.enqueueBatch(sourceId, posts.slice(i, i + batchSize));
    const status = await waitUntil(
      () => ingest.jobStatus(jobId),
      (s) => s.state === 'completed' || s.state === 'failed',
      { what: `ingest job ${jobId}` },
    );
    if (status.state !== 'completed') {
      throw new Error(`ingest job ${jobId} ended ${status.state}`);
    }
  }
}

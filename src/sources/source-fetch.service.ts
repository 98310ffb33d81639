import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { IngestService } from '../ingestion/ingest.service.js';
import { checkPost } from '../ingestion/import/post-checker.js';
import type { IngestPostPayload } from '../ingestion/ingest-post.js';
import type { Connector, FetchResult, SourceHttpClient, SourceType } from './connectors/connector.types.js';
import { getConnector } from './connectors/connector-registry.js';
import { createSourceHttpClient } from './http/index.js';
import { CredentialsCipher } from './credentials-cipher.js';
import { DemoStreamService } from './demo-stream.service.js';
import { DEMO_SOURCE_TYPE, Source } from './entities/source.entity.js';
import { SourceScheduler } from './source-scheduler.service.js';
import { CredentialsUnreadableError, describeFetchError, failureDelayMs, shouldSkipTick } from './source-health.js';
import { SourcesRepository } from './sources.repository.js';

/** Posts per ingest job (the ingest queue takes 1–1,000). */
export const INGEST_BATCH_SIZE = 1000;
/** A platform that says it has more pages is asked again this soon. */
const FOLLOW_UP_DELAY_MS = 2000;

export type FetchOutcome =
  | { status: 'fetched'; posts: number; rejected: number; jobs: number }
  | { status: 'failed'; error: string; retryInMs: number }
  | { status: 'skipped'; reason: 'busy' | 'inactive' | 'backing-off' | 'not-fetchable' };

/**
 * One fetch of one source: load it, decrypt its credentials, run its connector from the stored
 * cursor, enqueue the posts for the ingest worker, and only then store the new cursor and health.
 * A crash in between can only fetch the same posts again (the ingest drops duplicates), never skip.
 * One fetch per source at a time (a PostgreSQL advisory lock), whichever process runs it.
 */
@Injectable()
export class SourceFetchService {
  private readonly logger = new Logger(SourceFetchService.name);
  private readonly http: SourceHttpClient;

  constructor(
    private readonly sources: SourcesRepository,
    private readonly cipher: CredentialsCipher,
    private readonly ingest: IngestService,
    private readonly scheduler: SourceScheduler,
    private readonly demo: DemoStreamService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.http = createSourceHttpClient({
      allowPrivate: config.allowPrivateSources,
      userAgent: `PantauIsu/0.1 (+${config.publicUrl})`,
    });
  }

  async fetch(sourceId: string, options: { force: boolean }): Promise<FetchOutcome> {
    const runner = this.sources.createRunner();
    await runner.connect();
    const lockKey = `pantau:source-fetch:${sourceId}`;
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lockKey])) as {
        locked: boolean;
      }[];
      if (!locked) {
        return { status: 'skipped', reason: 'busy' };
      }
      try {
        const source = await this.sources.findById(sourceId);
        const now = new Date();
        if (!source || source.status === 'deleted' || (source.status === 'paused' && !options.force)) {
          return { status: 'skipped', reason: 'inactive' };
        }
        if (!options.force && shouldSkipTick(source, now)) {
          return { status: 'skipped', reason: 'backing-off' };
        }
        const connector = this.connectorFor(source.type);
        if (!connector) {
          return { status: 'skipped', reason: 'not-fetchable' };
        }
        const started = Date.now();
        let result: FetchResult;
        try {
          result = await connector.fetch({
            config: source.config,
            credentials: this.credentialsOf(source),
            cursor: source.state,
            http: this.http,
            now,
          });
        } catch (error) {
          return await this.fail(runner, source, now, error);
        }

        const accepted: IngestPostPayload[] = [];
        let rejected = 0;
        for (const post of result.posts) {
          const check = checkPost(post, now);
          if (check.ok) {
            accepted.push(check.post);
          } else {
            rejected++;
          }
        }
        let jobs = 0;
        try {
          for (let i = 0; i < accepted.length; i += INGEST_BATCH_SIZE) {
            await this.ingest.enqueueBatch(source.id, accepted.slice(i, i + INGEST_BATCH_SIZE), { demo: source.demo });
            jobs++;
          }
        } catch (error) {
          this.logger.error(`Source ${source.id}: enqueueing fetched posts failed: ${String(error)}`);
          return await this.fail(runner, source, now, new QueueUnavailableError());
        }
        const nextRunAt = new Date(Date.now() + (result.hasMore ? FOLLOW_UP_DELAY_MS : source.intervalSeconds * 1000));
        await this.sources.recordSuccess(runner, source.id, {
          cursor: result.cursor,
          fetched: accepted.length,
          at: now,
          nextRunAt,
          quota: result.quota,
        });
        if (result.hasMore && source.status === 'active') {
          await this.scheduler.runNow(source.id, FOLLOW_UP_DELAY_MS);
        }
        this.logger.log(
          `Source ${source.id} (${source.type}): ${accepted.length} posts in ${jobs} batches` +
            `${rejected > 0 ? `, ${rejected} unusable` : ''} in ${Date.now() - started} ms`,
        );
        return { status: 'fetched', posts: accepted.length, rejected, jobs };
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
      }
    } finally {
      await runner.release();
    }
  }

  private async fail(
    runner: ReturnType<SourcesRepository['createRunner']>,
    source: Source,
    now: Date,
    error: unknown,
  ): Promise<FetchOutcome> {
    const { message, retryAfterMs } =
      error instanceof QueueUnavailableError
        ? { message: error.message, retryAfterMs: undefined }
        : describeFetchError(error);
    if (
      !(error instanceof Error) ||
      !['ConnectorFetchError', 'CredentialsUnreadableError', 'QueueUnavailableError'].includes(error.name)
    ) {
      // Not a platform answer: a bug or an outage of ours. The message only (no post data).
      this.logger.error(
        `Source ${source.id} (${source.type}) fetch crashed: ${error instanceof Error ? error.stack : String(error)}`,
      );
    } else {
      this.logger.warn(`Source ${source.id} (${source.type}) fetch failed: ${message}`);
    }
    const delayMs = failureDelayMs(source.intervalSeconds, source.consecutiveFailures + 1, retryAfterMs);
    await this.sources.recordFailure(runner, source.id, { message, at: now, delayMs });
    return { status: 'failed', error: message, retryInMs: delayMs };
  }

  private connectorFor(type: string): Pick<Connector, 'fetch'> | undefined {
    if (type === DEMO_SOURCE_TYPE) {
      return this.demo;
    }
    if (type === 'push') {
      return undefined;
    }
    return getConnector(type as SourceType);
  }

  private credentialsOf(source: Source): Record<string, string> {
    try {
      return this.cipher.decrypt(source.id, source.credentialsEncrypted);
    } catch {
      throw new CredentialsUnreadableError();
    }
  }
}

class QueueUnavailableError extends Error {
  constructor() {
    super('Antrean pemrosesan tidak dapat menerima data saat ini; pengambilan akan diulang.');
    this.name = 'QueueUnavailableError';
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { IngestService } from '../ingestion/ingest.service.js';
import type { IngestPostPayload } from '../ingestion/ingest-post.js';
import type { FetchContext, FetchResult } from './connectors/connector.types.js';
import {
  buildDemoCorpus,
  DEMO_DEFAULT_SEED,
  DEMO_LIVE_MINUTES,
  planDemoReplay,
  takeDueDemoPosts,
  type DemoPost,
  type DemoReplayPlan,
  type PlannedDemoPost,
} from './demo/index.js';
import { DEMO_SOURCE_TYPE } from './entities/source.entity.js';
import { SourceScheduler } from './source-scheduler.service.js';
import { SourcesRepository } from './sources.repository.js';

export const DEMO_SOURCE_NAME = 'Demo Samarinda';
/** The demo source is polled this often (the smallest interval a source may have). */
export const DEMO_TICK_SECONDS = 10;
const MINUTE = 60_000;

/** What the demo source keeps in its `state` column. */
export interface DemoCursor extends Record<string, unknown> {
  seed: number;
  speed: number;
  /** When the replay started (real clock, ISO); the plan is recomputed from it after a restart. */
  startedAt: string;
  historyLoaded: boolean;
  /** Replay round (0 = first); later rounds replay the same posts with new ids and times. */
  round: number;
  /** Index into the plan's live part of the next post to emit in this round. */
  liveCursor: number;
  /** Set when PANTAU_DEMO=false paused the source, so that turning the demo back on resumes it. */
  pausedByConfig?: boolean;
}

/**
 * The demo stream (docs/demo-stream.md): on first start of a process that runs workers (see
 * SourcesBootstrap), with
 * `PANTAU_DEMO` on, it creates the `demo` source, loads three days of back-dated history, and the
 * source's scheduler (every 10 s) then replays the rest in accelerated time through the same fetch
 * path as any connector, so the replay position is a cursor stored after each enqueue: restarts
 * resume where they were, and history is never loaded twice. Every post is marked demo.
 */
@Injectable()
export class DemoStreamService {
  private readonly logger = new Logger(DemoStreamService.name);
  private corpus?: DemoPost[];
  private readonly plans = new Map<string, DemoReplayPlan>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SourcesRepository,
    private readonly ingest: IngestService,
    private readonly scheduler: SourceScheduler,
  ) {}

  /** Creates the demo source and loads its history once; follows PANTAU_DEMO on every start. */
  async setUp(now: Date = new Date()): Promise<void> {
    const runner = this.sources.createRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('pantau:demo-setup'))`);
      const existing = await this.sources.findAnyDemoSource();
      if (!this.config.demo) {
        if (existing?.status === 'active') {
          await this.sources.setState(existing.id, { ...existing.state, pausedByConfig: true });
          await this.sources.setStatus(existing.id, 'paused');
          await this.scheduler.remove(existing.id);
          this.logger.log('Demo stream paused (PANTAU_DEMO=false)');
        }
        return;
      }
      if (existing?.status === 'deleted') {
        return; // an admin deleted it: do not bring it back
      }
      let source = existing;
      if (!source) {
        const cursor: DemoCursor = {
          seed: DEMO_DEFAULT_SEED,
          speed: this.config.demoSpeed,
          startedAt: now.toISOString(),
          historyLoaded: false,
          round: 0,
          liveCursor: 0,
        };
        source = await this.sources.insert({
          id: randomUUID(),
          name: (await this.sources.findLiveByName(DEMO_SOURCE_NAME)) ? `${DEMO_SOURCE_NAME} (demo)` : DEMO_SOURCE_NAME,
          type: DEMO_SOURCE_TYPE,
          config: { description: 'Data demo (fiktif) Kota Samarinda untuk mencoba Pantau Isu' },
          credentialsEncrypted: null,
          intervalSeconds: DEMO_TICK_SECONDS,
          demo: true,
          state: cursor,
        });
        this.logger.log(`Demo source created (${source.id})`);
      }
      const cursor = source.state as DemoCursor;
      if (!cursor.historyLoaded) {
        const loaded = await this.loadHistory(source.id, cursor);
        await this.sources.setState(source.id, { ...cursor, historyLoaded: true });
        this.logger.log(`Demo history loaded: ${loaded} back-dated posts`);
      }
      if (source.status === 'paused' && cursor.pausedByConfig) {
        const { pausedByConfig: _dropped, ...rest } = (await this.sources.findById(source.id))?.state as DemoCursor;
        await this.sources.setState(source.id, rest);
        await this.sources.setStatus(source.id, 'active');
        source.status = 'active';
        this.logger.log('Demo stream resumed (PANTAU_DEMO=true)');
      }
      await this.scheduler.sync(source);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('pantau:demo-setup'))`).catch(() => undefined);
      await runner.release();
    }
  }

  /** The demo source's "connector": the live posts due by now, from the stored cursor. */
  fetch(context: FetchContext<Record<string, unknown>, Record<string, string>>): Promise<FetchResult> {
    const cursor = context.cursor as DemoCursor;
    const plan = this.planFor(cursor);
    const roundMs = (DEMO_LIVE_MINUTES / cursor.speed) * MINUTE;
    const elapsed = context.now.getTime() - new Date(cursor.startedAt).getTime();
    let round = cursor.round ?? 0;
    let liveCursor = cursor.liveCursor ?? 0;
    const currentRound = Math.max(0, Math.floor(elapsed / roundMs));
    if (currentRound > round) {
      // Finish the round we were in only if it just ended; after a long stop, jump to the current round.
      const finishing = currentRound === round + 1 ? this.due(plan, round, liveCursor, context.now, roundMs).posts : [];
      round = currentRound;
      liveCursor = 0;
      const step = this.due(plan, round, liveCursor, context.now, roundMs);
      return Promise.resolve({
        posts: [...finishing, ...step.posts],
        cursor: { ...cursor, round, liveCursor: step.cursor },
      });
    }
    const step = this.due(plan, round, liveCursor, context.now, roundMs);
    return Promise.resolve({ posts: step.posts, cursor: { ...cursor, round, liveCursor: step.cursor } });
  }

  private due(
    plan: DemoReplayPlan,
    round: number,
    liveCursor: number,
    now: Date,
    roundMs: number,
  ): { posts: IngestPostPayload[]; cursor: number } {
    const shift = round * roundMs;
    const step = takeDueDemoPosts(plan, liveCursor, new Date(now.getTime() - shift));
    return {
      posts: step.due.map((item) => toPayload(item.post, shift, round)),
      cursor: step.cursor,
    };
  }

  private async loadHistory(sourceId: string, cursor: DemoCursor): Promise<number> {
    const plan = this.planFor(cursor);
    for (let i = 0; i < plan.history.length; i += 1000) {
      await this.ingest.enqueueBatch(
        sourceId,
        plan.history.slice(i, i + 1000).map((post) => toPayload(post, 0, 0)),
        { demo: true },
      );
    }
    return plan.history.length;
  }

  private planFor(cursor: DemoCursor): DemoReplayPlan {
    const key = `${cursor.seed}|${cursor.startedAt}|${cursor.speed}`;
    let plan = this.plans.get(key);
    if (!plan) {
      this.corpus ??= buildDemoCorpus(cursor.seed);
      plan = planDemoReplay(this.corpus, new Date(cursor.startedAt), { speed: cursor.speed });
      this.plans.clear();
      this.plans.set(key, plan);
    }
    return plan;
  }
}

function toPayload(post: PlannedDemoPost, shiftMs: number, round: number): IngestPostPayload {
  const externalId = round === 0 ? post.externalId : `${post.externalId}-r${round}`;
  return {
    externalId,
    text: post.text,
    createdAt: new Date(post.createdAt.getTime() + shiftMs).toISOString(),
    author: post.author,
    url: round === 0 ? post.url : `${post.url}-r${round}`,
    lang: post.lang,
    metrics: post.metrics,
    raw: {
      demo: true,
      platform: post.platform,
      authorName: post.authorName,
      ...(post.story ? { story: post.story } : {}),
    },
  };
}

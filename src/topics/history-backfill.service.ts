import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PostAnalysis } from '../analysis/index.js';
import { explanationOf, PostStore } from '../ingestion/post-store.repository.js';
import { AnalysisJobsRepository } from './analysis-jobs.repository.js';
import { AnalyzerRegistry } from './analyzer-registry.service.js';
import { waitForBatchesInFlight } from './configuration-fence.js';

/** Posts per batch: one transaction each, small enough to keep locks short on a busy table. */
export const TOPIC_BACKFILL_BATCH = 2000;
export const REANALYZE_BATCH = 500;

export interface BackfillOutcome {
  state: 'completed' | 'superseded' | 'skipped' | 'failed';
  processed?: number;
  matched?: number;
  changed?: number;
}

interface PostTextRow {
  id: string;
  text: string;
  created_at: Date;
}

interface CorrectionRow {
  post_id: string;
  sentiment: string | null;
  sentiment_by: string | null;
  sentiment_at: Date | null;
  category: string | null;
  category_by: string | null;
  category_at: Date | null;
}

/** The labels a post shows: the latest analyst correction of each label wins over the machine's. */
export interface DisplayedLabels {
  sentiment: string;
  category: string;
  opd: string;
  explanation: Record<string, unknown>;
}

/**
 * Re-running analysis over stored posts, batched by id ranges with progress in analysis_jobs:
 * - a topic backfill re-matches one topic's query against every stored post and makes post_topics
 *   agree with it (matches added, stale matches of an edited query removed);
 * - a re-analysis recomputes sentiment, category, OPD, places and topic matches of every stored post
 *   with the configuration in force (overrides, rules, active model), keeping analysts' corrections.
 * Both write through PostStore, which moves the rollups with the posts.
 * Both resume from their cursor when a worker dies, and stop when a newer job supersedes them.
 */
@Injectable()
export class HistoryBackfillService {
  private readonly logger = new Logger(HistoryBackfillService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: AnalysisJobsRepository,
    private readonly analyzers: AnalyzerRegistry,
    private readonly store: PostStore,
  ) {}

  async runTopicBackfill(jobId: string): Promise<BackfillOutcome> {
    const job = await this.jobs.find(jobId);
    if (!job || !job.topic_id || (job.state !== 'queued' && job.state !== 'running')) {
      return { state: 'skipped' };
    }
    const [topic] = await this.dataSource.query<{ id: string; query: string }[]>(
      `SELECT id, query FROM topics WHERE id = $1`,
      [job.topic_id],
    );
    if (!topic) {
      return { state: 'skipped' };
    }
    // Batches analysed before the topic changed either commit before the last id is read (and are scanned) or meet
    // the new configuration version in their transaction and are re-analysed (configuration-fence.ts).
    await waitForBatchesInFlight(this.dataSource);
    const maxId = job.max_post_id ?? (await this.maxPostId());
    const total = await this.countPosts(job.cursor_post_id, maxId);
    if (!(await this.jobs.start(jobId, total, maxId))) {
      return { state: 'superseded' };
    }
    await this.analyzers.fresh();
    const matching = await this.analyzers.topicMatching();
    const matcher = matching.compile([{ id: topic.id, query: topic.query }]);
    if (matcher.errors.length > 0) {
      await this.jobs.fail(jobId, matcher.errors[0].message);
      return { state: 'failed' };
    }
    let cursor = job.cursor_post_id;
    let processed = 0;
    let matchedCount = 0;
    for (;;) {
      const rows = await this.dataSource.query<PostTextRow[]>(
        `SELECT id, text, created_at FROM posts WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3`,
        [cursor, maxId, TOPIC_BACKFILL_BATCH],
      );
      if (rows.length === 0) {
        break;
      }
      const matched = rows.filter((row) => matcher.match(matching.normalize(row.text)).length > 0);
      const last = rows[rows.length - 1].id;
      await this.store.replaceTopicMatches(
        topic.id,
        cursor,
        last,
        matched.map((row) => ({ id: row.id, createdAt: row.created_at })),
      );
      cursor = last;
      processed += rows.length;
      matchedCount += matched.length;
      if (!(await this.jobs.advance(jobId, { cursor, processed: rows.length, matched: matched.length }))) {
        return { state: 'superseded', processed, matched: matchedCount };
      }
    }
    const [{ count }] = await this.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM post_topics WHERE topic_id = $1`,
      [topic.id],
    );
    await this.jobs.finish(jobId, { topicMatches: Number(count) });
    this.logger.log(`Topic backfill ${jobId}: ${processed} posts, ${matchedCount} matches`);
    return { state: 'completed', processed, matched: matchedCount };
  }

  async runReanalysis(jobId: string): Promise<BackfillOutcome> {
    const job = await this.jobs.find(jobId);
    if (!job || (job.state !== 'queued' && job.state !== 'running')) {
      return { state: 'skipped' };
    }
    await waitForBatchesInFlight(this.dataSource);
    const maxId = job.max_post_id ?? (await this.maxPostId());
    const total = await this.countPosts(job.cursor_post_id, maxId);
    if (!(await this.jobs.start(jobId, total, maxId))) {
      return { state: 'superseded' };
    }
    const analyzer = await this.analyzers.fresh();
    const configuration = await this.analyzers.currentConfiguration();
    const failedTopics = new Set(analyzer.topicErrors.map((error) => error.id));
    const activeTopics = configuration.topics.map((topic) => String(topic.id)).filter((id) => !failedTopics.has(id));
    const opdOf = new Map(configuration.categoryRules.map((rule) => [rule.slug, rule.opd]));
    let cursor = job.cursor_post_id;
    let processed = 0;
    let changedCount = 0;
    let matchedCount = 0;
    for (;;) {
      const rows = await this.dataSource.query<PostTextRow[]>(
        `SELECT id, text, created_at FROM posts WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3`,
        [cursor, maxId, REANALYZE_BATCH],
      );
      if (rows.length === 0) {
        break;
      }
      const analyses = rows.map((row) => analyzer.analyze(row.text));
      const outcome = await this.dataSource.transaction((manager) =>
        this.storeReanalysis(manager, rows, analyses, activeTopics, opdOf),
      );
      cursor = rows[rows.length - 1].id;
      processed += rows.length;
      changedCount += outcome.changed;
      matchedCount += outcome.matched;
      const more = await this.jobs.advance(jobId, {
        cursor,
        processed: rows.length,
        changed: outcome.changed,
        matched: outcome.matched,
      });
      if (!more) {
        return { state: 'superseded', processed, changed: changedCount };
      }
    }
    await this.jobs.finish(jobId, {
      sentimentSource: configuration.sentimentModel ? `model v${configuration.sentimentModel.version}` : 'lexicon',
      activeTopics: activeTopics.length,
    });
    this.logger.log(`Re-analysis ${jobId}: ${processed} posts, ${changedCount} changed labels`);
    return { state: 'completed', processed, changed: changedCount, matched: matchedCount };
  }

  private async storeReanalysis(
    manager: EntityManager,
    rows: PostTextRow[],
    analyses: PostAnalysis[],
    activeTopics: string[],
    opdOf: Map<string, string>,
  ): Promise<{ changed: number; matched: number }> {
    const ids = rows.map((row) => row.id);
    const corrections = await latestCorrections(manager, ids);
    const labels = rows.map((row, i) => displayedLabels(analyses[i], corrections.get(String(row.id)), opdOf));
    const changed = await this.store.relabel(
      manager,
      rows.map((row, i) => ({
        id: row.id,
        createdAt: row.created_at,
        sentiment: labels[i].sentiment,
        sentimentScore: analyses[i].sentiment.score,
        category: labels[i].category,
        opd: labels[i].opd,
        locations: analyses[i].locations.map(({ code, name, level }) => ({ code, name, level })),
        explanation: labels[i].explanation,
        topics: analyses[i].topics.map((topic) => topic.id),
      })),
      activeTopics,
    );
    const matched = analyses.reduce((sum, analysis) => sum + analysis.topics.length, 0);
    return { changed, matched };
  }

  private async maxPostId(): Promise<string | null> {
    const [row] = await this.dataSource.query<{ max: string | null }[]>(`SELECT max(id)::text AS max FROM posts`);
    return row.max;
  }

  private async countPosts(after: string, upTo: string | null): Promise<number> {
    if (upTo === null) {
      return 0;
    }
    const [row] = await this.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM posts WHERE id > $1 AND id <= $2`,
      [after, upTo],
    );
    return Number(row.count);
  }
}

/** The latest correction of each label (sentiment and category separately) for these posts. */
export async function latestCorrections(
  manager: EntityManager | DataSource,
  postIds: string[],
): Promise<Map<string, CorrectionRow>> {
  if (postIds.length === 0) {
    return new Map();
  }
  const rows = await manager.query<CorrectionRow[]>(
    `SELECT ids.post_id, s.sentiment, s.by AS sentiment_by, s.at AS sentiment_at,
            c.category, c.by AS category_by, c.at AS category_at
     FROM unnest($1::bigint[]) AS ids(post_id)
     LEFT JOIN LATERAL (
       SELECT pc.sentiment, u.username AS by, pc.corrected_at AS at FROM post_corrections pc
       LEFT JOIN users u ON u.id = pc.corrected_by
       WHERE pc.post_id = ids.post_id AND pc.sentiment IS NOT NULL ORDER BY pc.id DESC LIMIT 1) s ON true
     LEFT JOIN LATERAL (
       SELECT pc.category, u.username AS by, pc.corrected_at AS at FROM post_corrections pc
       LEFT JOIN users u ON u.id = pc.corrected_by
       WHERE pc.post_id = ids.post_id AND pc.category IS NOT NULL ORDER BY pc.id DESC LIMIT 1) c ON true
     WHERE s.sentiment IS NOT NULL OR c.category IS NOT NULL`,
    [postIds],
  );
  return new Map(rows.map((row) => [String(row.post_id), row]));
}

/**
 * What a post shows: the machine's labels, overridden label by label by the latest analyst correction.
 * The explanation keeps the machine's labels (`machine`) and who corrected what (`correction`).
 */
export function displayedLabels(
  analysis: PostAnalysis,
  correction: CorrectionRow | undefined,
  opdOf: Map<string, string>,
): DisplayedLabels {
  const explanation: Record<string, unknown> = explanationOf(analysis);
  if (!correction) {
    return {
      sentiment: analysis.sentiment.label,
      category: analysis.category.slug,
      opd: analysis.category.opd,
      explanation,
    };
  }
  explanation.machine = {
    sentiment: analysis.sentiment.label,
    sentimentScore: analysis.sentiment.score,
    category: analysis.category.slug,
    opd: analysis.category.opd,
  };
  const record: Record<string, unknown> = {};
  if (correction.sentiment) {
    record.sentiment = { label: correction.sentiment, by: correction.sentiment_by, at: correction.sentiment_at };
  }
  if (correction.category) {
    record.category = { slug: correction.category, by: correction.category_by, at: correction.category_at };
  }
  explanation.correction = record;
  const category = correction.category ?? analysis.category.slug;
  return {
    sentiment: correction.sentiment ?? analysis.sentiment.label,
    category,
    opd: correction.category ? (opdOf.get(correction.category) ?? analysis.category.opd) : analysis.category.opd,
    explanation,
  };
}

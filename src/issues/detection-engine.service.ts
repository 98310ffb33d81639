/**
 * The running detector: one IssueDetector held by the elected detection worker (see detection.processor.ts).
 * Each pass feeds it the posts ingested since the last pass (their detector views were written at ingest), applies
 * what analysts decided meanwhile (outcomes, labels, merges), runs the pass with the clock at `now`, and writes the
 * changed issues (issues, issue_posts, details) in one transaction, then emits IssueEvents.
 *
 * Restart: a snapshot of the whole detector is saved after a pass every SNAPSHOT_EVERY_MS (and at a clean stop), with
 * the engine's position in the stream (its cursor over ingest times). A new engine loads the latest snapshot written
 * by the same detector code and configuration whose watermark is within the replay window; its first pass then feeds
 * only the posts stored after it, through the same cursor (margin, dedupe, backfill check) as every pass. Without such
 * a snapshot it restores the old way: baselines are saved regularly; a new engine imports them, imports the stored
 * counts of the two days before its replay window (daily-recurrence check), and replays the last 12 hours of posts
 * through `ingest`. A re-found story maps onto the issue row already holding most of its posts, keeping the analyst's
 * outcome (no twin, no resurrection).
 *
 * Backfill: posts stored after the detector's clock had passed their time (a bulk import, a connector's first fetch of
 * older posts, the demo's history arriving after the first pass) are never folded into baselines by later passes. When
 * a pass is fed at least BACKFILL_MIN_POSTS such posts, the detector is rebuilt from the stored history: without the
 * saved baselines (they do not hold the backfill), from the stored counts of the three days before the replay window,
 * which the next pass folds into fresh baselines. Without saved baselines (first start) restore does the same.
 */
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { IssueDetector } from './detection/issue-detector.js';
import { AnalyzerRegistry } from '../topics/analyzer-registry.service.js';
import type { AnalystOutcome, IssueUpsert } from './detection/detection.types.js';
import { DETECTION_STATUS_STATE, DetectionStateRepository } from './detection-state.repository.js';
import { DetectionSnapshotRepository } from './detection-snapshot.repository.js';
import { decodeDetector, detectorCodeFingerprint, encodeDetector } from './detector-snapshot.js';
import { DispositionsService } from './dispositions.service.js';
import type { IssueView } from './dto/issue-view.js';
import { IssueEvents, type IssueEvent } from './issue-events.js';
import { IssueRow, IssuesRepository } from './issues.repository.js';
import { utcOffsetMinutes } from './working-day-calendar.js';
import { WorkSlices, WorkStopped } from './work-slices.js';

const REPLAY_MS = 12 * 3600_000;
/** Posts are read by ingest time with this margin (a batch committing late is still seen; ids dedupe). */
const CURSOR_MARGIN_MS = 5 * 60_000;
const READ_CHUNK = 5000;
/** Stored count rows imported between two checks of the slice clock. */
const IMPORT_CHUNK = 2000;
/** How long shutdown waits for a pass under way (a restore stops at its next slice, well before). */
const SHUTDOWN_PASS_WAIT_MS = 30_000;
const BASELINE_SAVE_EVERY_MS = 30 * 60_000;
/** How often a pass ends by saving a snapshot of the detector (a restart feeds at most this much, plus the margin). */
const SNAPSHOT_EVERY_MS = 10 * 60_000;
/**
 * Largest snapshot saved (gzipped). The detector's memory is bounded by its retention (12 h of posts), so this is a
 * guard, not a working limit: about 300 bytes a post held (bench:restore, docs/operations.md), so 64 MiB is about
 * 200,000 posts, whose restore would take a minute of sliced work and twice the detector's memory. Larger: not saved (the
 * next restart replays).
 */
const SNAPSHOT_MAX_BYTES = 64 * 1024 * 1024;
/** Name of the issue id factory in a snapshot (the one function of the detector's graph). */
const ISSUE_ID_FACTORY = 'newIssueId';
/** How much stored history a detector without usable baselines is rebuilt from (baseline half-life is one day). */
const REBUILD_HISTORY_MS = 3 * 86_400_000;
/**
 * A post is backfill when created this long before the start of the bucket the last pass reached. Generous, so that
 * connectors that routinely deliver posts an hour or two late (feeds polled hourly) do not cause rebuilds: a rebuild
 * reads three days of counts, which is heavy on a busy deployment.
 */
const BACKFILL_LATE_MS = 6 * 3600_000;
/** Backfill posts fed in one pass that trigger a rebuild (a few stragglers do not). */
const BACKFILL_MIN_POSTS = 25;
/** Rebuilds are at most this frequent while a long import keeps arriving. */
const REBUILD_COOLDOWN_MS = 10 * 60_000;

export interface PassChange {
  id: string;
  label: string;
  state: string;
  severity: number;
  category: string;
  opd: string;
  postCount: number;
}

/** How the pass's detector was restored, when the pass restored it. */
export interface RestoreSummary {
  /** 'snapshot': the latest snapshot was loaded; 'replay': no usable one (or a rebuild), the stored window replayed. */
  from: 'snapshot' | 'replay';
  /** Posts replayed by the restore itself (a snapshot's restore replays none: the pass's feed brings the delta). */
  postsReplayed: number;
  /** Why no snapshot was used (none, other code or configuration, older than the window, unreadable). */
  fallback?: string;
  /** Size of the snapshot loaded (gzipped bytes). */
  snapshotBytes?: number;
}

/** The engine's own position saved with a snapshot (JSON: -Infinity is null). */
interface EngineSnapshot {
  cursor: number;
  recent: [string, number][];
  passedUntil: number | null;
  restoreCut: { created: number | null; ingested: number | null };
  rowOf: [string, string][];
  rebuildPending: boolean;
}

export interface PassSummary {
  now: string;
  /** Set when this pass restored the detector (the first pass after a start, or a rebuild). */
  restore: RestoreSummary | null;
  bucketsProcessed: number;
  burstingKeys: number;
  postsIngested: number;
  created: PassChange[];
  updated: PassChange[];
  timings: { restoreMs: number; ingestMs: number; passMs: number; persistMs: number; totalMs: number };
}

@Injectable()
export class DetectionEngine implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DetectionEngine.name);
  private detector: IssueDetector | null = null;
  /** Detector issue id → issue row id. */
  private readonly rowOf = new Map<string, string>();
  /** Post ids fed in the cursor margin, with their ingest time (dedupe of the overlapping reads). */
  private readonly recent = new Map<string, number>();
  private cursor = new Date(0);
  private lastBaselineSave = 0;
  private lastSnapshot = 0;
  /** A pass is under way (a snapshot is only taken between passes). */
  private passing = false;
  private readonly newIssueId = (): string => randomUUID();
  private lastPurge = 0;
  /** Start of the bucket the last pass reached (buckets before it are folded into the baselines). */
  private passedUntil = -Infinity;
  private rebuildPending = false;
  /**
   * Posts created before `created` and ingested by `ingested` are in the counts the last restore imported: the cursor
   * margin must not feed them again (they would be counted twice and read as a backfill).
   */
  private restoreCut = { created: -Infinity, ingested: -Infinity };
  private lastRebuild = 0;
  private running: Promise<unknown> = Promise.resolve();
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly state: DetectionStateRepository,
    private readonly snapshots: DetectionSnapshotRepository,
    private readonly issues: IssuesRepository,
    private readonly dispositions: DispositionsService,
    private readonly events: IssueEvents,
    private readonly analyzers: AnalyzerRegistry,
  ) {}

  /**
   * The process is stopping: a restore or feed under way stops at its next slice (WorkStopped) and no new pass starts.
   * Called by the detection worker before it waits for the pass, and by Nest at shutdown.
   */
  stop(): void {
    this.stopping = true;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop();
    await this.whenIdle(SHUTDOWN_PASS_WAIT_MS);
  }

  private slices(): WorkSlices {
    return new WorkSlices(this.config.detectionSliceMs, () => this.stopping);
  }

  /** Resolves when the pass under way (if any) has ended, or after `maxWaitMs`, whichever comes first. */
  async whenIdle(maxWaitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxWaitMs);
    });
    await Promise.race([this.running, timeout]);
    clearTimeout(timer);
  }

  /** Runs one pass; passes never overlap within the process. */
  pass(now?: number): Promise<PassSummary> {
    const next = this.running.then(() => this.runPass(now));
    this.running = next.catch(() => undefined);
    return next;
  }

  /** A detector with the categories table's severity weights and OPD (through the analysis configuration). */
  private async newDetector(): Promise<IssueDetector> {
    const { categoryRules } = await this.analyzers.currentConfiguration();
    const categories = categoryRules.map((c) => ({ slug: c.slug, opd: c.opd, severityWeight: c.severityWeight ?? 1 }));
    return new IssueDetector(
      { bucketMs: this.state.bucketMs, utcOffsetMinutes: utcOffsetMinutes(this.config.timeZone), categories },
      { newIssueId: this.newIssueId },
    );
  }

  /** What a snapshot's detector must have been built with to be loaded (the detector's resolved configuration). */
  private static configHash(detector: IssueDetector): string {
    return createHash('sha256').update(JSON.stringify(detector.config)).digest('hex').slice(0, 32);
  }

  /**
   * The detector of the latest snapshot, with the engine's position restored, or why there is none to use. A snapshot
   * is used only when the same detector code and configuration wrote it and its watermark is within the replay window
   * (an older one would feed more than a replay reads).
   */
  private async fromSnapshot(
    fresh: IssueDetector,
    slices: WorkSlices,
  ): Promise<{ detector: IssueDetector; bytes: number } | { fallback: string }> {
    const snapshot = await this.snapshots.latest<EngineSnapshot>();
    if (!snapshot) {
      return { fallback: 'no snapshot' };
    }
    if (snapshot.fingerprint !== detectorCodeFingerprint()) {
      return { fallback: 'snapshot of other detector code' };
    }
    if (snapshot.configHash !== DetectionEngine.configHash(fresh)) {
      return { fallback: 'snapshot of another configuration' };
    }
    if (snapshot.watermark.getTime() < Date.now() - REPLAY_MS) {
      return { fallback: 'snapshot older than the replay window' };
    }
    let detector: IssueDetector;
    try {
      detector = await decodeDetector(snapshot.state, new Map([[ISSUE_ID_FACTORY, this.newIssueId]]), slices);
    } catch (err) {
      if (err instanceof WorkStopped) {
        throw err;
      }
      return { fallback: `snapshot unreadable (${String(err)})` };
    }
    const e = snapshot.engine;
    this.cursor = new Date(e.cursor);
    this.recent.clear();
    for (const [id, at] of e.recent) {
      this.recent.set(id, at);
    }
    this.passedUntil = e.passedUntil ?? -Infinity;
    this.restoreCut = { created: e.restoreCut.created ?? -Infinity, ingested: e.restoreCut.ingested ?? -Infinity };
    this.rowOf.clear();
    for (const [det, row] of e.rowOf) {
      this.rowOf.set(det, row);
    }
    this.rebuildPending = e.rebuildPending;
    return { detector, bytes: snapshot.state.length };
  }

  /**
   * Saves a snapshot of the detector and the engine's position (between passes only). `stopping`: at a clean stop,
   * when the engine's own slices would give up at once.
   */
  async saveSnapshot(stopping = false): Promise<void> {
    if (this.passing) {
      return;
    }
    await this.writeSnapshot(stopping ? new WorkSlices(this.config.detectionSliceMs, () => false) : this.slices());
  }

  private async writeSnapshot(slices: WorkSlices): Promise<void> {
    const detector = this.detector;
    if (!detector) {
      return;
    }
    this.lastSnapshot = Date.now();
    const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);
    const engine: EngineSnapshot = {
      cursor: this.cursor.getTime(),
      recent: [...this.recent],
      passedUntil: finite(this.passedUntil),
      restoreCut: { created: finite(this.restoreCut.created), ingested: finite(this.restoreCut.ingested) },
      rowOf: [...this.rowOf],
      rebuildPending: this.rebuildPending,
    };
    const started = Date.now();
    const state = await encodeDetector(detector, new Map([[this.newIssueId, ISSUE_ID_FACTORY]]), slices);
    if (detector !== this.detector) {
      return; // forgotten meanwhile (a failed pass): not a state to resume from
    }
    if (state.length > SNAPSHOT_MAX_BYTES) {
      this.logger.warn(`Detector snapshot not saved: ${state.length} bytes, more than ${SNAPSHOT_MAX_BYTES}`);
      return;
    }
    const posts = detector.stats().postsInMemory;
    await this.snapshots.save({
      fingerprint: detectorCodeFingerprint(),
      configHash: DetectionEngine.configHash(detector),
      watermark: this.cursor,
      posts,
      engine,
      state,
    });
    this.logger.log(
      `Detector snapshot saved: ${posts} posts in memory, ${state.length} bytes, ` + `${Date.now() - started} ms`,
    );
  }

  /**
   * A new detector from the database. `rebuild`: ignore the saved baselines (a backfill they do not hold arrived) and
   * start from the stored counts instead, as on a first start.
   */
  private async restore(rebuild = false): Promise<{ detector: IssueDetector; summary: RestoreSummary }> {
    const slices = this.slices();
    const detector = await this.newDetector();
    const startedAt = Date.now();
    let fallback = 'rebuild from stored history';
    if (!rebuild) {
      const loaded = await this.fromSnapshot(detector, slices);
      if ('detector' in loaded) {
        this.logger.log(
          `Detector restored from a snapshot (${loaded.bytes} bytes, ${loaded.detector.stats().postsInMemory} posts ` +
            `in memory) in ${Date.now() - startedAt} ms (${slices.yields} turns given to the event loop)`,
        );
        return {
          detector: loaded.detector,
          summary: { from: 'snapshot', postsReplayed: 0, snapshotBytes: loaded.bytes },
        };
      }
      fallback = loaded.fallback;
    }
    const baselines = rebuild ? [] : await this.state.loadBaselines();
    detector.importBaselines(baselines);
    const newest = (await this.state.newestPostTime())?.getTime() ?? Date.now();
    const replayFrom = new Date(Math.min(newest, Date.now()) - REPLAY_MS);
    // Older counts only: the replay recounts its own window (with near-duplicate voices). With baselines, the two
    // days before it (daily-recurrence check); without, the stored history, which the first pass folds into baselines.
    const countsFrom =
      baselines.length > 0
        ? replayFrom.getTime() - 2 * 86_400_000 - 4 * 3600_000
        : replayFrom.getTime() - REBUILD_HISTORY_MS;
    const counts = await this.state.countsBetween(new Date(countsFrom), replayFrom);
    // In slices: two days of counts on a busy deployment are hundreds of thousands of rows.
    for (let i = 0; i < counts.length; i += IMPORT_CHUNK) {
      detector.importCounts(counts.slice(i, i + IMPORT_CHUNK));
      await slices.next();
    }
    this.restoreCut = { created: replayFrom.getTime(), ingested: startedAt };
    let afterId = '0';
    let replayed = 0;
    const replayTo = new Date(8.64e15);
    for (;;) {
      const chunk = await this.state.postsCreatedBetween(replayFrom, replayTo, afterId, READ_CHUNK);
      if (chunk.length === 0) {
        break;
      }
      chunk.sort((a, b) => a.doc.createdAt - b.doc.createdAt);
      for (const p of chunk) {
        await slices.next();
        detector.ingest(p.doc);
        // Seen: the cursor margin's next read skips it (and does not count it as a backfill).
        this.recent.set(p.postId, p.ingestedAt.getTime());
        if (p.ingestedAt > this.cursor) {
          this.cursor = p.ingestedAt;
        }
        afterId = BigInt(p.postId) > BigInt(afterId) ? p.postId : afterId;
      }
      replayed += chunk.length;
    }
    this.logger.log(
      `Detector ${rebuild ? 'rebuilt' : 'restored'}: ${baselines.length} baselines, ${counts.length} stored counts, ` +
        `${replayed} posts replayed in ${Date.now() - startedAt} ms (${slices.yields} turns given to the event loop; ` +
        `${fallback})`,
    );
    return { detector, summary: { from: 'replay', postsReplayed: replayed, fallback } };
  }

  private async runPass(nowArg?: number): Promise<PassSummary> {
    const t0 = Date.now();
    this.passing = true;
    try {
      return await this.passOnce(t0, nowArg);
    } finally {
      this.passing = false;
    }
  }

  private async passOnce(t0: number, nowArg?: number): Promise<PassSummary> {
    let restoreMs = 0;
    let restore: RestoreSummary | null = null;
    if (this.stopping) {
      throw new WorkStopped();
    }
    if (!this.detector) {
      ({ detector: this.detector, summary: restore } = await this.restoreOrForget(false));
      restoreMs = Date.now() - t0;
      this.lastBaselineSave = Date.now();
      // A replayed detector is saved at the end of this pass, so that the next restart loads it.
      this.lastSnapshot = restore.from === 'snapshot' ? Date.now() : 0;
    }
    let detector = this.detector;
    const t1 = Date.now();
    let postsIngested: number;
    try {
      postsIngested = await this.feedNewPosts(detector);
    } catch (err) {
      // Stopped halfway through a feed: the cursor has moved past posts not yet fed.
      this.forget();
      throw err;
    }
    if (this.rebuildPending && Date.now() - this.lastRebuild >= REBUILD_COOLDOWN_MS) {
      this.forget();
      this.lastRebuild = Date.now();
      this.rebuildPending = false;
      ({ detector, summary: restore } = await this.restoreOrForget(true));
      this.detector = detector;
      this.lastSnapshot = 0; // the older snapshot does not hold the backfill
    }
    await this.applyAnalystDecisions(detector);
    const t2 = Date.now();
    const now = nowArg ?? Date.now();
    const result = detector.runPass(now);
    // Whether detection is still learning (the API shows it in GET /api/issues meta).
    await this.state.saveState(DETECTION_STATUS_STATE, detector.status(now));
    const bucketMs = this.state.bucketMs;
    this.passedUntil = Math.max(this.passedUntil, Math.floor(now / bucketMs) * bucketMs);
    const t3 = Date.now();
    const events: { type: IssueEvent['type']; id: string; transitions: IssueEvent['transitions'] }[] = [];
    const staged = new Map<string, string>();
    const outcomes: { det: string; row: IssueRow }[] = [];
    try {
      await this.persist(result.upserts, staged, outcomes, events);
    } catch (err) {
      // The detector moved on but its changes are not stored: rebuild it from the database on the next pass.
      this.forget();
      throw err;
    }
    for (const [det, row] of staged) {
      this.rowOf.set(det, row);
    }
    for (const o of outcomes) {
      this.applyOutcome(detector, o.det, o.row.outcome as AnalystOutcome, o.row);
    }
    const t4 = Date.now();
    const created: PassChange[] = [];
    const updated: PassChange[] = [];
    const seen = new Set<string>();
    for (const e of events) {
      if (seen.has(e.id)) {
        continue;
      }
      seen.add(e.id);
      const view = await this.issues.view(e.id, this.config.publicUrl, await this.dispositions.listFor(e.id));
      if (!view) {
        continue;
      }
      (e.type === 'created' ? created : updated).push(change(view));
      this.events.emit({ type: e.type, issue: view, transitions: e.transitions });
    }
    if (Date.now() - this.lastBaselineSave >= BASELINE_SAVE_EVERY_MS) {
      await this.saveBaselines();
    }
    if (Date.now() - this.lastSnapshot >= SNAPSHOT_EVERY_MS) {
      // An optimisation of the next restart: a pass does not fail for it.
      await this.writeSnapshot(this.slices()).catch((err: unknown) => {
        if (!(err instanceof WorkStopped)) {
          this.logger.warn(`Detector snapshot not saved: ${String(err)}`);
        }
      });
    }
    if (Date.now() - this.lastPurge >= 3600_000) {
      this.lastPurge = Date.now();
      await this.state.purge(new Date(Math.max(now, Date.now())));
    }
    const summary: PassSummary = {
      now: new Date(now).toISOString(),
      restore,
      bucketsProcessed: result.bucketsProcessed,
      burstingKeys: result.burstingKeys,
      postsIngested,
      created,
      updated,
      timings: { restoreMs, ingestMs: t2 - t1, passMs: t3 - t2, persistMs: t4 - t3, totalMs: Date.now() - t0 },
    };
    if (result.upserts.length > 0 || result.bucketsProcessed > 0) {
      this.logger.log(
        `Detection pass at ${summary.now}: ${postsIngested} posts fed, ${result.bucketsProcessed} buckets, ` +
          `${created.length} new, ${updated.length} updated issues in ${summary.timings.totalMs} ms`,
      );
    }
    return summary;
  }

  private async persist(
    upserts: IssueUpsert[],
    staged: Map<string, string>,
    outcomes: { det: string; row: IssueRow }[],
    events: { type: IssueEvent['type']; id: string; transitions: IssueEvent['transitions'] }[],
  ): Promise<void> {
    await this.db.transaction(async (manager) => {
      for (const upsert of upserts) {
        const s = upsert.issue;
        let rowId = this.rowOf.get(s.id) ?? staged.get(s.id);
        let created = false;
        if (!rowId) {
          const holder = await this.issues.issueHolding(manager, s.postIds);
          rowId = holder ?? s.id;
          created = !holder;
          staged.set(s.id, rowId);
        }
        const row = created ? null : await this.issues.findRow(rowId, manager);
        if (row?.merged_into) {
          // Merged by an analyst: the story's posts go to the issue it was merged into.
          const target = await this.issues.resolveTarget(row.merged_into, manager);
          if (target) {
            await this.issues.addPosts(manager, target.id, s.postIds);
            await manager.query(
              `UPDATE issues SET last_activity_at = GREATEST(last_activity_at, $2), updated_at = now() WHERE id = $1`,
              [target.id, new Date(s.lastActivityAt)],
            );
            events.push({ type: 'updated', id: target.id, transitions: [] });
          }
          continue;
        }
        await this.issues.upsertSnapshot(manager, rowId, s);
        if (staged.has(s.id)) {
          await manager.query(
            `INSERT INTO detection_issue_map (detector_id, issue_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
            [s.id, rowId],
          );
        }
        // A re-found story keeps the analyst's outcome (a dismissed issue stays dismissed).
        if (row?.outcome && row.outcome !== s.outcome) {
          outcomes.push({ det: s.id, row });
        }
        events.push({ type: created ? 'created' : 'updated', id: rowId, transitions: upsert.transitions });
      }
    });
  }

  /** A restore that leaves nothing half-restored behind when it fails or is stopped. */
  private async restoreOrForget(rebuild: boolean): Promise<{ detector: IssueDetector; summary: RestoreSummary }> {
    try {
      return await this.restore(rebuild);
    } catch (err) {
      this.forget();
      throw err;
    }
  }

  /** Drops the detector and what maps it to the database; the next pass restores it. */
  private forget(): void {
    this.detector = null;
    this.rowOf.clear();
    this.recent.clear();
    this.cursor = new Date(0);
    this.passedUntil = -Infinity;
  }

  async saveBaselines(): Promise<void> {
    if (!this.detector) {
      return;
    }
    this.lastBaselineSave = Date.now();
    await this.state.saveBaselines(this.detector.exportBaselines());
  }

  /** Feeds the posts ingested since the cursor (minus the margin), each once. */
  private async feedNewPosts(detector: IssueDetector): Promise<number> {
    let fed = 0;
    let backfill = 0;
    const lateBefore = this.passedUntil - BACKFILL_LATE_MS;
    let since = new Date(this.cursor.getTime() - CURSOR_MARGIN_MS);
    const slices = this.slices();
    for (;;) {
      const chunk = await this.state.idsIngestedSince(since, READ_CHUNK);
      const cut = this.restoreCut;
      const fresh = (
        await this.state.docsOf(chunk.filter((p) => !this.recent.has(p.postId)).map((p) => p.postId))
      ).filter((p) => !(p.doc.createdAt < cut.created && p.ingestedAt.getTime() <= cut.ingested));
      fresh.sort((a, b) => a.doc.createdAt - b.doc.createdAt);
      for (const p of fresh) {
        await slices.next();
        detector.ingest(p.doc);
        if (p.doc.createdAt < lateBefore) {
          backfill++;
        }
        this.recent.set(p.postId, p.ingestedAt.getTime());
        if (p.ingestedAt > this.cursor) {
          this.cursor = p.ingestedAt;
        }
      }
      fed += fresh.length;
      if (chunk.length < READ_CHUNK) {
        break;
      }
      const last = chunk[chunk.length - 1].ingestedAt;
      if (last.getTime() === since.getTime()) {
        break;
      } // a whole chunk at one instant: already fed above
      since = last;
    }
    if (backfill >= BACKFILL_MIN_POSTS) {
      // Their buckets are behind the detector's clock: only a rebuild folds them into the baselines.
      this.rebuildPending = true;
      this.logger.log(`${backfill} posts older than the detector's clock arrived (backfill): rebuild scheduled`);
    }
    const horizon = this.cursor.getTime() - 2 * CURSOR_MARGIN_MS;
    for (const [id, at] of this.recent) {
      if (at < horizon) {
        this.recent.delete(id);
      }
    }
    return fed;
  }

  /** Outcomes, fixed labels and merges set by analysts since the detector last looked. */
  private async applyAnalystDecisions(detector: IssueDetector): Promise<void> {
    if (this.rowOf.size === 0) {
      return;
    }
    const byRow = new Map<string, string[]>();
    for (const [det, row] of this.rowOf) {
      byRow.set(row, [...(byRow.get(row) ?? []), det]);
    }
    const rows = await this.db.query<
      {
        id: string;
        outcome: string | null;
        merged_into: string | null;
        label: string;
        label_fixed: boolean;
        outcome_at: Date | null;
      }[]
    >(
      `SELECT id, outcome, merged_into, label, label_fixed, outcome_at FROM issues
        WHERE id = ANY($1::uuid[]) AND (outcome IS NOT NULL OR label_fixed)`,
      [[...byRow.keys()]],
    );
    for (const row of rows) {
      for (const det of byRow.get(row.id) ?? []) {
        const snap = detector.getIssue(det);
        if (!snap) {
          continue;
        }
        if (row.label_fixed && snap.label !== row.label) {
          detector.rename(det, row.label);
        }
        if ((row.outcome ?? null) !== snap.outcome) {
          this.applyOutcome(detector, det, row.outcome as AnalystOutcome | null, row);
        }
      }
    }
  }

  private applyOutcome(
    detector: IssueDetector,
    det: string,
    outcome: AnalystOutcome | null,
    row: { merged_into: string | null; outcome_at: Date | null },
  ): void {
    const at = row.outcome_at ? new Date(row.outcome_at).getTime() : Date.now();
    try {
      if (outcome === 'merged') {
        // Merge in the detector too when the target's story is one it holds; else the pass routes posts (above).
        const targetDet = [...this.rowOf.entries()].find(([d, r]) => r === row.merged_into && d !== det)?.[0];
        const target = targetDet ? detector.getIssue(targetDet) : null;
        if (targetDet && target && !target.mergedInto) {
          detector.applyOutcome(det, 'merged', at, targetDet);
        }
        return;
      }
      detector.applyOutcome(det, outcome, at);
    } catch (err) {
      this.logger.warn(`Analyst outcome not applied to detector issue ${det}: ${String(err)}`);
    }
  }
}

function change(v: IssueView): PassChange {
  return {
    id: v.id,
    label: v.label,
    state: v.state,
    severity: v.severity,
    category: v.category,
    opd: v.opd,
    postCount: v.postCount,
  };
}

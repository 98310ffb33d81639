import { resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createAnalyzer, createTextNormalizer, normalizeText, SENTIMENT_LABELS } from '../analysis/index.js';
import {
  evaluate,
  readLabelledFile,
  sizeDefaults,
  TextClassifier,
  type EvaluationReport,
} from '../analysis/model/index.js';
import { AnalysisJobsRepository } from '../topics/analysis-jobs.repository.js';
import { AnalyzerRegistry } from '../topics/analyzer-registry.service.js';
import { HELD_OUT_FRACTION, splitHeldOut } from './held-out-split.js';
import { ModelsRepository } from './models.repository.js';

/** Fewer corrections than this and a model would learn noise: training is declined with a reason. */
export const MIN_TRAIN_EXAMPLES = 20;
export const MIN_HELD_OUT_EXAMPLES = 8;

/** Optional labelled file (CSV/JSONL/TSV with positive/neutral/negative labels) added to the corrections for training. */
export const BASE_DATASET_ENV = 'PANTAU_SENTIMENT_BASE_DATASET';

export interface TrainingResult {
  trained: boolean;
  activated: boolean;
  reason: string;
  modelId?: string;
  version?: number;
  corrections: number;
  trainSize: number;
  heldOutSize: number;
  baseDatasetSize: number;
  candidate?: Score;
  inUse?: Score & { source: 'lexicon' | 'model'; modelId?: string; version?: number };
  lexicon?: Score;
}

interface Score {
  macroF1: number;
  accuracy: number;
}

interface Example {
  postId: string;
  text: string;
  label: string;
}

/**
 * Retrains the sentiment model from analysts' corrections (the latest sentiment correction of each
 * post), evaluates it on a fixed held-out part of them, stores it as a new version, and activates it
 * only when its macro-F1 on that held-out set beats the sentiment source in use (the active model,
 * or the lexicon when none is active). Both are scored on the same posts, with the same labels.
 */
@Injectable()
export class ModelTrainingService {
  private readonly logger = new Logger(ModelTrainingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly models: ModelsRepository,
    private readonly jobs: AnalysisJobsRepository,
    private readonly analyzers: AnalyzerRegistry,
  ) {}

  /** True when sentiment corrections arrived since the newest stored model (the nightly run skips otherwise). */
  async hasNewCorrections(): Promise<boolean> {
    const since = await this.models.latestCreatedAt('sentiment');
    const [row] = await this.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM post_corrections WHERE sentiment IS NOT NULL AND ($1::timestamptz IS NULL OR corrected_at > $1)`,
      [since],
    );
    return Number(row.n) > 0;
  }

  async run(jobId: string): Promise<TrainingResult | undefined> {
    const job = await this.jobs.find(jobId);
    if (!job || (job.state !== 'queued' && job.state !== 'running')) {
      return undefined;
    }
    const examples = await this.correctedExamples();
    if (!(await this.jobs.start(jobId, examples.length, null))) {
      return undefined;
    }
    const result = await this.train(examples, job.requested_by);
    await this.jobs.advance(jobId, { cursor: '0', processed: examples.length });
    await this.jobs.finish(jobId, result as unknown as Record<string, unknown>);
    this.logger.log(`Sentiment training ${jobId}: ${result.reason}`);
    return result;
  }

  private async train(examples: Example[], trainedBy: string | null): Promise<TrainingResult> {
    const { train, heldOut } = splitHeldOut(examples, HELD_OUT_FRACTION);
    const base = readBaseDataset();
    const outcome: TrainingResult = {
      trained: false,
      activated: false,
      reason: '',
      corrections: examples.length,
      trainSize: train.length + base.length,
      heldOutSize: heldOut.length,
      baseDatasetSize: base.length,
    };
    const trainLabels = new Set([...train, ...base].map((e) => e.label));
    if (train.length < MIN_TRAIN_EXAMPLES || heldOut.length < MIN_HELD_OUT_EXAMPLES || trainLabels.size < 2) {
      outcome.reason =
        `Koreksi sentimen belum cukup: ${train.length} untuk latih (minimal ${MIN_TRAIN_EXAMPLES}), ` +
        `${heldOut.length} untuk uji (minimal ${MIN_HELD_OUT_EXAMPLES}), ${trainLabels.size} label (minimal 2)`;
      return outcome;
    }

    const configuration = await this.analyzers.currentConfiguration();
    const normalizer =
      Object.keys(configuration.slangOverrides).length > 0
        ? createTextNormalizer({ slangOverrides: configuration.slangOverrides })
        : undefined;
    const version = await this.models.nextVersion('sentiment');
    const candidate = TextClassifier.train(
      [...base, ...train].map(({ text, label }) => ({ text, label })),
      { ...sizeDefaults(train.length + base.length), lexiconScale: 2, charMax: 0, l2: 1e-4, balanced: true },
      { id: `sentiment-v${version}`, normalizer },
    );

    const gold = heldOut.map((e) => e.label);
    const score = (predicted: string[]): EvaluationReport => evaluate(gold, predicted, SENTIMENT_LABELS);
    const lexiconAnalyzer = createAnalyzer({
      lexiconOverrides: configuration.lexiconOverrides,
      slangOverrides: configuration.slangOverrides,
    });
    const lexicon = score(heldOut.map((e) => lexiconAnalyzer.analyze(e.text).sentiment.label));
    // Both models see the texts normalised as the analyzer does (slang overrides included).
    const normalized = heldOut.map((e) => (normalizer ? normalizer.normalize(e.text) : normalizeText(e.text)));
    const candidateReport = score(normalized.map((n) => candidate.predictNormalized(n, 0).label));
    const active = configuration.sentimentModel;
    const inUse = active ? score(normalized.map((n) => active.classifier.predictNormalized(n, 0).label)) : lexicon;

    outcome.trained = true;
    outcome.candidate = brief(candidateReport);
    outcome.lexicon = brief(lexicon);
    outcome.inUse = active
      ? { ...brief(inUse), source: 'model', modelId: active.id, version: active.version }
      : { ...brief(inUse), source: 'lexicon' };
    outcome.activated = candidateReport.macroF1 > inUse.macroF1;
    const inUseName = active ? `model v${active.version}` : 'leksikon';
    outcome.reason = outcome.activated
      ? `Model v${version} diaktifkan: macro-F1 ${pct(candidateReport.macroF1)} mengungguli ${inUseName} ${pct(inUse.macroF1)} pada ${heldOut.length} koreksi uji`
      : `Model v${version} disimpan tanpa diaktifkan: macro-F1 ${pct(candidateReport.macroF1)} tidak mengungguli ${inUseName} ${pct(inUse.macroF1)} pada ${heldOut.length} koreksi uji`;
    outcome.version = version;
    outcome.modelId = await this.models.insert({
      kind: 'sentiment',
      version,
      model: candidate.toJSON(),
      metrics: {
        heldOut: {
          size: heldOut.length,
          ...brief(candidateReport),
          confusion: candidateReport.confusion,
          labels: candidateReport.labels,
        },
        inUse: outcome.inUse,
        lexicon: outcome.lexicon,
        corrections: examples.length,
        trainSize: outcome.trainSize,
        baseDatasetSize: base.length,
        heldOutFraction: HELD_OUT_FRACTION,
        activatedOnTraining: outcome.activated,
        reason: outcome.reason,
      },
      trainedOn: outcome.trainSize,
      trainedBy,
      activate: outcome.activated,
    });
    if (outcome.activated) {
      this.analyzers.invalidate();
    }
    return outcome;
  }

  /** One example per corrected post: its stored (PII-masked) text and its latest sentiment correction. */
  private async correctedExamples(): Promise<Example[]> {
    const rows = await this.dataSource.query<{ post_id: string; text: string; sentiment: string }[]>(
      `SELECT DISTINCT ON (pc.post_id) pc.post_id, p.text, pc.sentiment
       FROM post_corrections pc JOIN posts p ON p.id = pc.post_id
       WHERE pc.sentiment IS NOT NULL
       ORDER BY pc.post_id, pc.id DESC`,
    );
    return rows.map((row) => ({ postId: String(row.post_id), text: row.text, label: row.sentiment }));
  }
}

function brief(report: EvaluationReport): Score {
  return { macroF1: round(report.macroF1), accuracy: round(report.accuracy) };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function readBaseDataset(): Example[] {
  const file = process.env[BASE_DATASET_ENV];
  if (!file) {
    return [];
  }
  const labels = new Set<string>(SENTIMENT_LABELS);
  return readLabelledFile(resolve(file))
    .filter((e) => labels.has(e.label))
    .map((e, i) => ({ postId: `base-${i}`, text: e.text, label: e.label }));
}

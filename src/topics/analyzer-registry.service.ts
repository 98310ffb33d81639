import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import {
  Analyzer,
  CategoryDefinition,
  createTextNormalizer,
  DEFAULT_CATEGORIES,
  Gazetteer,
  loadGazetteer,
  normalizeText,
  TopicMatcher,
  TopicQuery,
} from '../analysis/index.js';
import type { TermNormalizer } from '../analysis/index.js';
import type { NormalizedText } from '../analysis/text/index.js';
import { TextClassifier } from '../analysis/model/index.js';
import { createConfiguredAnalyzer } from './configured-analyzer.js';
import { SETTING_LEXICON, SETTING_SLANG } from './analysis-settings.repository.js';
import { readConfigurationVersion } from './configuration-fence.js';

/** How often a process checks whether topics or rules changed (another process may have changed them). */
const VERSION_CHECK_MS = 5000;

interface CategoryRow {
  slug: string;
  name: string;
  opd: string;
  keywords: CategoryDefinition['keywords'];
  severity_weight?: number;
}

/** The configuration an analyzer was compiled from (also used to rebuild parts of it, e.g. for training baselines). */
export interface AnalysisConfiguration {
  topics: TopicQuery[];
  categoryRules: CategoryDefinition[];
  lexiconOverrides: Record<string, number>;
  slangOverrides: Record<string, string>;
  /** The active sentiment model, if an admin activated one. */
  sentimentModel?: { id: string; version: number; classifier: TextClassifier };
}

/** What a backfill needs to match one topic against stored texts exactly as the ingest worker would. */
export interface TopicMatching {
  normalize(text: string): NormalizedText;
  compile(topics: readonly TopicQuery[]): TopicMatcher;
}

/**
 * Holds the analyzer compiled from the current configuration: active tracked topics, category
 * rules, lexicon and slang overrides, the active trained sentiment model, the home region and the
 * gazetteer. Every process (API, workers) rebuilds it when the configuration version in the
 * database changes, so a topic saved on one machine applies to new posts on all of them within seconds.
 */
@Injectable()
export class AnalyzerRegistry {
  private readonly logger = new Logger(AnalyzerRegistry.name);
  private gazetteer?: Promise<Gazetteer>;
  private analyzer?: Analyzer;
  private version = '';
  private checkedAt = 0;
  private rebuilding?: Promise<Analyzer>;
  /** Bumped by `invalidate()`: a rebuild that started before it must not be cached as current when it ends. */
  private generation = 0;
  /** The configuration each analyzer was compiled from (cached or not), for `configurationOf`. */
  private readonly configurations = new WeakMap<Analyzer, AnalysisConfiguration>();
  /** The configuration version read before each analyzer's configuration was (configuration-fence.ts). */
  private readonly versions = new WeakMap<Analyzer, string>();
  /** Parsed models by id: a rebuild for a topic change does not re-parse a large model. */
  private readonly models = new Map<string, TextClassifier>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The analyzer for the configuration in force now. */
  async current(): Promise<Analyzer> {
    if (this.analyzer && Date.now() - this.checkedAt < VERSION_CHECK_MS) {
      return this.analyzer;
    }
    if (!this.rebuilding) {
      const rebuild: Promise<Analyzer> = this.refresh(this.generation).finally(() => {
        if (this.rebuilding === rebuild) {
          this.rebuilding = undefined;
        }
      });
      this.rebuilding = rebuild;
    }
    return this.rebuilding;
  }

  /** The analyzer as of the database now, skipping the few seconds of caching (long jobs start with this). */
  async fresh(): Promise<Analyzer> {
    this.invalidate();
    return this.current();
  }

  /** The configuration behind `current()`. */
  async currentConfiguration(): Promise<AnalysisConfiguration> {
    return this.configurations.get(await this.current()) as AnalysisConfiguration;
  }

  /**
   * The configuration `analyzer` (an analyzer this registry handed out) was compiled from: what the ingest worker's
   * analysis threads rebuild the same analyzer from (src/ingestion/analysis-pool).
   */
  configurationOf(analyzer: Analyzer): AnalysisConfiguration | undefined {
    return this.configurations.get(analyzer);
  }

  /**
   * The configuration version `analyzer` was compiled under, read before its configuration (so the analyzer holds at
   * least that version's topics and rules): what an ingest batch checks in its transaction (configuration-fence.ts).
   */
  versionOf(analyzer: Analyzer): string | undefined {
    return this.versions.get(analyzer);
  }

  /** Forces a rebuild on next use (this process changed the configuration). */
  invalidate(): void {
    this.generation += 1;
    this.checkedAt = 0;
    this.version = '';
    // A rebuild under way read the configuration before the change: the next caller starts a fresh one.
    this.rebuilding = undefined;
  }

  /**
   * Topic matching with the same normalisation as the analyzer in force (slang overrides included),
   * without the rest of the analysis: what topic backfills and the query preview use.
   */
  async topicMatching(): Promise<TopicMatching> {
    const { slangOverrides } = await this.currentConfiguration();
    const normalizer = Object.keys(slangOverrides).length > 0 ? createTextNormalizer({ slangOverrides }) : undefined;
    const normalize = (text: string): NormalizedText => {
      try {
        return normalizer ? normalizer.normalize(text) : normalizeText(text);
      } catch {
        return { tokens: [], hashtags: [], mentions: [], urls: [], emojis: [], boundaries: [], boundaryMarks: '' };
      }
    };
    const normalizeTerm: TermNormalizer = (word) =>
      normalize(word).tokens.filter((t) => t[0] !== '#' && t[0] !== '@' && !t.includes('://'));
    return {
      normalize,
      compile: (topics) => new TopicMatcher(topics, { normalizeTerm, stem: undefined }),
    };
  }

  private async refresh(generation: number): Promise<Analyzer> {
    const checkedAt = Date.now();
    const version = await readConfigurationVersion(this.dataSource);
    if (this.analyzer && version === this.version) {
      if (generation === this.generation) {
        this.checkedAt = checkedAt;
      }
      return this.analyzer;
    }
    const started = Date.now();
    const [topics, categories, settings, model, gazetteer] = await Promise.all([
      this.dataSource.query<TopicQuery[]>(`SELECT id, query FROM topics WHERE status = 'active' ORDER BY id`),
      this.dataSource.query<CategoryRow[]>(
        `SELECT slug, name, opd, keywords, severity_weight FROM categories ORDER BY position`,
      ),
      this.dataSource.query<{ key: string; value: unknown }[]>(`SELECT key, value FROM settings WHERE key = ANY($1)`, [
        [SETTING_LEXICON, SETTING_SLANG],
      ]),
      this.loadActiveSentimentModel(),
      this.loadGazetteer(),
    ]);
    const setting = (key: string) => settings.find((row) => row.key === key)?.value;
    const configuration: AnalysisConfiguration = {
      topics,
      categoryRules: toCategoryRules(categories),
      lexiconOverrides: numberMap(setting(SETTING_LEXICON)),
      slangOverrides: stringMap(setting(SETTING_SLANG)),
      sentimentModel: model,
    };
    const analyzer = createConfiguredAnalyzer(configuration, { homeRegion: this.config.homeRegion, gazetteer });
    this.configurations.set(analyzer, configuration);
    this.versions.set(analyzer, version);
    for (const error of analyzer.topicErrors) {
      this.logger.warn(`Topic ${error.id} was skipped: ${error.message}`);
    }
    if (generation !== this.generation) {
      // Invalidated while compiling: hand this analyzer to the callers that asked before, cache nothing.
      return analyzer;
    }
    // The check time moves with the analyzer: callers during the compile must not get the previous analyzer as
    // "checked just now" (a batch analysed without a topic created a moment before; docs/topics.md).
    this.analyzer = analyzer;
    this.version = version;
    this.checkedAt = checkedAt;
    this.logger.log(
      `Analyzer compiled (${topics.length} active topics, sentiment ${model ? `model v${model.version}` : 'lexicon'}) in ${Date.now() - started} ms`,
    );
    return analyzer;
  }

  private async loadActiveSentimentModel(): Promise<AnalysisConfiguration['sentimentModel']> {
    const [row] = await this.dataSource.query<{ id: string; version: number }[]>(
      `SELECT id, version FROM analysis_models WHERE kind = 'sentiment' AND active`,
    );
    if (!row) {
      return undefined;
    }
    let classifier = this.models.get(row.id);
    if (!classifier) {
      const [stored] = await this.dataSource.query<{ model: unknown }[]>(
        `SELECT model FROM analysis_models WHERE id = $1`,
        [row.id],
      );
      try {
        classifier = TextClassifier.fromJSON(stored.model);
      } catch (error) {
        // The lexicon is the fallback: a model that cannot be read must not stop ingestion.
        this.logger.error(`Active sentiment model ${row.id} cannot be loaded: ${(error as Error).message}`);
        return undefined;
      }
      this.models.clear();
      this.models.set(row.id, classifier);
    }
    return { id: row.id, version: row.version, classifier };
  }

  private loadGazetteer(): Promise<Gazetteer> {
    this.gazetteer ??= loadGazetteer();
    return this.gazetteer;
  }
}

/** Stored categories with empty keyword lists keep the engine's default rules for that slug. */
export function toCategoryRules(rows: CategoryRow[]): CategoryDefinition[] {
  const defaults = new Map(DEFAULT_CATEGORIES.map((category) => [category.slug, category]));
  return rows.map((row) => ({
    ...(defaults.get(row.slug) ?? { slug: row.slug, keywords: [] }),
    slug: row.slug,
    name: row.name,
    opd: row.opd,
    ...(row.severity_weight === undefined ? {} : { severityWeight: Number(row.severity_weight) }),
    keywords: row.keywords.length > 0 ? row.keywords : (defaults.get(row.slug)?.keywords ?? []),
  }));
}

function numberMap(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (value && typeof value === 'object') {
    for (const [key, weight] of Object.entries(value)) {
      if (typeof weight === 'number' && Number.isFinite(weight)) {
        out[key] = weight;
      }
    }
  }
  return out;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [key, standard] of Object.entries(value)) {
      if (typeof standard === 'string') {
        out[key] = standard;
      }
    }
  }
  return out;
}

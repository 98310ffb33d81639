import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import {
  Analyzer,
  CategoryDefinition,
  createAnalyzer,
  DEFAULT_CATEGORIES,
  Gazetteer,
  loadGazetteer,
  TopicQuery,
} from '../analysis/index.js';

/** How often a process checks whether topics or rules changed (another process may have changed them). */
const VERSION_CHECK_MS = 5000;

interface CategoryRow {
  slug: string;
  name: string;
  opd: string;
  keywords: CategoryDefinition['keywords'];
}

/**
 * Holds the analyzer compiled from the current configuration: active tracked topics, category
 * rules, the home region and the gazetteer. Every process (API, workers) rebuilds it when the
 * configuration version in the database changes, so a topic saved on one machine applies to new
 * posts on all of them within seconds.
 */
@Injectable()
export class AnalyzerRegistry {
  private readonly logger = new Logger(AnalyzerRegistry.name);
  private gazetteer?: Promise<Gazetteer>;
  private analyzer?: Analyzer;
  private version = '';
  private checkedAt = 0;
  private rebuilding?: Promise<Analyzer>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The analyzer for the configuration in force now. */
  async current(): Promise<Analyzer> {
    if (this.analyzer && Date.now() - this.checkedAt < VERSION_CHECK_MS) {
      return this.analyzer;
    }
    this.rebuilding ??= this.refresh().finally(() => (this.rebuilding = undefined));
    return this.rebuilding;
  }

  /** Forces a rebuild on next use (this process changed the configuration). */
  invalidate(): void {
    this.checkedAt = 0;
    this.version = '';
  }

  private async refresh(): Promise<Analyzer> {
    const version = await this.readVersion();
    this.checkedAt = Date.now();
    if (this.analyzer && version === this.version) {
      return this.analyzer;
    }
    const started = Date.now();
    const [topics, categories, gazetteer] = await Promise.all([
      this.dataSource.query<TopicQuery[]>(`SELECT id, query FROM topics WHERE status = 'active' ORDER BY id`),
      this.dataSource.query<CategoryRow[]>(`SELECT slug, name, opd, keywords FROM categories ORDER BY position`),
      this.loadGazetteer(),
    ]);
    const analyzer = createAnalyzer({
      topics,
      homeRegion: this.config.homeRegion,
      gazetteer,
      categoryRules: toCategoryRules(categories),
    });
    for (const error of analyzer.topicErrors) {
      this.logger.warn(`Topic ${error.id} was skipped: ${error.message}`);
    }
    this.analyzer = analyzer;
    this.version = version;
    this.logger.log(`Analyzer compiled (${topics.length} active topics) in ${Date.now() - started} ms`);
    return analyzer;
  }

  private loadGazetteer(): Promise<Gazetteer> {
    this.gazetteer ??= loadGazetteer();
    return this.gazetteer;
  }

  private async readVersion(): Promise<string> {
    const [row] = await this.dataSource.query<{ version: string }[]>(`
      SELECT concat_ws('|',
        (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM topics),
        (SELECT coalesce(max(updated_at)::text, '') FROM categories),
        (SELECT coalesce(max(updated_at)::text, '') FROM settings WHERE key LIKE 'analysis.%')
      ) AS version`);
    return row.version;
  }
}

/** Stored categories with empty keyword lists keep the engine's default rules for that slug. */
function toCategoryRules(rows: CategoryRow[]): CategoryDefinition[] {
  const defaults = new Map(DEFAULT_CATEGORIES.map((category) => [category.slug, category]));
  return rows.map((row) => ({
    ...(defaults.get(row.slug) ?? { slug: row.slug, keywords: [] }),
    slug: row.slug,
    name: row.name,
    opd: row.opd,
    keywords: row.keywords.length > 0 ? row.keywords : (defaults.get(row.slug)?.keywords ?? []),
  }));
}

import { BadRequestException, Injectable, NotFoundException, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_CATEGORIES, type CategoryKeyword } from '../analysis/index.js';
import { AuditService } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { userIdOf } from './actor.js';
import type { AnalysisJobView } from './analysis-jobs.repository.js';
import { AnalysisJobsService } from './analysis-jobs.service.js';
import { AnalysisSettingsRepository, SETTING_LEXICON, SETTING_SLANG } from './analysis-settings.repository.js';
import { AnalyzerRegistry } from './analyzer-registry.service.js';
import { UpdateCategoryDto } from './dto/update-category.dto.js';

export const MAX_OVERRIDES = 5000;

export interface OverridesView<T> {
  entries: Record<string, T>;
  updatedAt: string | null;
}

export interface CategoryView {
  slug: string;
  name: string;
  opd: string;
  severityWeight: number;
  /** The keyword rules in force (the admin's, or the built-in defaults). */
  keywords: CategoryKeyword[];
  customKeywords: boolean;
  updatedAt: string;
}

interface CategoryRow {
  slug: string;
  name: string;
  opd: string;
  keywords: CategoryKeyword[];
  severity_weight: number;
  updated_at: Date;
}

/**
 * Admin-editable analysis rules: lexicon and slang overrides for local words, and category keyword
 * rules with their OPD. Saved rules apply to new posts within seconds (every process's analyzer
 * registry watches their version) and to history through a re-analysis job.
 */
@Injectable()
export class AnalysisRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: AnalysisSettingsRepository,
    private readonly analysisJobs: AnalysisJobsService,
    private readonly analyzers: AnalyzerRegistry,
    @Optional() private readonly audit?: AuditService,
  ) {}

  async lexicon(): Promise<OverridesView<number>> {
    const { value, updatedAt } = await this.settings.read<Record<string, number>>(SETTING_LEXICON);
    return { entries: value, updatedAt };
  }

  async slang(): Promise<OverridesView<string>> {
    const { value, updatedAt } = await this.settings.read<Record<string, string>>(SETTING_SLANG);
    return { entries: value, updatedAt };
  }

  async replaceLexicon(body: unknown, actor: Principal | undefined, reanalyze: boolean, address?: string) {
    const entries = parseLexicon(body);
    const before = await this.lexicon();
    await this.settings.write(SETTING_LEXICON, entries);
    return this.afterChange('analysis.lexicon.update', SETTING_LEXICON, diffKeys(before.entries, entries), {
      actor,
      reanalyze,
      address,
      view: await this.lexicon(),
    });
  }

  async replaceSlang(body: unknown, actor: Principal | undefined, reanalyze: boolean, address?: string) {
    const entries = parseSlang(body);
    const before = await this.slang();
    await this.settings.write(SETTING_SLANG, entries);
    return this.afterChange('analysis.slang.update', SETTING_SLANG, diffKeys(before.entries, entries), {
      actor,
      reanalyze,
      address,
      view: await this.slang(),
    });
  }

  async categories(): Promise<CategoryView[]> {
    const rows = await this.dataSource.query<CategoryRow[]>(
      `SELECT slug, name, opd, keywords, severity_weight, updated_at FROM categories ORDER BY position, slug`,
    );
    return rows.map(toCategoryView);
  }

  async updateCategory(
    slug: string,
    dto: UpdateCategoryDto,
    actor: Principal | undefined,
    reanalyze: boolean,
    address?: string,
  ) {
    const [before] = await this.dataSource.query<CategoryRow[]>(
      `SELECT slug, name, opd, keywords, severity_weight, updated_at FROM categories WHERE slug = $1`,
      [slug],
    );
    if (!before) {
      throw new NotFoundException(`Kategori ${slug} tidak ditemukan`);
    }
    const keywords = dto.keywords?.map((k) => {
      const term = k.term.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
      if (!term || term === '*') {
        throw new BadRequestException(['keywords: kata kunci kosong']);
      }
      return k.opd ? { term, weight: k.weight, opd: k.opd.trim() } : { term, weight: k.weight };
    });
    await this.dataSource.query(
      `UPDATE categories SET name = coalesce($2, name), opd = coalesce($3, opd),
              keywords = coalesce($4::jsonb, keywords), updated_at = clock_timestamp()
       WHERE slug = $1`,
      [slug, dto.name?.trim() ?? null, dto.opd?.trim() ?? null, keywords ? JSON.stringify(keywords) : null],
    );
    const [after] = await this.dataSource.query<CategoryRow[]>(
      `SELECT slug, name, opd, keywords, severity_weight, updated_at FROM categories WHERE slug = $1`,
      [slug],
    );
    this.analyzers.invalidate();
    const reanalysis = reanalyze ? await this.analysisJobs.startReanalysis(userIdOf(actor)) : null;
    await this.audit?.record({
      actor: actor ?? null,
      action: 'category.update',
      targetType: 'category',
      targetId: slug,
      details: {
        before: { name: before.name, opd: before.opd, keywords: before.keywords.length },
        after: { name: after.name, opd: after.opd, keywords: after.keywords.length },
        reanalysisId: reanalysis?.id ?? null,
      },
      address,
    });
    return { ...toCategoryView(after), reanalysis };
  }

  async reanalyze(actor: Principal | undefined, address?: string): Promise<AnalysisJobView> {
    const job = await this.analysisJobs.startReanalysis(userIdOf(actor));
    await this.audit?.record({
      actor: actor ?? null,
      action: 'analysis.reanalyze',
      targetType: 'analysis-job',
      targetId: job.id,
      address,
    });
    return job;
  }

  private async afterChange<T>(
    action: string,
    key: string,
    changes: { added: string[]; removed: string[]; changed: string[] },
    options: { actor: Principal | undefined; reanalyze: boolean; address?: string; view: OverridesView<T> },
  ): Promise<OverridesView<T> & { reanalysis: AnalysisJobView | null }> {
    this.analyzers.invalidate();
    const reanalysis = options.reanalyze ? await this.analysisJobs.startReanalysis(userIdOf(options.actor)) : null;
    await this.audit?.record({
      actor: options.actor ?? null,
      action,
      targetType: 'setting',
      targetId: key,
      details: {
        added: changes.added.slice(0, 100),
        removed: changes.removed.slice(0, 100),
        changed: changes.changed.slice(0, 100),
        reanalysisId: reanalysis?.id ?? null,
      },
      address: options.address,
    });
    return { ...options.view, reanalysis };
  }
}

function entriesOf(body: unknown): [string, unknown][] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequestException(['badan permintaan harus berupa objek JSON {kata: nilai}']);
  }
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length > MAX_OVERRIDES) {
    throw new BadRequestException([`maksimal ${MAX_OVERRIDES} entri`]);
  }
  return entries;
}

function normalizeKey(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** `{term: weight}`: a word or phrase of at most 60 characters, weight in [-1, 1] (0 removes the built-in entry). */
export function parseLexicon(body: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  const errors: string[] = [];
  for (const [raw, weight] of entriesOf(body)) {
    const term = normalizeKey(raw);
    if (!term || term.length > 60) {
      errors.push(`${raw}: kata harus 1–60 karakter`);
    } else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < -1 || weight > 1) {
      errors.push(`${term}: bobot harus angka antara -1 dan 1`);
    } else {
      out[term] = weight;
    }
  }
  if (errors.length > 0) {
    throw new BadRequestException(errors.slice(0, 50));
  }
  return out;
}

/** `{variant: standard}`: a single written form (no spaces) mapped to its standard word or words. */
export function parseSlang(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const errors: string[] = [];
  for (const [raw, standard] of entriesOf(body)) {
    const variant = normalizeKey(raw);
    if (!variant || variant.length > 40 || /\s/.test(variant)) {
      errors.push(`${raw}: bentuk tidak baku harus satu kata, 1–40 karakter`);
    } else if (typeof standard !== 'string' || !normalizeKey(standard) || standard.length > 80) {
      errors.push(`${variant}: bentuk baku harus teks 1–80 karakter`);
    } else {
      out[variant] = normalizeKey(standard);
    }
  }
  if (errors.length > 0) {
    throw new BadRequestException(errors.slice(0, 50));
  }
  return out;
}

function diffKeys(before: Record<string, unknown>, after: Record<string, unknown>) {
  const added = Object.keys(after).filter((k) => !(k in before));
  const removed = Object.keys(before).filter((k) => !(k in after));
  const changed = Object.keys(after).filter((k) => k in before && before[k] !== after[k]);
  return { added, removed, changed };
}

const DEFAULT_KEYWORDS = new Map(DEFAULT_CATEGORIES.map((c) => [c.slug, c.keywords]));

function toCategoryView(row: CategoryRow): CategoryView {
  const custom = row.keywords.length > 0;
  return {
    slug: row.slug,
    name: row.name,
    opd: row.opd,
    severityWeight: row.severity_weight,
    keywords: custom ? row.keywords : (DEFAULT_KEYWORDS.get(row.slug) ?? []),
    customKeywords: custom,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

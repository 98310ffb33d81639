import { BadRequestException, ConflictException, Injectable, NotFoundException, Optional } from '@nestjs/common';
import { validateQuery } from '../analysis/index.js';
import { AuditService } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { userIdOf } from './actor.js';
import { AnalysisJobsRepository, AnalysisJobView } from './analysis-jobs.repository.js';
import { AnalysisJobsService } from './analysis-jobs.service.js';
import { AnalyzerRegistry } from './analyzer-registry.service.js';
import { CreateTopicDto, PreviewTopicDto, UpdateTopicDto } from './dto/topic.dto.js';
import { TopicsRepository, TopicStatus, TopicView } from './topics.repository.js';

const PREVIEW_CHUNK = 2000;

export interface TopicWithBackfill extends TopicView {
  backfill: AnalysisJobView | null;
}

export interface PreviewResult {
  items: Array<{
    id: string;
    createdAt: string;
    source: string;
    text: string;
    sentiment: string | null;
    category: string | null;
    terms: string[];
  }>;
  /** Matches among the scanned posts (the items are the newest of them). */
  matched: number;
  scanned: number;
}

/** Tracked topics: admins write them, every save re-matches history in the background. */
@Injectable()
export class TopicsService {
  constructor(
    private readonly topics: TopicsRepository,
    private readonly jobs: AnalysisJobsRepository,
    private readonly analysisJobs: AnalysisJobsService,
    private readonly analyzers: AnalyzerRegistry,
    @Optional() private readonly audit?: AuditService,
  ) {}

  async list(status?: TopicStatus): Promise<TopicView[]> {
    return this.topics.list(status);
  }

  async get(id: string): Promise<TopicWithBackfill> {
    const topic = await this.topics.find(id);
    if (!topic) {
      throw new NotFoundException(`Topik ${id} tidak ditemukan`);
    }
    return { ...topic, backfill: (await this.jobs.latestForTopic(id)) ?? null };
  }

  async create(dto: CreateTopicDto, actor: Principal | undefined, address?: string): Promise<TopicWithBackfill> {
    const name = dto.name.trim();
    if (!name) {
      throw new BadRequestException(['name: wajib diisi']);
    }
    await this.checkQuery(dto.query);
    if (await this.topics.nameTaken(name)) {
      throw new ConflictException(`Topik bernama "${name}" sudah ada`);
    }
    await this.checkCategory(dto.categoryHint);
    const id = await this.topics.insert({
      name,
      query: dto.query.trim(),
      categoryHint: dto.categoryHint ?? null,
      createdBy: userIdOf(actor),
    });
    this.analyzers.invalidate();
    const backfill = await this.analysisJobs.startTopicBackfill(id, userIdOf(actor));
    await this.audit?.record({
      actor: actor ?? null,
      action: 'topic.create',
      targetType: 'topic',
      targetId: id,
      details: { name, query: dto.query.trim(), categoryHint: dto.categoryHint ?? null },
      address,
    });
    return { ...(await this.topics.find(id))!, backfill };
  }

  async update(
    id: string,
    dto: UpdateTopicDto,
    actor: Principal | undefined,
    address?: string,
  ): Promise<TopicWithBackfill> {
    const before = await this.topics.find(id);
    if (!before) {
      throw new NotFoundException(`Topik ${id} tidak ditemukan`);
    }
    const name = dto.name?.trim();
    if (dto.name !== undefined && !name) {
      throw new BadRequestException(['name: wajib diisi']);
    }
    if (dto.query !== undefined) {
      await this.checkQuery(dto.query);
    }
    if (name && (await this.topics.nameTaken(name, id))) {
      throw new ConflictException(`Topik bernama "${name}" sudah ada`);
    }
    await this.checkCategory(dto.categoryHint);
    const query = dto.query?.trim();
    await this.topics.update(id, { name, query, categoryHint: dto.categoryHint, status: dto.status });
    this.analyzers.invalidate();
    // History follows the query: re-match when it changed, or when a paused topic resumes (posts stored while paused).
    const queryChanged = query !== undefined && query !== before.query;
    const resumed = dto.status === 'active' && before.status === 'paused';
    const backfill =
      queryChanged || resumed
        ? await this.analysisJobs.startTopicBackfill(id, userIdOf(actor))
        : ((await this.jobs.latestForTopic(id)) ?? null);
    await this.audit?.record({
      actor: actor ?? null,
      action:
        dto.status && dto.status !== before.status
          ? `topic.${dto.status === 'paused' ? 'pause' : 'resume'}`
          : 'topic.update',
      targetType: 'topic',
      targetId: id,
      details: {
        before: { name: before.name, query: before.query, categoryHint: before.categoryHint, status: before.status },
        after: { name, query, categoryHint: dto.categoryHint, status: dto.status },
      },
      address,
    });
    return { ...(await this.topics.find(id))!, backfill };
  }

  async delete(id: string, actor: Principal | undefined, address?: string): Promise<void> {
    const before = await this.topics.find(id);
    if (!before || !(await this.topics.delete(id))) {
      throw new NotFoundException(`Topik ${id} tidak ditemukan`);
    }
    this.analyzers.invalidate();
    await this.audit?.record({
      actor: actor ?? null,
      action: 'topic.delete',
      targetType: 'topic',
      targetId: id,
      details: { name: before.name, query: before.query, matchedPosts: before.matchedPosts },
      address,
    });
  }

  async backfill(id: string): Promise<AnalysisJobView> {
    if (!(await this.topics.find(id))) {
      throw new NotFoundException(`Topik ${id} tidak ditemukan`);
    }
    const job = await this.jobs.latestForTopic(id);
    if (!job) {
      throw new NotFoundException(`Topik ${id} belum pernah diproses ulang`);
    }
    return job;
  }

  /** The recent stored posts a draft query would match, with the normalisation the ingest worker uses. */
  async preview(dto: PreviewTopicDto): Promise<PreviewResult> {
    await this.checkQuery(dto.query);
    const matching = await this.analyzers.topicMatching();
    const matcher = matching.compile([{ id: 'preview', query: dto.query }]);
    const limit = dto.limit ?? 20;
    const window = dto.window ?? 10_000;
    const result: PreviewResult = { items: [], matched: 0, scanned: 0 };
    let before: { at: Date; id: string } | undefined;
    while (result.scanned < window) {
      const rows = await this.topics.recentPosts(Math.min(PREVIEW_CHUNK, window - result.scanned), before);
      if (rows.length === 0) {
        break;
      }
      for (const row of rows) {
        const [match] = matcher.match(matching.normalize(row.text));
        if (!match) {
          continue;
        }
        result.matched++;
        if (result.items.length < limit) {
          result.items.push({
            id: String(row.id),
            createdAt: new Date(row.created_at).toISOString(),
            source: row.source,
            text: row.text,
            sentiment: row.sentiment,
            category: row.category,
            terms: match.terms,
          });
        }
      }
      result.scanned += rows.length;
      const last = rows[rows.length - 1];
      before = { at: last.created_at, id: String(last.id) };
    }
    return result;
  }

  /** 400 naming the character for a malformed query; a query made only of NOT would match almost everything. */
  private async checkQuery(query: string): Promise<void> {
    const validation = validateQuery(query);
    if (!validation.ok) {
      throw new BadRequestException([`query: ${validation.message}`]);
    }
    if (validation.matchesEmpty) {
      throw new BadRequestException([
        'query: kueri harus memuat sedikitnya satu kata yang wajib ada; kueri yang hanya berisi NOT akan cocok dengan hampir semua unggahan',
      ]);
    }
    const matching = await this.analyzers.topicMatching();
    const [error] = matching.compile([{ id: 'check', query }]).errors;
    if (error) {
      throw new BadRequestException([`query: ${error.message}`]);
    }
  }

  private async checkCategory(slug: string | null | undefined): Promise<void> {
    if (slug && !(await this.topics.categoryExists(slug))) {
      throw new BadRequestException([`categoryHint: kategori "${slug}" tidak dikenal`]);
    }
  }
}

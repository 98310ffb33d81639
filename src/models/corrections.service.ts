import { BadRequestException, Injectable, NotFoundException, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { PostStore } from '../ingestion/post-store.repository.js';
import { CreateCorrectionDto } from './dto/correction.dto.js';

export interface CorrectionView {
  id: string;
  postId: string;
  sentiment: string | null;
  category: string | null;
  correctedBy: string | null;
  correctedAt: string;
}

interface PostLabelsRow {
  id: string;
  created_at: Date;
  sentiment: string | null;
  sentiment_score: number | null;
  category: string | null;
  opd: string | null;
  analysis: Record<string, unknown> | null;
}

interface CorrectionRow {
  id: string;
  post_id: string;
  sentiment: string | null;
  category: string | null;
  corrected_by_name: string | null;
  corrected_at: Date;
}

/**
 * Analysts' corrections of a post's labels. Each is kept (who, when, what) in post_corrections; the
 * post then shows the latest correction of each label (sentiment and category separately), in its
 * columns, so lists, filters and the hourly roll-up follow it. The machine's labels stay in the
 * explanation (`machine`), and a re-analysis of history keeps the corrections.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PostStore,
    @Optional() private readonly audit?: AuditService,
  ) {}

  async correct(
    postId: string,
    dto: CreateCorrectionDto,
    actor: Principal | undefined,
    address?: string,
  ): Promise<CorrectionView & { post: { sentiment: string | null; category: string | null; opd: string | null } }> {
    if (!dto.sentiment && !dto.category) {
      throw new BadRequestException(['sentiment atau category wajib diisi']);
    }
    if (!/^\d{1,18}$/.test(postId)) {
      throw new NotFoundException(`Post ${postId} tidak ditemukan`);
    }
    let categoryOpd: string | undefined;
    if (dto.category) {
      const [category] = await this.dataSource.query<{ opd: string }[]>(`SELECT opd FROM categories WHERE slug = $1`, [
        dto.category,
      ]);
      if (!category) {
        throw new BadRequestException([`category: kategori "${dto.category}" tidak dikenal`]);
      }
      categoryOpd = category.opd;
    }
    const actorId = actor?.kind === 'user' ? actor.userId : null;
    const actorName = actor?.kind === 'user' ? actor.username : null;
    const result = await this.dataSource.transaction(async (manager) => {
      const [post] = await manager.query<PostLabelsRow[]>(
        `SELECT id, created_at, sentiment, sentiment_score, category, opd, analysis
         FROM posts WHERE id = $1 FOR UPDATE`,
        [postId],
      );
      if (!post) {
        throw new NotFoundException(`Post ${postId} tidak ditemukan`);
      }
      const [row] = await manager.query<{ id: string; corrected_at: Date }[]>(
        `INSERT INTO post_corrections (post_id, post_created_at, sentiment, category, corrected_by)
         VALUES ($1, $2, $3, $4, $5)
         RETURNING id, corrected_at`,
        [postId, post.created_at, dto.sentiment ?? null, dto.category ?? null, actorId],
      );
      const analysis = { ...(post.analysis ?? {}) };
      // The machine's labels are what the columns hold until the first correction.
      analysis.machine ??= {
        sentiment: post.sentiment,
        sentimentScore: post.sentiment_score,
        category: post.category,
        opd: post.opd,
      };
      const record = { ...((analysis.correction as Record<string, unknown> | undefined) ?? {}) };
      const at = new Date(row.corrected_at).toISOString();
      if (dto.sentiment) {
        record.sentiment = { label: dto.sentiment, by: actorName, at };
      }
      if (dto.category) {
        record.category = { slug: dto.category, by: actorName, at };
      }
      analysis.correction = record;
      const sentiment = dto.sentiment ?? post.sentiment;
      const category = dto.category ?? post.category;
      const opd = categoryOpd ?? post.opd;
      await this.store.correct(manager, {
        id: postId,
        sentiment,
        category,
        opd,
        analysis,
      });
      return {
        id: String(row.id),
        postId: String(postId),
        sentiment: dto.sentiment ?? null,
        category: dto.category ?? null,
        correctedBy: actorName,
        correctedAt: at,
        post: { sentiment, category, opd },
      };
    });
    await this.audit?.record({
      actor: actor ?? null,
      action: 'post.correct',
      targetType: 'post',
      targetId: String(postId),
      details: { correctionId: result.id, sentiment: dto.sentiment ?? null, category: dto.category ?? null },
      address,
    });
    return result;
  }

  async list(postId: string): Promise<CorrectionView[]> {
    if (!/^\d{1,18}$/.test(postId)) {
      throw new NotFoundException(`Post ${postId} tidak ditemukan`);
    }
    const [post] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM posts WHERE id = $1`, [postId]);
    if (!post) {
      throw new NotFoundException(`Post ${postId} tidak ditemukan`);
    }
    const rows = await this.dataSource.query<CorrectionRow[]>(
      `SELECT pc.id, pc.post_id, pc.sentiment, pc.category, u.username AS corrected_by_name, pc.corrected_at
       FROM post_corrections pc LEFT JOIN users u ON u.id = pc.corrected_by
       WHERE pc.post_id = $1 ORDER BY pc.id DESC`,
      [postId],
    );
    return rows.map((row) => ({
      id: String(row.id),
      postId: String(row.post_id),
      sentiment: row.sentiment,
      category: row.category,
      correctedBy: row.corrected_by_name,
      correctedAt: new Date(row.corrected_at).toISOString(),
    }));
  }
}

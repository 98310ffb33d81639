import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { deriveKey } from '../config/secrets.js';
import { normaliseHandle } from '../ingestion/author-handle.js';
import { type AuthorErasureOutcome, PostStore } from '../ingestion/post-store.repository.js';
import type { EraseMode } from './dto/personal-data-request.dto.js';
import {
  type HeldAuthorStats,
  type HeldCorrection,
  type HeldIssue,
  type HeldPost,
  PersonalDataRepository,
} from './personal-data.repository.js';

export interface PersonalDataExport {
  generatedAt: string;
  source: { id: string; name: string };
  handle: string;
  posts: HeldPost[];
  corrections: HeldCorrection[];
  issues: HeldIssue[];
  authorStats: HeldAuthorStats[];
}

export interface PersonalDataErasure extends AuthorErasureOutcome {
  mode: EraseMode;
  source: { id: string; name: string };
  /** The keyed digest the audit entry names instead of the handle. */
  handleDigest: string;
}

/**
 * Requests of data subjects (UU PDP): export everything held about one author handle of one source, or erase /
 * anonymise it. Every request is audited with a keyed digest of the handle, never the handle itself: the audit log
 * outlives the erasure, and an admin who knows the handle can still find its entries by the same digest.
 */
@Injectable()
export class PersonalDataService {
  private readonly digestKey: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: PersonalDataRepository,
    private readonly store: PostStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.digestKey = deriveKey(config.secret, 'personal-data-digest');
  }

  /** HMAC-SHA256 of the source id and the normalised handle (hex). */
  handleDigest(sourceId: string, handle: string): string {
    return createHmac('sha256', this.digestKey)
      .update(`${sourceId}\n${normaliseHandle(handle)}`)
      .digest('hex');
  }

  async export(source: string, handle: string, actor: Principal): Promise<PersonalDataExport> {
    const found = await this.sourceOrFail(source);
    const posts = await this.repository.posts(found.id, handle);
    const ids = posts.map((post) => post.id);
    const result: PersonalDataExport = {
      generatedAt: new Date().toISOString(),
      source: found,
      handle,
      posts,
      corrections: await this.repository.corrections(ids),
      issues: await this.repository.issues(ids),
      authorStats: await this.repository.authorStats(found.id, handle),
    };
    await this.audit.record({
      actor,
      action: 'personal-data.export',
      targetType: 'author',
      targetId: this.handleDigest(found.id, handle),
      details: { sourceId: found.id, posts: posts.length },
    });
    return result;
  }

  async erase(source: string, handle: string, mode: EraseMode, actor: Principal): Promise<PersonalDataErasure> {
    const found = await this.sourceOrFail(source);
    const outcome = await this.db.transaction((manager) =>
      mode === 'erase'
        ? this.store.eraseAuthor(manager, found.id, handle)
        : this.store.anonymiseAuthor(manager, found.id, handle),
    );
    const handleDigest = this.handleDigest(found.id, handle);
    await this.audit.record({
      actor,
      action: mode === 'erase' ? 'personal-data.erase' : 'personal-data.anonymise',
      targetType: 'author',
      targetId: handleDigest,
      details: { sourceId: found.id, ...outcome },
    });
    return { mode, source: found, handleDigest, ...outcome };
  }

  private async sourceOrFail(source: string): Promise<{ id: string; name: string }> {
    const found = await this.repository.findSource(source.trim());
    if (!found) {
      throw new NotFoundException(['source: sumber tidak ditemukan']);
    }
    return found;
  }
}

import { BadRequestException, ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ApiKeyService } from '../auth/api-key.service.js';
import { AuditService } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { ConnectorConfigError, type SourceType } from './connectors/connector.types.js';
import { getConnector } from './connectors/connector-registry.js';
import { assertPublicUrl } from './http/index.js';
import { CredentialsCipher, isMaskedSecret } from './credentials-cipher.js';
import { hasUserInfo } from './source-view.js';
import type { CreateSourceDto } from './dto/create-source.dto.js';
import type { UpdateSourceDto } from './dto/update-source.dto.js';
import { DEMO_SOURCE_TYPE, Source } from './entities/source.entity.js';
import { SourceScheduler } from './source-scheduler.service.js';
import { SourceView, toSourceView } from './source-view.js';
import { SourceNameTakenError, SourcesRepository } from './sources.repository.js';

const DEFAULT_INTERVAL_SECONDS = 300;

export interface CreatedSource extends SourceView {
  /** Push sources only: the first API key, shown this once. */
  apiKey?: { id: string; key: string };
}

const CREDENTIALS_IN_URL =
  'alamat tidak boleh memuat nama pengguna atau kata sandi (http://nama:sandi@…): alamat disimpan tanpa enkripsi ' +
  'dan terlihat oleh analis. Gunakan alamat feed tanpa kredensial.';

/** Admin operations on sources: definitions (validated, secrets encrypted), schedules, API keys. */
@Injectable()
export class SourcesService {
  private readonly logger = new Logger(SourcesService.name);

  constructor(
    private readonly sources: SourcesRepository,
    private readonly cipher: CredentialsCipher,
    private readonly scheduler: SourceScheduler,
    private readonly apiKeys: ApiKeyService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<{ items: SourceView[] }> {
    const sources = await this.sources.findListed();
    return { items: sources.map((source) => this.view(source)) };
  }

  async get(id: string): Promise<SourceView> {
    return this.view(await this.require(id, true));
  }

  async create(dto: CreateSourceDto, actor?: Principal): Promise<CreatedSource> {
    const id = randomUUID();
    const prepared = await this.prepareConfig(dto.type, dto.config ?? {}, {});
    const source = await this.insertOrConflict({
      id,
      name: dto.name.trim(),
      type: dto.type,
      config: prepared.config,
      credentialsEncrypted: this.cipher.encrypt(id, prepared.credentials),
      intervalSeconds: dto.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
    });
    await this.scheduler.sync(source);
    let apiKey: { id: string; key: string } | undefined;
    if (source.type === 'push') {
      apiKey = await this.apiKeys.issue(source.id);
    }
    await this.record(actor, 'source.create', source, { type: source.type });
    return { ...this.view(source), ...(apiKey ? { apiKey } : {}) };
  }

  async update(id: string, dto: UpdateSourceDto, actor?: Principal): Promise<SourceView> {
    const source = await this.require(id);
    const change: Parameters<SourcesRepository['updateDefinition']>[1] = {};
    if (dto.name !== undefined) {
      change.name = dto.name.trim();
    }
    if (dto.intervalSeconds !== undefined) {
      change.intervalSeconds = dto.intervalSeconds;
    }
    if (dto.config !== undefined) {
      if (source.type === DEMO_SOURCE_TYPE) {
        throw new BadRequestException('config: konfigurasi sumber demo tidak dapat diubah');
      }
      const stored = this.readableCredentials(source) ?? {};
      const prepared = await this.prepareConfig(source.type as SourceType, dto.config, stored);
      change.config = prepared.config;
      change.credentialsEncrypted = this.cipher.encrypt(source.id, prepared.credentials);
    }
    try {
      await this.sources.updateDefinition(id, change);
    } catch (error) {
      throw this.nameConflict(error);
    }
    const updated = await this.require(id);
    await this.scheduler.sync(updated);
    await this.record(actor, 'source.update', updated, { fields: Object.keys(dto) });
    return this.view(updated);
  }

  async run(id: string, actor?: Principal): Promise<{ jobId: string }> {
    const source = await this.require(id);
    if (source.type === 'push') {
      throw new BadRequestException('Sumber push diisi dari luar melalui API ingest; tidak ada yang dapat diambil.');
    }
    const jobId = await this.scheduler.runNow(source.id);
    await this.record(actor, 'source.run', source);
    return { jobId };
  }

  async pause(id: string, actor?: Principal): Promise<SourceView> {
    const source = await this.require(id);
    await this.sources.setStatus(id, 'paused');
    await this.scheduler.remove(id);
    await this.record(actor, 'source.pause', source);
    return this.view(await this.require(id));
  }

  async resume(id: string, actor?: Principal): Promise<SourceView> {
    const source = await this.require(id);
    await this.sources.setStatus(id, 'active');
    const resumed = await this.require(id);
    await this.scheduler.sync(resumed);
    await this.record(actor, 'source.resume', source);
    return this.view(resumed);
  }

  /** Soft delete: fetching stops, stored posts stay (briefs cite them), the name becomes free again. */
  async remove(id: string, actor?: Principal): Promise<void> {
    const source = await this.require(id);
    await this.sources.setStatus(id, 'deleted');
    await this.scheduler.remove(id);
    await this.record(actor, 'source.delete', source);
  }

  async issueApiKey(id: string, actor?: Principal): Promise<{ id: string; key: string }> {
    const source = await this.require(id);
    if (source.type !== 'push') {
      throw new BadRequestException('Kunci API hanya untuk sumber bertipe push');
    }
    const issued = await this.apiKeys.issue(source.id);
    await this.record(actor, 'source.api-key.issue', source, { keyId: issued.id });
    return issued;
  }

  /** Validates a config through the connector, keeps stored secrets the admin did not re-enter, guards URLs. */
  private async prepareConfig(
    type: SourceType,
    raw: Record<string, unknown>,
    storedCredentials: Record<string, string>,
  ): Promise<{ config: Record<string, unknown>; credentials: Record<string, string> }> {
    if (type === 'push') {
      if (Object.keys(raw).length > 0) {
        throw new BadRequestException(
          'config: sumber push tidak memakai konfigurasi; kirim data melalui POST /api/ingest',
        );
      }
      return { config: {}, credentials: {} };
    }
    const connector = getConnector(type);
    if (!connector) {
      throw new BadRequestException(`type: tipe sumber "${type}" belum didukung`);
    }
    const merged: Record<string, unknown> = { ...raw };
    for (const field of connector.secretFields) {
      if ((merged[field] === undefined || isMaskedSecret(merged[field])) && storedCredentials[field] !== undefined) {
        merged[field] = storedCredentials[field];
      } else if (merged[field] === null || isMaskedSecret(merged[field])) {
        delete merged[field];
      }
    }
    let parsed: { config: Record<string, unknown>; credentials: Record<string, string> };
    try {
      parsed = connector.parseConfig(merged);
    } catch (error) {
      if (error instanceof ConnectorConfigError) {
        throw new BadRequestException(`config.${error.field}: ${error.message}`);
      }
      throw error;
    }
    for (const field of connector.urlFields) {
      const value = parsed.config[field];
      if (typeof value !== 'string' || value === '') {
        continue;
      }
      if (hasUserInfo(value)) {
        throw new BadRequestException(`config.${field}: ${CREDENTIALS_IN_URL}`);
      }
      try {
        await assertPublicUrl(value, this.config.allowPrivateSources);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new BadRequestException(`config.${field}: ${reason}`);
      }
    }
    return parsed;
  }

  private async insertOrConflict(source: Parameters<SourcesRepository['insert']>[0]): Promise<Source> {
    try {
      return await this.sources.insert(source);
    } catch (error) {
      throw this.nameConflict(error);
    }
  }

  private nameConflict(error: unknown): unknown {
    return error instanceof SourceNameTakenError
      ? new ConflictException('name: sudah ada sumber lain dengan nama ini')
      : error;
  }

  private async require(id: string, includeDeleted = false): Promise<Source> {
    const source = /^[0-9a-f-]{36}$/i.test(id) ? await this.sources.findById(id) : null;
    if (!source || (source.status === 'deleted' && !includeDeleted)) {
      throw new NotFoundException(`Sumber ${id} tidak ditemukan`);
    }
    return source;
  }

  private view(source: Source): SourceView {
    return toSourceView(source, this.readableCredentials(source));
  }

  /** Null when the stored credentials cannot be decrypted (the deployment secret changed). */
  private readableCredentials(source: Source): Record<string, string> | null {
    try {
      return this.cipher.decrypt(source.id, source.credentialsEncrypted);
    } catch {
      this.logger.warn(`Source ${source.id}: stored credentials cannot be decrypted with this deployment secret`);
      return null;
    }
  }

  private async record(
    actor: Principal | undefined,
    action: string,
    source: Source,
    details: Record<string, unknown> = {},
  ) {
    await this.audit.record({
      actor: actor ?? null,
      action,
      targetType: 'source',
      targetId: source.id,
      details: { name: source.name, ...details },
    });
  }
}

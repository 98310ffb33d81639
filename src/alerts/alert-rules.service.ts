import { randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/roles.decorator.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { CredentialsCipher } from '../sources/credentials-cipher.js';
import { assertPublicUrl } from '../sources/http/index.js';
import { channelView, parseChannels, webhookSecretKeyId } from './alert-channels.js';
import { AlertRulesRepository, type AlertRuleRecord, type AlertRuleWrite } from './alert-rules.repository.js';
import type { AlertChannelView, AlertConditions, StoredAlertChannel } from './alert.types.js';
import type { AlertConditionsDto, CreateAlertRuleDto, UpdateAlertRuleDto } from './dto/alert-rule.dto.js';

export interface AlertRuleView extends Omit<AlertRuleRecord, 'channels'> {
  channels: AlertChannelView[];
}

const DEFAULT_COOLDOWN_MINUTES = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps only the conditions that are set (the stored JSON is what the evaluator reads). */
function cleanConditions(dto: AlertConditionsDto): AlertConditions {
  const conditions: AlertConditions = {};
  if (dto.minSeverity !== undefined) {
    conditions.minSeverity = dto.minSeverity;
  }
  if (dto.topicIds?.length) {
    conditions.topicIds = [...new Set(dto.topicIds.map((id) => id.toLowerCase()))];
  }
  if (dto.categories?.length) {
    conditions.categories = [...new Set(dto.categories)];
  }
  if (dto.regionCodes?.length) {
    conditions.regionCodes = [...new Set(dto.regionCodes)];
  }
  if (dto.minNegativeShare !== undefined) {
    conditions.minNegativeShare = dto.minNegativeShare;
  }
  if (dto.states?.length) {
    conditions.states = [...new Set(dto.states)];
  }
  if (dto.campaign !== undefined) {
    conditions.campaign = dto.campaign;
  }
  return conditions;
}

/** Admin-defined alert rules. Webhook secrets are stored encrypted and never returned. */
@Injectable()
export class AlertRulesService {
  private readonly cipher: CredentialsCipher;

  constructor(
    private readonly rules: AlertRulesRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cipher = new CredentialsCipher(config.secret);
  }

  async list(viewer: Principal | undefined): Promise<{ items: AlertRuleView[] }> {
    const full = isAdmin(viewer);
    return { items: (await this.rules.list()).map((rule) => this.view(rule, full)) };
  }

  async get(id: string, viewer: Principal | undefined): Promise<AlertRuleView> {
    return this.view(await this.require(id), isAdmin(viewer));
  }

  async create(dto: CreateAlertRuleDto, actor: Principal | undefined, address: string): Promise<AlertRuleView> {
    const id = randomUUID();
    const channels = await this.storedChannels(id, dto.channels, []);
    const write: AlertRuleWrite = {
      name: dto.name.trim(),
      conditions: cleanConditions(dto.conditions),
      channels,
      cooldownMinutes: dto.cooldownMinutes ?? DEFAULT_COOLDOWN_MINUTES,
      active: dto.active ?? true,
    };
    await this.rules.insert(id, write, actor?.kind === 'user' ? actor.userId : null);
    await this.audit.record({
      actor: actor ?? null,
      action: 'alert_rule.create',
      targetType: 'alert_rule',
      targetId: id,
      details: { name: write.name, channels: channels.map((channel) => channel.type), conditions: write.conditions },
      address,
    });
    return this.get(id, actor);
  }

  async update(
    id: string,
    dto: UpdateAlertRuleDto,
    actor: Principal | undefined,
    address: string,
  ): Promise<AlertRuleView> {
    const current = await this.require(id);
    const write: AlertRuleWrite = {
      name: dto.name?.trim() ?? current.name,
      conditions: dto.conditions ? cleanConditions(dto.conditions) : current.conditions,
      channels: dto.channels ? await this.storedChannels(id, dto.channels, current.channels) : current.channels,
      cooldownMinutes: dto.cooldownMinutes ?? current.cooldownMinutes,
      active: dto.active ?? current.active,
    };
    await this.rules.update(id, write);
    await this.audit.record({
      actor: actor ?? null,
      action: 'alert_rule.update',
      targetType: 'alert_rule',
      targetId: id,
      details: { fields: Object.keys(dto).filter((key) => (dto as Record<string, unknown>)[key] !== undefined) },
      address,
    });
    return this.get(id, actor);
  }

  async delete(id: string, actor: Principal | undefined, address: string): Promise<void> {
    const current = await this.require(id);
    await this.rules.delete(id);
    await this.audit.record({
      actor: actor ?? null,
      action: 'alert_rule.delete',
      targetType: 'alert_rule',
      targetId: id,
      details: { name: current.name, alerts: current.stats.alerts },
      address,
    });
  }

  private async require(id: string): Promise<AlertRuleRecord> {
    const rule = UUID.test(id) ? await this.rules.get(id) : null;
    if (!rule) {
      throw new NotFoundException('Aturan peringatan tidak ditemukan');
    }
    return rule;
  }

  private view(rule: AlertRuleRecord, full: boolean): AlertRuleView {
    return { ...rule, channels: rule.channels.map((channel) => channelView(channel, full)) };
  }

  /**
   * Validates the channels (shape, configured senders, webhook addresses against the private-network
   * guard) and encrypts webhook secrets. A webhook given without a secret keeps the secret the rule
   * already had for the same URL.
   */
  private async storedChannels(
    ruleId: string,
    input: unknown[],
    previous: StoredAlertChannel[],
  ): Promise<StoredAlertChannel[]> {
    const { channels, problems } = parseChannels(input);
    for (const [index, channel] of channels.entries()) {
      if (channel.type === 'telegram' && !this.config.telegramBotToken) {
        problems.push(`channels.${index}: bot Telegram belum dikonfigurasi (PANTAU_TELEGRAM_BOT_TOKEN)`);
      }
      if (channel.type === 'email' && !this.config.smtpUrl) {
        problems.push(`channels.${index}: server e-mail belum dikonfigurasi (PANTAU_SMTP_URL)`);
      }
    }
    await Promise.all(
      channels.map(async (channel, index) => {
        if (channel.type !== 'webhook') {
          return;
        }
        try {
          await assertPublicUrl(channel.url, this.config.allowPrivateSources, `channels.${index}.url`);
        } catch (error) {
          problems.push(`channels.${index}.url: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
    if (problems.length > 0) {
      throw new BadRequestException(problems);
    }
    return channels.map((channel): StoredAlertChannel => {
      if (channel.type !== 'webhook') {
        return channel;
      }
      if (channel.secret) {
        return {
          type: 'webhook',
          url: channel.url,
          secretEncrypted: this.cipher.encrypt(webhookSecretKeyId(ruleId), { secret: channel.secret }) ?? undefined,
        };
      }
      const kept = previous.find(
        (old): old is Extract<StoredAlertChannel, { type: 'webhook' }> =>
          old.type === 'webhook' && old.url === channel.url,
      );
      return kept?.secretEncrypted
        ? { type: 'webhook', url: channel.url, secretEncrypted: kept.secretEncrypted }
        : { type: 'webhook', url: channel.url };
    });
  }
}

function isAdmin(viewer: Principal | undefined): boolean {
  return viewer?.kind === 'user' && viewer.role === Role.Admin;
}

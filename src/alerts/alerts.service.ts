import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { AuditService } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { JobQueues } from '../queue/job-queues.service.js';
import { JobName } from '../queue/queue-names.js';
import {
  NOTIFICATION_ATTEMPTS,
  NOTIFICATION_BACKOFF_TYPE,
  NOTIFICATION_BASE_DELAY_MS,
} from '../notifications/notification-backoff.js';
import { buildEvidence } from './alert-evidence.js';
import { evaluateRule } from './alert-rule-evaluator.js';
import { AlertRulesRepository } from './alert-rules.repository.js';
import type { AlertIssueEvent, AlertRule } from './alert.types.js';
import { AlertsRepository, type AlertStatusFilter, type AlertView } from './alerts.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RuleOutcome {
  ruleId: string;
  outcome: 'alerted' | 'not_matched' | 'cooling_down';
  alertId?: string;
  nextAllowedAt?: string;
}

/**
 * Evaluates active rules on every issue event, stores alerts with their evidence and queues one
 * notification per channel; serves the alerts list and the analysts' verdicts.
 */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);

  constructor(
    private readonly rules: AlertRulesRepository,
    private readonly alerts: AlertsRepository,
    private readonly queues: JobQueues,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The entry point for issue events (IssueAlertsListener), one outcome per active rule. */
  async handleIssueEvent(event: AlertIssueEvent): Promise<RuleOutcome[]> {
    const active = await this.rules.active();
    if (active.length === 0) {
      return [];
    }
    let issue = event.issue;
    if (issue.topicIds === undefined && active.some((rule) => rule.conditions.topicIds?.length)) {
      issue = { ...issue, topicIds: await this.alerts.topicIdsOfIssue(issue.id) };
    }
    const outcomes: RuleOutcome[] = [];
    for (const rule of active) {
      const evaluation = evaluateRule(rule.conditions, issue);
      if (!evaluation.matched) {
        outcomes.push({ ruleId: rule.id, outcome: 'not_matched' });
        continue;
      }
      const evidence = buildEvidence(rule, issue, evaluation.checks, this.config.publicUrl);
      const result = await this.alerts.createUnlessCoolingDown(rule, issue.id, event.type, evidence);
      if (!result.created) {
        outcomes.push({ ruleId: rule.id, outcome: 'cooling_down', nextAllowedAt: result.nextAllowedAt });
        continue;
      }
      await this.enqueueDeliveries(rule, result.deliveryIds);
      outcomes.push({ ruleId: rule.id, outcome: 'alerted', alertId: result.alertId });
    }
    return outcomes;
  }

  private async enqueueDeliveries(rule: AlertRule, deliveryIds: string[]): Promise<void> {
    for (const deliveryId of deliveryIds) {
      try {
        await this.queues.enqueue(
          JobName.DeliverAlert,
          { deliveryId },
          {
            jobId: `delivery-${deliveryId}`,
            attempts: NOTIFICATION_ATTEMPTS,
            backoff: { type: NOTIFICATION_BACKOFF_TYPE, delay: NOTIFICATION_BASE_DELAY_MS },
          },
        );
      } catch (error) {
        this.logger.error(`Could not queue delivery ${deliveryId} of rule ${rule.id}: ${String(error)}`);
        await this.alerts.markDeliveryUnqueued(deliveryId, 'Gagal memasukkan pengiriman ke antrean.');
      }
    }
  }

  async list(query: {
    ruleId?: string;
    issueId?: string;
    status?: string;
    limit?: string;
    cursor?: string;
  }): Promise<{ items: AlertView[]; nextCursor: string | null }> {
    const problems: string[] = [];
    if (query.ruleId !== undefined && !UUID.test(query.ruleId)) {
      problems.push('ruleId: harus ID aturan yang valid');
    }
    if (query.issueId !== undefined && !UUID.test(query.issueId)) {
      problems.push('issueId: harus ID isu yang valid');
    }
    const statuses = ['open', 'acknowledged', 'false_positive'];
    if (query.status !== undefined && !statuses.includes(query.status)) {
      problems.push('status: harus open, acknowledged, atau false_positive');
    }
    const limit = query.limit === undefined ? 50 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      problems.push('limit: harus bilangan bulat 1 sampai 200');
    }
    let cursor: { createdAt: string; id: string } | undefined;
    if (query.cursor !== undefined) {
      const [createdAt, id] = Buffer.from(query.cursor, 'base64url').toString('utf8').split('|');
      if (!createdAt || !id || !UUID.test(id) || Number.isNaN(Date.parse(createdAt))) {
        problems.push('cursor: tidak valid');
      } else {
        cursor = { createdAt, id };
      }
    }
    if (problems.length > 0) {
      throw new BadRequestException(problems);
    }
    return this.alerts.list({
      ruleId: query.ruleId,
      issueId: query.issueId,
      status: query.status as AlertStatusFilter | undefined,
      limit,
      cursor,
    });
  }

  async get(id: string): Promise<AlertView> {
    const alert = UUID.test(id) ? await this.alerts.get(id) : null;
    if (!alert) {
      throw new NotFoundException('Peringatan tidak ditemukan');
    }
    return alert;
  }

  async acknowledge(
    id: string,
    note: string | undefined,
    actor: Principal | undefined,
    address: string,
  ): Promise<AlertView> {
    await this.get(id);
    const changed = await this.alerts.acknowledge(id, actor?.kind === 'user' ? actor.userId : null, note);
    if (changed) {
      await this.audit.record({
        actor: actor ?? null,
        action: 'alert.acknowledge',
        targetType: 'alert',
        targetId: id,
        address,
      });
    }
    return this.get(id);
  }

  /** Counted per rule in the rules list; it changes no rule and no threshold. */
  async markFalsePositive(
    id: string,
    note: string | undefined,
    actor: Principal | undefined,
    address: string,
  ): Promise<AlertView> {
    const alert = await this.get(id);
    const changed = await this.alerts.markFalsePositive(id, actor?.kind === 'user' ? actor.userId : null, note);
    if (changed) {
      await this.audit.record({
        actor: actor ?? null,
        action: 'alert.false_positive',
        targetType: 'alert',
        targetId: id,
        details: { ruleId: alert.rule.id, issueId: alert.issueId },
        address,
      });
    }
    return this.get(id);
  }
}

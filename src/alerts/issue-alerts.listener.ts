import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Subscription } from 'rxjs';
import type { IssueView } from '../issues/dto/issue-view.js';
import { IssueEvents, type IssueEvent } from '../issues/issue-events.js';
import type { AlertableIssue, AlertIssueEvent } from './alert.types.js';
import { AlertsService } from './alerts.service.js';

/** The issues module's view of an issue, narrowed to what rules and evidence read. */
export function toAlertableIssue(view: IssueView): AlertableIssue {
  return {
    id: view.id,
    label: view.label,
    state: view.state,
    severity: view.severity,
    severityLevel: view.severityLevel,
    category: view.category ?? null,
    opd: view.opd ?? null,
    postCount: view.postCount,
    authorCount: view.authors,
    firstDetectedAt: view.firstDetectedAt,
    campaign: view.campaign,
    places: (view.places ?? []).map((place) => ({ code: place.code, name: place.name })),
    sentiment: view.sentiment ?? { positive: 0, neutral: 0, negative: 0 },
    topPosts: (view.topPosts ?? [])
      .filter((post) => post.text !== null && post.text !== '')
      .map((post) => ({ url: post.url, text: post.text ?? '', author: post.author })),
  };
}

/**
 * Subscribes AlertsService to IssueEvents in whatever process runs detection. IssueEvents is
 * looked up across modules, so AlertsModule needs no import of IssuesModule; when no module
 * provides it (issues not wired), alerts are raised only through AlertsService.handleIssueEvent.
 */
@Injectable()
export class IssueAlertsListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IssueAlertsListener.name);
  private subscription: Subscription | null = null;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly alerts: AlertsService,
  ) {}

  /** Whether alert rules run on detection events in this process. */
  get subscribed(): boolean {
    return this.subscription !== null;
  }

  onModuleInit(): void {
    let events: IssueEvents;
    try {
      events = this.moduleRef.get(IssueEvents, { strict: false });
    } catch {
      this.logger.warn('IssueEvents is not provided by any module: alert rules are not evaluated on detection');
      return;
    }
    this.subscription = events.on((event: IssueEvent) => this.handle(event));
  }

  private async handle(event: IssueEvent): Promise<void> {
    const input: AlertIssueEvent = { type: event.type, issue: toAlertableIssue(event.issue) };
    const outcomes = await this.alerts.handleIssueEvent(input);
    const alerted = outcomes.filter((outcome) => outcome.outcome === 'alerted').length;
    if (alerted > 0) {
      this.logger.log(`Issue ${event.issue.id} (${event.type}) raised ${alerted} alert(s)`);
    }
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}

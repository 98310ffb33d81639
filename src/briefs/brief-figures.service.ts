/**
 * Gathers the figures a telaahan is written from, through the issues service (never the issues or posts tables):
 * the issue, its figures recomputed from its posts, related earlier issues, the disposition and its deadline, and
 * the category's name and OPD from the categories table. Quotes are masked again before they are kept.
 */
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { maskPii } from '../analysis/pii/pii-masker.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { timeZoneAbbreviation } from '../config/time-zone.js';
import { DEFAULT_FORWARD_DAYS, DispositionsService } from '../issues/dispositions.service.js';
import type { IssueSummary } from '../issues/dto/issue-figures.js';
import type { IssueDispositionView } from '../issues/dto/issue-view.js';
import { isUuid } from '../issues/issues.repository.js';
import { IssuesService } from '../issues/issues.service.js';
import { AnalysisRulesService } from '../topics/analysis-rules.service.js';
import type { BriefDisposition, BriefFigures } from './brief.types.js';

export const PERIOD_HOURS = 24;
export const RELATED_DAYS = 90;

@Injectable()
export class BriefFiguresService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly issues: IssuesService,
    private readonly dispositions: DispositionsService,
    private readonly categories: AnalysisRulesService,
  ) {}

  /**
   * The reads are independent and run at once. The issue comes from its summary (its row), not its view, whose
   * top posts (a sort of the issue's posts) a brief does not use; an unknown issue is a 404 from figures().
   */
  async collect(issueId: string): Promise<BriefFigures> {
    if (!isUuid(issueId)) {
      throw new NotFoundException(`Isu ${issueId} tidak ditemukan`);
    }
    const [figures, [issue], dispositions, related, categories] = await Promise.all([
      this.issues.figures(issueId, PERIOD_HOURS),
      this.issues.summary([issueId]),
      this.dispositions.listFor(issueId),
      this.issues.relatedEarlier(issueId, RELATED_DAYS),
      this.categories.categories(),
    ]);
    if (!issue) {
      throw new NotFoundException(`Isu ${issueId} tidak ditemukan`);
    }
    const category = categories.find((c) => c.slug === issue.category);
    const opd = category?.opd ?? issue.opd;
    return {
      asOf: new Date().toISOString(),
      timeZone: this.config.timeZone,
      zoneLabel: timeZoneAbbreviation(this.config.timeZone),
      issue: {
        id: issue.id,
        label: maskPii(issue.label),
        category: issue.category,
        categoryName: category?.name ?? issue.category,
        opd,
        severity: issue.severity,
        severityLevel: issue.severityLevel,
        campaign: issue.campaign,
        firstDetectedAt: issue.firstDetectedAt,
        state: issue.state,
        link: issue.link,
      },
      ...figures,
      quotes: figures.quotes.map((q) => ({
        postId: q.postId,
        createdAt: q.createdAt,
        author: q.author === null ? null : maskPii(q.author),
        source: q.source,
        url: q.url === null ? null : maskPii(q.url),
        text: maskPii(q.text),
      })),
      related: related.map((r) => ({
        id: r.id,
        label: maskPii(r.label),
        firstDetectedAt: r.firstDetectedAt,
        outcome: r.outcome ?? r.state,
      })),
      relatedDays: RELATED_DAYS,
      disposition: await this.disposition(issue, dispositions, opd),
    };
  }

  private async disposition(
    issue: IssueSummary,
    dispositions: IssueDispositionView[],
    opd: string,
  ): Promise<BriefDisposition> {
    const latest = [...dispositions].sort((a, b) => b.forwardedAt.localeCompare(a.forwardedAt))[0];
    if (!latest) {
      const due = await this.dispositions.forwardDueAt(new Date(issue.firstDetectedAt));
      return {
        status: 'none',
        opd,
        forwardedAt: null,
        dueAt: due.toISOString(),
        workingDays: DEFAULT_FORWARD_DAYS,
        overdue: due.getTime() < Date.now(),
      };
    }
    return {
      status: latest.status,
      opd: latest.opd,
      forwardedAt: latest.forwardedAt,
      dueAt: latest.respondDueAt,
      workingDays: null,
      overdue: latest.overdue,
    };
  }
}

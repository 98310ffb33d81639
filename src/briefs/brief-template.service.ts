/** The deployment's telaahan template, stored as one row of `settings` (key `briefs.template`) over the defaults. */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../auth/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { BriefTemplate, DEFAULT_BRIEF_TEMPLATE, officialAccount } from './brief-template.js';

const TEMPLATE_SETTING = 'briefs.template';

@Injectable()
export class BriefTemplateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<BriefTemplate> {
    const [row] = await this.db.query<{ value: Partial<BriefTemplate> }[]>(
      `SELECT value FROM settings WHERE key = $1`,
      [TEMPLATE_SETTING],
    );
    return withDefaults(row?.value ?? {});
  }

  async put(template: BriefTemplate, actor: Principal | undefined): Promise<BriefTemplate> {
    const value = withDefaults(template);
    value.official = {
      sources: [...new Set(value.official.sources.map((id) => id.toLowerCase()))],
      accounts: [...new Set(value.official.accounts.map(officialAccount).filter(Boolean))],
    };
    await this.db.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [TEMPLATE_SETTING, JSON.stringify(value)],
    );
    await this.audit.record({
      actor: actor ?? null,
      action: 'brief-template.update',
      targetType: 'setting',
      targetId: TEMPLATE_SETTING,
      details: {
        paper: value.paper,
        font: value.font,
        logo: value.letterhead.logo !== null,
        officialSources: value.official.sources.length,
        officialAccounts: value.official.accounts.length,
      },
    });
    return value;
  }
}

/** The stored template over the defaults, section by section (a template saved before a field existed still works). */
function withDefaults(stored: Partial<BriefTemplate>): BriefTemplate {
  const d = DEFAULT_BRIEF_TEMPLATE;
  return {
    ...d,
    ...stored,
    letterhead: { ...d.letterhead, ...stored.letterhead },
    margins: { ...d.margins, ...stored.margins },
    titles: { ...d.titles, ...stored.titles },
    sections: { ...d.sections, ...stored.sections },
    responseHours: { ...d.responseHours, ...stored.responseHours },
    official: { ...d.official, ...stored.official },
    defaults: {
      ...d.defaults,
      ...stored.defaults,
      penandatangan: { ...d.defaults.penandatangan, ...stored.defaults?.penandatangan },
    },
  };
}

import { t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { downloadCsv } from '../csv.js';
import { pageHead } from '../components.js';
import { button, h, mount, notice } from '../dom.js';
import { formatDateTime } from '../format.js';
import type { PageContext } from '../router.js';

interface AuditRecord {
  id: string;
  at: string;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  address: string | null;
}

/** Log audit: every change made through the API, newest first. */
export async function render(root: HTMLElement, _context: PageContext): Promise<void> {
  const rows: AuditRecord[] = [];
  const body = h('tbody');
  const more = h('div', { class: 'pager' });
  const table = h(
    'table',
    { class: 'data' },
    h('caption', { class: 'visually-hidden' }, t('adminAudit.logAudit')),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        headers().map((text) => h('th', { scope: 'col' }, text)),
      ),
    ),
    body,
  );
  const csv = () =>
    downloadCsv(
      'log-audit.csv',
      headers(),
      rows.map((row) => [
        row.at,
        row.actorUsername ?? t('common.system'),
        row.action,
        `${row.targetType ?? ''} ${row.targetId ?? ''}`.trim(),
        JSON.stringify(row.details),
        row.address,
      ]),
    );
  mount(
    root,
    pageHead(
      t('adminAudit.logAudit'),
      t('adminAudit.setiapPerubahanMelaluiApi'),
      button(t('common.unduhCsv'), csv, { class: 'btn btn-small' }),
    ),
    h(
      'section',
      { class: 'card' },
      h('div', { class: 'table-wrap', tabindex: 0, role: 'region', aria: { label: t('adminAudit.logAudit') } }, table),
      more,
    ),
  );
  const load = async (cursor?: string) => {
    const page = await api.get<{ items: AuditRecord[]; nextCursor: string | null }>('/api/audit', {
      limit: 100,
      cursor,
    });
    rows.push(...page.items);
    for (const row of page.items) {
      body.append(
        h(
          'tr',
          null,
          h('td', null, formatDateTime(row.at)),
          h('td', null, row.actorUsername ?? t('common.system')),
          h('td', null, h('code', { class: 'small' }, row.action)),
          h('td', { class: 'small' }, [row.targetType, row.targetId].filter(Boolean).join(' ')),
          h(
            'td',
            { class: 'small mono' },
            Object.keys(row.details ?? {}).length > 0 ? JSON.stringify(row.details) : '',
          ),
          h('td', { class: 'small' }, row.address ?? ''),
        ),
      );
    }
    const next = page.nextCursor;
    mount(more, next ? button(t('common.muatLebihBanyak'), () => void load(next).catch(show), { class: 'btn' }) : null);
  };
  const show = (error: unknown) => mount(more, notice('error', errorText(error)));
  await load().catch(show);
}

/** The columns of the audit log, on the page and in its CSV. */
function headers(): string[] {
  return [
    t('common.waktu'),
    t('adminAudit.pelaku'),
    t('common.tindakan'),
    t('adminAudit.sasaran'),
    t('adminAudit.rincian'),
    t('adminAudit.alamat'),
  ];
}

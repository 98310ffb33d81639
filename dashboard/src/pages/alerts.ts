import { type MessageKey, t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { alertStatus, type AlertView, pageHead } from '../components.js';
import { downloadCsv } from '../csv.js';
import { button, h, mount, notice } from '../dom.js';
import { formatDateTime, formatShare, label, SEVERITY_LABELS } from '../format.js';
import type { PageContext } from '../router.js';
import { canEdit } from '../session.js';
import { alertRow } from './issue-detail.js';

const STATUSES: { value: string; label: MessageKey }[] = [
  { value: 'open', label: 'common.belumDitanggapi' },
  { value: 'acknowledged', label: 'common.sudahDitanggapi' },
  { value: 'false_positive', label: 'common.positifPalsu' },
  { value: '', label: 'common.semua' },
];

/** Peringatan: alerts fired by the rules, newest first; analysts acknowledge them or mark them false positive. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const status = context.query.get('status') ?? 'open';
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, t('alerts.memuatPeringatan')));
  const more = h('div', { class: 'pager' });
  mount(
    root,
    pageHead(
      t('common.peringatan'),
      t('alerts.peringatanDariAturanPeringatan'),
      h(
        'div',
        { class: 'range-picker', role: 'group', aria: { label: t('alerts.statusPeringatan') } },
        STATUSES.map((option) =>
          button(t(option.label), () => context.navigate(`/peringatan?status=${option.value}`), {
            class: 'btn btn-small',
            aria: { pressed: String(option.value === status) },
          }),
        ),
      ),
    ),
    list,
    more,
  );
  const items = h('ul', { class: 'list-plain' });
  const shown: AlertView[] = [];
  const count = h('span', { class: 'muted small' });
  const csv = () =>
    downloadCsv(
      'peringatan.csv',
      [
        t('common.waktu'),
        t('reportDetail.aturan'),
        t('common.isu'),
        t('common.keparahan'),
        t('common.unggahan'),
        t('common.porsiNegatif'),
        t('common.status'),
      ],
      shown.map((alert) => [
        formatDateTime(alert.createdAt),
        alert.rule.name,
        alert.evidence.issue.label,
        label(SEVERITY_LABELS, alert.evidence.issue.severityLevel),
        alert.evidence.issue.postCount,
        formatShare(alert.evidence.sentiment.negativeShare),
        alertStatus(alert),
      ]),
    );
  const load = async (cursor?: string) => {
    const page = await api.get<{ items: AlertView[]; nextCursor: string | null }>('/api/alerts', {
      status: status || undefined,
      limit: 50,
      cursor,
    });
    shown.push(...page.items);
    count.textContent = t('components.rows', { count: shown.length });
    for (const alert of page.items) {
      items.append(alertRow(alert, canEdit(), () => context.refresh()));
    }
    if (!cursor) {
      mount(
        list,
        page.items.length === 0
          ? h('p', { class: 'muted' }, t('common.tidakAdaPeringatan'))
          : [
              h(
                'div',
                { class: 'row-between' },
                count,
                button(t('common.unduhCsv'), csv, { class: 'btn btn-small btn-ghost' }),
              ),
              items,
            ],
      );
    }
    const next = page.nextCursor;
    mount(more, next ? button(t('common.muatLebihBanyak'), () => void load(next), { class: 'btn' }) : null);
  };
  try {
    await load();
  } catch (error) {
    mount(list, notice('error', errorText(error)));
  }
}

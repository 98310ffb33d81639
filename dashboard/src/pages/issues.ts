import { type MessageKey, t } from '../i18n.js';
import { api, errorText } from '../api.js';
import {
  categoryName,
  listTable,
  loadCategories,
  pageHead,
  rangeOf,
  RANGES,
  severityBadge,
  stateBadge,
} from '../components.js';
import { field, h, mount, notice, select } from '../dom.js';
import { formatDateTime, formatNumber, formatShare, labelOptions, SEVERITY_LABELS, STATE_LABELS } from '../format.js';
import type { PageContext } from '../router.js';

export interface IssueListItem {
  id: string;
  label: string;
  state: string;
  severity: number;
  severityLevel: string;
  category: string;
  opd: string;
  postCount: number;
  authors: number;
  firstDetectedAt: string;
  lastActivityAt: string;
  campaign: boolean;
  negativeShare: number;
  regions: string[];
}

const FILTERS = ['state', 'severity', 'category', 'opd', 'region', 'rentang'] as const;

/** Isu: the detected issues, most severe first, with filters kept in the address (shareable, survives reload). */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const query = context.query;
  const categories = await loadCategories();
  const opds = [...new Set(categories.map((category) => category.opd))].sort();
  const options = (table: Record<string, MessageKey>) => [
    { value: '', label: t('common.semua') },
    ...labelOptions(table),
  ];
  const state = select(options(STATE_LABELS), query.get('state') ?? '', { name: 'state' });
  const severity = select(options(SEVERITY_LABELS), query.get('severity') ?? '', { name: 'severity' });
  const category = select(
    [{ value: '', label: t('common.semua') }, ...categories.map((item) => ({ value: item.slug, label: item.name }))],
    query.get('category') ?? '',
    { name: 'category' },
  );
  const opd = select(
    [{ value: '', label: t('common.semua') }, ...opds.map((item) => ({ value: item, label: item }))],
    query.get('opd') ?? '',
    { name: 'opd' },
  );
  const region = h('input', {
    type: 'text',
    name: 'region',
    value: query.get('region') ?? '',
    placeholder: t('common.mis3308'),
    spellcheck: false,
  });
  const range = select(
    [
      { value: '', label: t('common.semuaWaktu') },
      ...RANGES.map((item) => ({ value: item.key, label: t('common.lastRange', { range: t(item.label) }) })),
    ],
    query.get('rentang') ?? '',
    { name: 'rentang' },
  );
  const form = h(
    'form',
    { class: 'card filters', aria: { label: t('issues.saringIsu') } },
    field(t('common.status'), state),
    field(t('issues.tingkatKeparahan'), severity),
    field(t('common.kategori'), category),
    field('OPD', opd),
    field(t('common.kodeWilayah'), region),
    field(t('common.waktu'), range),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('common.terapkan')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    const values: Record<(typeof FILTERS)[number], string> = {
      state: state.value,
      severity: severity.value,
      category: category.value,
      opd: opd.value,
      region: region.value.trim(),
      rentang: range.value,
    };
    for (const name of FILTERS) {
      if (values[name]) {
        params.set(name, values[name]);
      }
    }
    context.navigate(`/isu${params.size > 0 ? `?${params.toString()}` : ''}`);
  });
  const results = h('section', { class: 'card' }, h('p', { class: 'loading' }, t('issues.memuatIsu')));
  mount(root, pageHead(t('common.isu'), t('issues.isuYangTerdeteksiDari')), form, results);

  const period = query.get('rentang') ? rangeOf(query.get('rentang')) : null;
  try {
    const { items } = await api.get<{ items: IssueListItem[] }>('/api/issues', {
      state: query.get('state'),
      severity: query.get('severity'),
      category: query.get('category'),
      opd: query.get('opd'),
      region: query.get('region'),
      from: period?.from,
      limit: 200,
    });
    mount(
      results,
      listTable(
        [
          {
            header: t('common.isu'),
            cell: (issue: IssueListItem) =>
              h(
                'span',
                null,
                h('a', { href: `/isu/${encodeURIComponent(issue.id)}` }, issue.label),
                issue.campaign ? h('span', { class: 'badge badge-info' }, t('issues.kampanye')) : null,
              ),
            csv: (issue) => issue.label,
          },
          {
            header: t('common.keparahan'),
            cell: (issue) => severityBadge(issue.severityLevel),
            csv: (issue) => `${issue.severityLevel} (${Math.round(issue.severity)})`,
          },
          { header: t('common.status'), cell: (issue) => stateBadge(issue.state) },
          { header: t('common.kategori'), cell: (issue) => categoryName(categories, issue.category) },
          { header: 'OPD', cell: (issue) => issue.opd },
          {
            header: t('common.unggahan'),
            cell: (issue) => formatNumber(issue.postCount),
            csv: (issue) => issue.postCount,
            numeric: true,
          },
          {
            header: t('common.akun'),
            cell: (issue) => formatNumber(issue.authors),
            csv: (issue) => issue.authors,
            numeric: true,
          },
          { header: t('common.negatif'), cell: (issue) => formatShare(issue.negativeShare), numeric: true },
          { header: t('issues.aktivitasTerakhir'), cell: (issue) => formatDateTime(issue.lastActivityAt) },
        ],
        items,
        t('issues.daftarIsu'),
        'isu',
      ),
    );
  } catch (error) {
    mount(results, notice('error', errorText(error)));
  }
}

import { type MessageKey, t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { type ChartCard, chartCard, PALETTE } from '../charts.js';
import { listTable, pageHead, severityBadge, stateBadge } from '../components.js';
import { download } from '../csv.js';
import { button, h, mount, notice } from '../dom.js';
import {
  formatBucket,
  formatChange,
  formatDate,
  formatDateTime,
  formatNumber,
  formatShare,
  label,
  setTimeZone,
} from '../format.js';
import type { PageContext } from '../router.js';
import { canEdit } from '../session.js';
import { exploreLink } from '../stats.js';
import { type ReportListItem, TRIGGERS } from './reports.js';

/** The report as GET /api/reports/:id returns it (src/reports/daily-report.types.ts). */
interface Change {
  value: number;
  previous: number;
  change: number | null;
}

interface ReportItem {
  issueId: string;
  label: string;
  severityLevel: string;
  reason: string;
}

interface ReportContent {
  title: string;
  reportDate: string;
  period: { from: string; to: string; timeZone: string; timeZoneAbbreviation: string; text: string };
  overview: { posts: Change; negativeShare: number; authors: number; openIssues: number };
  sources: { id: string; label: string; posts: number }[];
  topIssues: {
    id: string;
    label: string;
    category: string;
    opd: string;
    severityLevel: string;
    state: string;
    posts: Change;
    sentiment: { positive: number; neutral: number; negative: number };
    places: { code: string; name: string }[];
    recommendation: string;
  }[];
  groups: Record<'kabarBaik' | 'perluPerhatian' | 'perluKlarifikasi', ReportItem[]>;
  newAlerts: { id: string; issueId: string; label: string; rule: string; createdAt: string }[];
  categories: { key: string; label: string; posts: number; change: number | null; negativeShare: number }[];
  overdueDispositions: { opd: string; open: number; overdue: number; oldestDueAt: string | null }[];
  hourly: { hourStart: string; posts: number }[];
  summary: string;
}

interface Delivery {
  id: string;
  channel: 'inbox' | 'email' | 'telegram';
  recipient: string;
  status: 'pending' | 'retrying' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

interface Report extends ReportListItem {
  content: ReportContent;
  deliveries: Delivery[];
}

const GROUPS: { key: keyof ReportContent['groups']; title: MessageKey }[] = [
  { key: 'perluPerhatian', title: 'reportDetail.perluPerhatian' },
  { key: 'perluKlarifikasi', title: 'reportDetail.perluKlarifikasi' },
  { key: 'kabarBaik', title: 'reportDetail.kabarBaik' },
];
const CHANNELS: Record<string, MessageKey> = {
  inbox: 'reportDetail.kotakMasuk',
  email: 'reportDetail.surel',
  telegram: 'reportDetail.telegram',
};
const DELIVERY: Record<string, MessageKey> = {
  pending: 'common.menunggu',
  retrying: 'reportDetail.dicobaUlang',
  sent: 'reportDetail.terkirim',
  failed: 'common.gagal',
};

/** One daily report to read: summary, figures, issues by group, alerts, categories, overdue dispositions, downloads. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  mount(root, h('p', { class: 'loading' }, t('reportDetail.memuatLaporan')));
  let report: Report;
  try {
    report = await api.get<Report>(`/api/reports/${encodeURIComponent(context.params.id)}`);
  } catch (error) {
    mount(root, pageHead(t('common.laporanHarian')), notice('error', errorText(error)));
    return;
  }
  const content = report.content;
  setTimeZone(content.period.timeZone);
  const status = h('div', { class: 'form-status' });
  const charts: ChartCard[] = [];
  context.onLeave(() => charts.forEach((chart) => chart.destroy()));
  const hourly = hourlyChart(content, (to) => context.navigate(to));
  charts.push(hourly);

  const exportButton = (format: 'docx' | 'pdf') =>
    button(
      format.toUpperCase(),
      () =>
        void fetch(`/api/reports/${encodeURIComponent(report.id)}/export?format=${format}`, {
          credentials: 'same-origin',
        })
          .then(async (response) => {
            if (!response.ok) {
              throw new Error(t('reportDetail.unduhanGagal', { status: response.status }));
            }
            download(`laporan-harian-${report.reportDate}.${format}`, await response.blob());
          })
          .catch((error: unknown) =>
            mount(status, notice('error', error instanceof Error ? error.message : t('common.unduhanGagal'))),
          ),
      {
        class: 'btn btn-small',
        aria: { label: t('reportDetail.unduhLaporanSebagai', { toUpperCase: format.toUpperCase() }) },
      },
    );
  const regenerate = canEdit()
    ? button(
        t('reportDetail.susunUlang'),
        () => {
          mount(status, notice('info', t('reportDetail.menyusunUlangLaporan')));
          api
            .post<{ id: string }>('/api/reports/daily', { date: report.reportDate })
            .then((fresh) => {
              if (fresh.id === report.id) {
                context.refresh();
              } else {
                context.navigate(`/laporan/${encodeURIComponent(fresh.id)}`);
              }
            })
            .catch((error: unknown) => mount(status, notice('error', errorText(error))));
        },
        { class: 'btn btn-small' },
      )
    : null;

  mount(
    root,
    pageHead(
      content.title,
      `${content.period.text} · ${label(TRIGGERS, report.trigger)}${report.generation > 1 ? t('reportDetail.disusunKe', { generation: report.generation }) : ''} · ${formatDateTime(report.generatedAt)}`,
      h('a', { href: '/laporan', class: 'btn btn-small' }, t('reportDetail.semuaLaporan')),
      exportButton('docx'),
      exportButton('pdf'),
      regenerate,
    ),
    status,
    h('section', { class: 'card' }, h('h2', null, t('common.ringkasan')), h('p', null, content.summary)),
    h(
      'div',
      { class: 'grid grid-4 kpi-grid' },
      figure(
        t('common.unggahan'),
        formatNumber(content.overview.posts.value),
        formatChange(content.overview.posts.change),
      ),
      figure(t('reportDetail.akunBerbedaPerkiraan'), formatNumber(content.overview.authors)),
      figure(t('common.porsiSentimenNegatif'), formatShare(content.overview.negativeShare)),
      figure(t('common.isuTerbuka'), formatNumber(content.overview.openIssues)),
    ),
    h('div', { class: 'grid grid-2' }, hourly.element, sourcesCard(content)),
    topIssuesCard(content),
    h(
      'div',
      { class: 'grid grid-3' },
      GROUPS.map((group) => groupCard(t(group.title), content.groups[group.key])),
    ),
    h('div', { class: 'grid grid-2' }, alertsCard(content), categoriesCard(content)),
    h('div', { class: 'grid grid-2' }, dispositionsCard(content), deliveriesCard(report.deliveries)),
  );
}

function figure(title: string, value: string, change?: string): HTMLElement {
  return h(
    'section',
    { class: 'card kpi' },
    h('h2', { class: 'kpi-label' }, title),
    h('p', { class: 'kpi-value' }, value),
    change ? h('p', { class: 'kpi-change flat' }, t('reportDetail.dibanding24JamSebelumnya', { change })) : null,
  );
}

/** Posts per hour of the report period; a bar (or its row in the table) opens Telusuri on that hour's posts. */
function hourlyChart(content: ReportContent, navigate: (path: string) => void): ChartCard {
  const labels = content.hourly.map((hour) => formatBucket(hour.hourStart, 'hour'));
  const links = content.hourly.map((hour) =>
    exploreLink({
      from: hour.hourStart,
      to: new Date(new Date(hour.hourStart).getTime() + 3600_000).toISOString(),
    }),
  );
  return chartCard({
    onSelect: (index) => navigate(links[index]),
    title: t('reportDetail.unggahanPerJam'),
    file: `laporan-${content.reportDate}-per-jam`,
    summary: t('reportDetail.jamDalamPeriodeLaporan', { hourlyCount: content.hourly.length }),
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t('common.unggahan'), data: content.hourly.map((hour) => hour.posts), backgroundColor: PALETTE[0] },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { x: { ticks: { maxTicksLimit: 12 } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    },
    table: {
      header: [t('common.jam'), t('common.unggahan')],
      rows: content.hourly.map((hour, i) => [labels[i], hour.posts]),
      links,
    },
  });
}

function card(title: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'card' }, h('header', { class: 'card-head' }, h('h2', null, title)), children);
}

function sourcesCard(content: ReportContent): HTMLElement {
  return card(
    t('common.sumber'),
    listTable(
      [
        { header: t('common.sumber'), cell: (row: ReportContent['sources'][number]) => row.label },
        {
          header: t('common.unggahan'),
          cell: (row) => formatNumber(row.posts),
          csv: (row) => row.posts,
          numeric: true,
        },
      ],
      content.sources,
      t('reportDetail.unggahanPerSumber'),
      `laporan-${content.reportDate}-sumber`,
    ),
  );
}

function topIssuesCard(content: ReportContent): HTMLElement {
  type Row = ReportContent['topIssues'][number];
  return card(
    t('common.isuUtama'),
    listTable(
      [
        {
          header: t('common.isu'),
          cell: (row: Row) => h('a', { href: `/isu/${encodeURIComponent(row.id)}` }, row.label),
          csv: (row) => row.label,
        },
        {
          header: t('common.keparahan'),
          cell: (row) => severityBadge(row.severityLevel),
          csv: (row) => row.severityLevel,
        },
        { header: t('common.status'), cell: (row) => stateBadge(row.state), csv: (row) => row.state },
        { header: 'OPD', cell: (row) => row.opd },
        {
          header: t('common.unggahan'),
          cell: (row) => `${formatNumber(row.posts.value)} (${formatChange(row.posts.change)})`,
          csv: (row) => row.posts.value,
          numeric: true,
        },
        { header: t('common.negatif'), cell: (row) => formatShare(row.sentiment.negative), numeric: true },
        { header: t('common.wilayah'), cell: (row) => row.places.map((place) => place.name).join(', ') },
        { header: t('reportDetail.rekomendasi'), cell: (row) => row.recommendation },
      ],
      content.topIssues,
      t('reportDetail.isuUtamaDalamLaporan'),
      `laporan-${content.reportDate}-isu`,
    ),
  );
}

function groupCard(title: string, items: ReportItem[]): HTMLElement {
  return card(
    title,
    items.length === 0
      ? h('p', { class: 'muted' }, t('reportDetail.tidakAda'))
      : h(
          'ul',
          { class: 'list-plain' },
          items.map((item) =>
            h(
              'li',
              null,
              h(
                'div',
                { class: 'row-between' },
                h('a', { href: `/isu/${encodeURIComponent(item.issueId)}` }, item.label),
                severityBadge(item.severityLevel),
              ),
              h('p', { class: 'muted small' }, item.reason),
            ),
          ),
        ),
  );
}

function alertsCard(content: ReportContent): HTMLElement {
  type Row = ReportContent['newAlerts'][number];
  return card(
    t('common.peringatanBaru'),
    listTable(
      [
        {
          header: t('common.isu'),
          cell: (row: Row) => h('a', { href: `/isu/${encodeURIComponent(row.issueId)}` }, row.label),
          csv: (row) => row.label,
        },
        { header: t('reportDetail.aturan'), cell: (row) => row.rule },
        { header: t('common.waktu'), cell: (row) => formatDateTime(row.createdAt) },
      ],
      content.newAlerts,
      t('reportDetail.peringatanBaruDalamPeriode'),
      `laporan-${content.reportDate}-peringatan`,
    ),
  );
}

function categoriesCard(content: ReportContent): HTMLElement {
  type Row = ReportContent['categories'][number];
  return card(
    t('common.kategori'),
    listTable(
      [
        { header: t('common.kategori'), cell: (row: Row) => row.label },
        {
          header: t('common.unggahan'),
          cell: (row) => formatNumber(row.posts),
          csv: (row) => row.posts,
          numeric: true,
        },
        { header: t('common.perubahan'), cell: (row) => formatChange(row.change), numeric: true },
        { header: t('common.negatif'), cell: (row) => formatShare(row.negativeShare), numeric: true },
      ],
      content.categories,
      t('reportDetail.unggahanPerKategori'),
      `laporan-${content.reportDate}-kategori`,
    ),
  );
}

function dispositionsCard(content: ReportContent): HTMLElement {
  type Row = ReportContent['overdueDispositions'][number];
  return card(
    t('reportDetail.disposisiPerOpd'),
    listTable(
      [
        { header: 'OPD', cell: (row: Row) => row.opd },
        {
          header: t('reportDetail.terbuka'),
          cell: (row) => formatNumber(row.open),
          csv: (row) => row.open,
          numeric: true,
        },
        {
          header: t('common.lewatTenggat'),
          cell: (row) => formatNumber(row.overdue),
          csv: (row) => row.overdue,
          numeric: true,
        },
        {
          header: t('reportDetail.tenggatTerlama'),
          cell: (row) => (row.oldestDueAt ? formatDate(row.oldestDueAt) : '–'),
        },
      ],
      content.overdueDispositions,
      t('reportDetail.disposisiTerbukaDanLewat'),
      `laporan-${content.reportDate}-disposisi`,
    ),
  );
}

function deliveriesCard(deliveries: Delivery[]): HTMLElement {
  return card(
    t('reportDetail.pengiriman'),
    listTable(
      [
        { header: t('common.kanal'), cell: (row: Delivery) => label(CHANNELS, row.channel) },
        { header: t('reportDetail.penerima'), cell: (row) => row.recipient },
        { header: t('common.status'), cell: (row) => label(DELIVERY, row.status) },
        {
          header: t('reportDetail.percobaan'),
          cell: (row) => formatNumber(row.attempts),
          csv: (row) => row.attempts,
          numeric: true,
        },
        { header: t('common.galatTerakhir'), cell: (row) => row.lastError ?? '' },
        { header: t('reportDetail.terkirim'), cell: (row) => formatDateTime(row.sentAt) },
      ],
      deliveries,
      t('reportDetail.pengirimanLaporan'),
      'laporan-pengiriman',
    ),
  );
}

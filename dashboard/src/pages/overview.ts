import { type MessageKey, t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { type ChartCard, chartCard, PALETTE, SENTIMENT_COLORS } from '../charts.js';
import {
  alertStatus,
  type AlertView,
  listTable,
  pageHead,
  RANGES,
  rangeOf,
  rangePicker,
  severityBadge,
  stateBadge,
} from '../components.js';
import { h, mount, notice, select } from '../dom.js';
import {
  formatBucket,
  formatChange,
  formatDateTime,
  formatNumber,
  formatShare,
  label,
  SENTIMENT_LABELS,
  SEVERITY_LABELS,
  setTimeZone,
  zoneName,
} from '../format.js';
import { subscribe } from '../live.js';
import type { PageContext } from '../router.js';
import {
  type BreakdownRow,
  exploreLink,
  fetchBreakdown,
  fetchOverview,
  fetchVolume,
  type Figure,
  type Overview,
  type StatsFilters,
  type Volume,
} from '../stats.js';

interface IssueItem {
  id: string;
  label: string;
  state: string;
  severity: number;
  severityLevel: string;
  postCount: number;
  lastActivityAt: string;
}

const SEVERITY_ORDER = ['kritis', 'tinggi', 'sedang', 'rendah'];
/** Issues still in play: no analyst outcome and not faded. */
const OPEN_STATES = ['emerging', 'trending', 'declining'];
let readyMarked = false;

/** Ringkasan: the overview of the chosen period. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const range = rangeOf(context.query.get('rentang'));
  const filters: StatsFilters = { from: range.from, to: range.to };
  const interval = range.hours > 72 ? 'day' : 'hour';
  const charts: ChartCard[] = [];
  context.onLeave(() => charts.forEach((chart) => chart.destroy()));

  const updated = h('span', { class: 'muted small' });
  const body = h('div', null, h('p', { class: 'loading' }, t('overview.memuatRingkasan')));
  mount(
    root,
    pageHead(
      t('common.ringkasan'),
      t('overview.gambaranPercakapanPublikTerakhir', {
        key: t(RANGES.find((item) => item.key === range.key)?.label ?? 'common.24Jam'),
      }),
      updated,
      rangePicker(range.key, (key) => context.navigate(`/?rentang=${key}`)),
    ),
    body,
  );

  const load = async () => {
    const [overview, bySource, bySentiment, categories, opds, regions, issues, alerts] = await Promise.all([
      fetchOverview(filters),
      fetchVolume(filters, interval, 'source'),
      fetchVolume(filters, interval, 'sentiment'),
      fetchBreakdown(filters, 'category'),
      fetchBreakdown(filters, 'opd'),
      fetchBreakdown(filters, 'region'),
      api
        .get<{ items: IssueItem[] }>('/api/issues', { from: filters.from, limit: 30 })
        .catch(() => ({ items: [] as IssueItem[] })),
      api.get<{ items: AlertView[] }>('/api/alerts', { limit: 6 }).catch(() => ({ items: [] })),
    ]);
    setTimeZone(overview.timeZone);
    charts.splice(0).forEach((chart) => chart.destroy());
    const volumeCard = volumeChart(
      bySource,
      filters,
      context,
      t('overview.volumeUnggahanPerSumber'),
      'volume-per-sumber',
    );
    const sentimentCard = sentimentChart(bySentiment, filters, context);
    const categoryCard = breakdownChart(categories, 'category', t('common.kategori'), 'kategori', filters, context);
    const opdCard = breakdownChart(opds, 'opd', t('common.opdPenanggungJawab'), 'opd', filters, context);
    charts.push(volumeCard, sentimentCard, categoryCard, opdCard);
    const mapSlot = h(
      'section',
      { class: 'card map-card' },
      h('h2', null, t('common.petaSebaranUnggahan')),
      h('p', { class: 'loading' }, t('common.memuatPeta')),
    );
    mount(
      body,
      overview.notApplied.length > 0
        ? notice('info', t('overview.sebagianSaringanTidakDapat', { notApplied: overview.notApplied.join(', ') }))
        : null,
      h(
        'div',
        { class: 'grid grid-4 kpi-grid' },
        kpi(t('common.unggahan'), overview.posts, formatNumber, 'neutral'),
        kpi(t('common.akunBerbeda'), overview.authors, formatNumber, 'neutral'),
        kpi(t('common.porsiSentimenNegatif'), overview.negativeShare, formatShare, 'up-bad'),
        issuesTile(overview.openIssues, overview.alerts),
      ),
      h('div', { class: 'grid grid-2' }, h('div', { class: 'span-2' }, volumeCard.element)),
      h('div', { class: 'grid grid-3' }, sentimentCard.element, categoryCard.element, opdCard.element),
      h('div', { class: 'grid grid-2' }, mapSlot, regionsCard(regions, filters)),
      h(
        'div',
        { class: 'grid grid-2' },
        emergingCard(issues.items.filter((issue) => OPEN_STATES.includes(issue.state)).slice(0, 8)),
        alertsCard(alerts.items),
      ),
    );
    // The map (chartjs-chart-geo and the boundaries) comes after the first render, never with the first page's JS.
    import('../choropleth.js')
      .then(({ mapCard }) =>
        mapSlot.replaceWith(
          mapCard({ filters, navigate: (path) => context.navigate(path), onChart: (card) => charts.push(card) }),
        ),
      )
      .catch(() => mount(mapSlot, notice('error', t('overview.petaTidakDapatDimuat'))));
    updated.textContent = t('overview.diperbarui', { toISOString: formatDateTime(new Date().toISOString()) });
    if (!readyMarked) {
      readyMarked = true;
      performance.mark('overview-ready');
    }
  };

  try {
    await load();
  } catch (error) {
    mount(body, notice('error', t('overview.ringkasanTidakDapatDimuat', { errorText: errorText(error) })));
    return;
  }

  // Live updates: new posts, issues or alerts refresh the figures, at most every 20 seconds.
  let pending: number | undefined;
  let last = Date.now();
  const unsubscribe = subscribe((type) => {
    if (type === 'brief.changed' || pending !== undefined) {
      return;
    }
    pending = window.setTimeout(
      () => {
        pending = undefined;
        last = Date.now();
        load().catch(() => undefined);
      },
      Math.max(0, 20_000 - (Date.now() - last)),
    );
  });
  context.onLeave(() => {
    unsubscribe();
    window.clearTimeout(pending);
  });
}

function kpi(
  title: string,
  value: Figure,
  format: (value: number | null) => string,
  direction: 'neutral' | 'up-bad',
): HTMLElement {
  const change = value.change;
  const tone =
    change === null || change === 0 ? 'flat' : direction === 'up-bad' ? (change > 0 ? 'up-bad' : 'down-good') : 'flat';
  return h(
    'section',
    { class: 'card kpi' },
    h('h2', { class: 'kpi-label' }, title),
    h('p', { class: 'kpi-value' }, format(value.value)),
    h(
      'p',
      { class: `kpi-change ${tone}` },
      change === null
        ? t('overview.belumAdaDataPeriode')
        : t('overview.dibandingPeriodeSebelumnya', { change: formatChange(change) }),
    ),
  );
}

function issuesTile(open: { level: string; count: number }[], alerts: Overview['alerts']): HTMLElement {
  const total = open.reduce((sum, row) => sum + row.count, 0);
  const sorted = [...open].sort((a, b) => SEVERITY_ORDER.indexOf(a.level) - SEVERITY_ORDER.indexOf(b.level));
  return h(
    'section',
    { class: 'card kpi' },
    h('h2', { class: 'kpi-label' }, t('common.isuTerbuka')),
    h('p', { class: 'kpi-value' }, h('a', { href: '/isu' }, formatNumber(total))),
    h(
      'p',
      { class: 'kpi-change actions' },
      sorted
        .filter((row) => row.count > 0)
        .map((row) =>
          h(
            'span',
            { class: `badge sev-${row.level}` },
            `${label(SEVERITY_LABELS, row.level)} ${formatNumber(row.count)}`,
          ),
        ),
      h(
        'a',
        { href: '/peringatan', class: 'small' },
        t('overview.peringatanBaruBelumDitanggapi', { value: alerts.value, unacknowledged: alerts.unacknowledged }),
      ),
    ),
  );
}

function volumeChart(
  volume: Volume,
  filters: StatsFilters,
  context: PageContext,
  title: string,
  file: string,
): ChartCard {
  const labels = volume.buckets.map((bucket) => formatBucket(bucket, volume.interval));
  const bursts = new Set(volume.bursts);
  const totals = volume.buckets.map((bucket) =>
    volume.series.reduce((sum, item) => sum + (item.points.find((point) => point.bucket === bucket)?.posts ?? 0), 0),
  );
  const datasets = volume.series.map((item, index) => ({
    type: 'line' as const,
    label: `${item.label} (${formatChange(item.change)})`,
    data: volume.buckets.map((bucket) => item.points.find((point) => point.bucket === bucket)?.posts ?? 0),
    borderColor: PALETTE[index % PALETTE.length],
    backgroundColor: PALETTE[index % PALETTE.length],
    borderWidth: 2,
    pointRadius: 0,
    pointHitRadius: 8,
    cubicInterpolationMode: 'monotone' as const,
  }));
  const burstData = volume.buckets.map((bucket, index) => (bursts.has(bucket) ? totals[index] : null));
  const lonjakan = {
    type: 'line' as const,
    label: t('overview.lonjakanTerdeteksi'),
    data: burstData,
    showLine: false,
    pointStyle: 'triangle' as const,
    pointRadius: 7,
    borderColor: '#b42318',
    backgroundColor: '#b42318',
  };
  const bucketRange = (index: number) => {
    const start = volume.buckets[index];
    const end = new Date(
      new Date(start).getTime() + (volume.interval === 'hour' ? 3600_000 : 86_400_000),
    ).toISOString();
    return { from: start, to: end };
  };
  return chartCard({
    title,
    file,
    summary: t('overview.sumberTitikWaktuLonjakan', {
      seriesCount: volume.series.length,
      bucketsCount: volume.buckets.length,
      size: bursts.size,
    }),
    height: 280,
    extra: h('p', { class: 'muted small' }, t('overview.dalamKurungPerubahanDibanding', { zoneName: zoneName() })),
    config: {
      type: 'line',
      data: { labels, datasets: bursts.size > 0 ? [...datasets, lonjakan] : datasets },
      options: {
        interaction: { mode: 'nearest', intersect: false },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: {
            callbacks: {
              afterBody: (items) => {
                const bucket = volume.buckets[items[0]?.dataIndex ?? -1];
                const issues = bucket ? (volume.burstIssues.get(bucket) ?? []) : [];
                return issues.map((issue) => t('overview.isuBaru', { label: issue.label }));
              },
            },
          },
        },
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0 } },
          x: { ticks: { maxTicksLimit: 12, autoSkip: true } },
        },
      },
    },
    table: {
      header: [
        t('common.waktu'),
        ...volume.series.map((item) => item.label),
        t('overview.total'),
        t('overview.isuBaruTerdeteksi'),
      ],
      rows: volume.buckets.map((bucket, index) => [
        formatBucket(bucket, volume.interval),
        ...datasets.map((dataset) => dataset.data[index]),
        totals[index],
        (volume.burstIssues.get(bucket) ?? []).map((issue) => issue.label).join('; '),
      ]),
    },
    onSelect: (index, datasetIndex) => {
      const series = volume.series[datasetIndex];
      context.navigate(exploreLink({ ...filters, ...bucketRange(index), source: series ? series.key : undefined }));
    },
  });
}

function sentimentChart(volume: Volume, filters: StatsFilters, context: PageContext): ChartCard {
  const labels = volume.buckets.map((bucket) => formatBucket(bucket, volume.interval));
  const order = ['negative', 'neutral', 'positive'];
  const series = [...volume.series].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const datasets = series.map((item) => ({
    label: label(SENTIMENT_LABELS, item.key),
    data: volume.buckets.map((bucket) => item.points.find((point) => point.bucket === bucket)?.posts ?? 0),
    backgroundColor: SENTIMENT_COLORS[item.key] ?? '#8a96a3',
    stack: 'sentimen',
  }));
  return chartCard({
    title: t('overview.trenSentimen'),
    file: 'tren-sentimen',
    summary: t('overview.jumlahUnggahanPerSentimen'),
    config: {
      type: 'bar',
      data: { labels, datasets },
      options: {
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        scales: {
          x: { stacked: true, ticks: { maxTicksLimit: 8 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    },
    table: {
      header: [t('common.waktu'), ...datasets.map((dataset) => dataset.label)],
      rows: volume.buckets.map((bucket, index) => [
        formatBucket(bucket, volume.interval),
        ...datasets.map((dataset) => dataset.data[index]),
      ]),
    },
    onSelect: (index, datasetIndex) => {
      const start = volume.buckets[index];
      const end = new Date(
        new Date(start).getTime() + (volume.interval === 'hour' ? 3600_000 : 86_400_000),
      ).toISOString();
      context.navigate(exploreLink({ ...filters, from: start, to: end, sentiment: series[datasetIndex]?.key }));
    },
  });
}

function breakdownChart(
  rows: BreakdownRow[],
  dim: 'category' | 'opd',
  title: string,
  file: string,
  filters: StatsFilters,
  context: PageContext,
): ChartCard {
  const top = rows.slice(0, 10);
  return chartCard({
    title,
    file,
    summary: t('overview.teratasMenurutJumlahUnggahan', { topCount: top.length }),
    height: Math.max(180, top.length * 28 + 40),
    config: {
      type: 'bar',
      data: {
        labels: top.map((row) => row.label),
        datasets: [
          {
            label: t('common.unggahan'),
            data: top.map((row) => row.posts),
            backgroundColor: PALETTE[0],
            borderRadius: 3,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          // Long names (e.g. "Perumda Air Minum / koordinasi PLN") are cut at the canvas edge otherwise; the tooltip
          // and the table keep the whole name.
          y: { ticks: { callback: (_value, index) => shorten(top[index]?.label ?? '', 24) } },
        },
      },
    },
    table: {
      header: [title, t('common.unggahan'), t('common.porsiNegatif'), t('common.perubahan')],
      rows: rows.map((row) => [row.label, row.posts, formatShare(row.negativeShare), formatChange(row.change)]),
    },
    onSelect: (index) => context.navigate(exploreLink({ ...filters, [dim]: top[index]?.key })),
  });
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

const LEVELS: { value: string; label: MessageKey }[] = [
  { value: 'province', label: 'overview.provinsi' },
  { value: 'regency', label: 'overview.kabupatenKota' },
  { value: 'district', label: 'overview.kecamatan' },
];

function regionsCard(rows: BreakdownRow[], filters: StatsFilters): HTMLElement {
  const body = h('div');
  const level = select(
    LEVELS.map((item) => ({ value: item.value, label: t(item.label) })),
    'regency',
    { aria: { label: t('overview.tingkatWilayah') }, class: 'compact' },
  );
  const fill = (items: BreakdownRow[]) =>
    mount(
      body,
      listTable(
        [
          {
            header: t('common.wilayah'),
            cell: (row: BreakdownRow) => h('a', { href: exploreLink({ ...filters, region: row.key }) }, row.label),
            csv: (row) => row.label,
          },
          {
            header: t('common.kode'),
            cell: (row) => h('span', { class: 'mono small' }, row.key),
            csv: (row) => row.key,
          },
          {
            header: t('common.unggahan'),
            cell: (row) => formatNumber(row.posts),
            csv: (row) => row.posts,
            numeric: true,
          },
          { header: t('common.negatif'), cell: (row) => formatShare(row.negativeShare), numeric: true },
        ],
        items.slice(0, 10),
        t('overview.wilayahDenganUnggahanTerbanyak'),
        'wilayah-teratas',
      ),
    );
  level.addEventListener('change', () => {
    fetchBreakdown(filters, 'region', { level: level.value })
      .then(fill)
      .catch((error: unknown) => mount(body, notice('error', errorText(error))));
  });
  fill(rows);
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, t('overview.wilayahTeratas')), level),
    body,
  );
}

function emergingCard(items: IssueItem[]): HTMLElement {
  const sorted = [...items].sort((a, b) => b.severity - a.severity);
  return h(
    'section',
    { class: 'card' },
    h(
      'header',
      { class: 'card-head' },
      h('h2', null, t('overview.isuYangMuncul')),
      h('a', { href: '/isu', class: 'small' }, t('common.semuaIsu')),
    ),
    sorted.length === 0
      ? h('p', { class: 'muted' }, t('overview.belumAdaIsuBaru'))
      : h(
          'ul',
          { class: 'list-plain' },
          sorted.map((issue) =>
            h(
              'li',
              null,
              h(
                'div',
                { class: 'row-between' },
                h('a', { href: `/isu/${encodeURIComponent(issue.id)}` }, issue.label),
                severityBadge(issue.severityLevel),
              ),
              h(
                'div',
                { class: 'muted small' },
                stateBadge(issue.state),
                t('overview.unggahan', {
                  postCount: issue.postCount,
                  lastActivityAt: formatDateTime(issue.lastActivityAt),
                }),
              ),
            ),
          ),
        ),
  );
}

function alertsCard(items: AlertView[]): HTMLElement {
  return h(
    'section',
    { class: 'card' },
    h(
      'header',
      { class: 'card-head' },
      h('h2', null, t('overview.peringatanTerbaru')),
      h('a', { href: '/peringatan', class: 'small' }, t('overview.semuaPeringatan')),
    ),
    items.length === 0
      ? h('p', { class: 'muted' }, t('overview.belumAdaPeringatan'))
      : h(
          'ul',
          { class: 'list-plain' },
          items.map((alert) =>
            h(
              'li',
              null,
              h(
                'div',
                { class: 'row-between' },
                h('a', { href: `/isu/${encodeURIComponent(alert.issueId)}` }, alert.evidence.issue.label),
                severityBadge(alert.evidence.issue.severityLevel),
              ),
              h(
                'div',
                { class: 'muted small' },
                `${alert.rule.name} · ${formatDateTime(alert.createdAt)} · ${alertStatus(alert)}`,
              ),
            ),
          ),
        ),
  );
}

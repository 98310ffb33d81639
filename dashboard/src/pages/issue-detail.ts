import { api, errorText } from '../api.js';
import { type ChartCard, chartCard, PALETTE, SENTIMENT_COLORS } from '../charts.js';
import {
  alertStatus,
  type AlertView,
  categoryName,
  listTable,
  loadCategories,
  pageHead,
  sentimentBadge,
  severityBadge,
  stateBadge,
} from '../components.js';
import { button, field, h, mount, notice, safeUrl, select } from '../dom.js';
import {
  formatBucket,
  formatDateTime,
  formatNumber,
  formatShare,
  label,
  SENTIMENT_LABELS,
  STATE_LABELS,
  zoneName,
} from '../format.js';
import { BRIEFS_ENABLED } from '../pages.js';
import type { PageContext } from '../router.js';
import { canEdit } from '../session.js';
import type { IssueListItem } from './issues.js';

interface Disposition {
  id: string;
  opd: string;
  status: 'forwarded' | 'responded' | 'completed';
  note: string | null;
  forwardedAt: string;
  forwardedBy: string | null;
  forwardDueAt: string;
  respondDueAt: string;
  respondedAt: string | null;
  response: string | null;
  completedAt: string | null;
  completion: string | null;
  overdue: boolean;
  forwardedLate: boolean;
}

interface IssueView extends IssueListItem {
  lifecycle: string;
  outcome: string | null;
  firstSeenAt: string;
  nearDuplicateShare: number;
  mergedInto: string | null;
  timeline: { bucketStart: string; posts: number; authors: number }[];
  sentiment: { positive: number; neutral: number; negative: number };
  places: { code: string; name: string; posts: number }[];
  topPosts: {
    id: string;
    author: string | null;
    text: string | null;
    url: string | null;
    reach: number;
    createdAt: string;
    sentiment: string | null;
  }[];
  severityDetail: { score: number; level: string; factors?: { name?: string; note?: string; value?: number }[] };
  stateHistory: { state: string; at: string }[];
  mergedFrom: string[];
  splitFrom: string | null;
  dispositions: Disposition[];
}

const DISPOSITION_STATUS: Record<string, string> = {
  forwarded: 'Diteruskan',
  responded: 'Ditanggapi',
  completed: 'Selesai',
};

/** Detail isu: what the issue is, how it grew, where, who says what, and what has been done about it. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const id = context.params.id;
  const charts: ChartCard[] = [];
  context.onLeave(() => charts.forEach((chart) => chart.destroy()));
  let issue: IssueView;
  try {
    issue = await api.get<IssueView>(`/api/issues/${encodeURIComponent(id)}`);
  } catch (error) {
    mount(
      root,
      pageHead('Detail isu'),
      notice('error', errorText(error)),
      h('a', { href: '/isu' }, 'Kembali ke daftar isu'),
    );
    return;
  }
  const categories = await loadCategories();
  const alerts = await api
    .get<{ items: AlertView[] }>('/api/alerts', { issueId: issue.id, limit: 20 })
    .catch(() => ({ items: [] as AlertView[] }));
  const editable = canEdit();

  const timeline = chartCard({
    title: 'Linimasa',
    file: `isu-${issue.id}-linimasa`,
    summary: `${issue.timeline.length} titik waktu.`,
    extra: h('p', { class: 'muted small' }, `Unggahan dan akun berbeda per 15 menit, waktu dalam ${zoneName()}.`),
    config: {
      type: 'line',
      data: {
        labels: issue.timeline.map((point) => formatBucket(point.bucketStart, 'hour')),
        datasets: [
          {
            label: 'Unggahan',
            data: issue.timeline.map((point) => point.posts),
            borderColor: PALETTE[0],
            backgroundColor: PALETTE[0],
            pointRadius: 2,
            tension: 0.25,
          },
          {
            label: 'Akun',
            data: issue.timeline.map((point) => point.authors),
            borderColor: PALETTE[1],
            backgroundColor: PALETTE[1],
            pointRadius: 2,
            tension: 0.25,
          },
        ],
      },
      options: {
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxTicksLimit: 10 } } },
      },
    },
    table: {
      header: ['Waktu', 'Unggahan', 'Akun'],
      rows: issue.timeline.map((point) => [formatDateTime(point.bucketStart), point.posts, point.authors]),
    },
  });
  const sentimentKeys = ['negative', 'neutral', 'positive'] as const;
  const sentiment = chartCard({
    title: 'Sebaran sentimen',
    file: `isu-${issue.id}-sentimen`,
    summary: sentimentKeys.map((key) => `${label(SENTIMENT_LABELS, key)} ${issue.sentiment[key]}`).join(', '),
    height: 220,
    config: {
      type: 'doughnut',
      data: {
        labels: sentimentKeys.map((key) => label(SENTIMENT_LABELS, key)),
        datasets: [
          {
            data: sentimentKeys.map((key) => issue.sentiment[key]),
            backgroundColor: sentimentKeys.map((key) => SENTIMENT_COLORS[key]),
          },
        ],
      },
      options: { plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } } },
    },
    table: {
      header: ['Sentimen', 'Unggahan'],
      rows: sentimentKeys.map((key) => [label(SENTIMENT_LABELS, key), issue.sentiment[key]]),
    },
  });
  charts.push(timeline, sentiment);

  const status = h('div', { class: 'form-status' });
  const act = (path: string, body: unknown, done = 'Tersimpan.') => {
    mount(status);
    api
      .post(`/api/issues/${encodeURIComponent(issue.id)}/${path}`, body)
      .then(() => {
        mount(status, notice('success', done));
        context.refresh();
      })
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  };

  const splitChecks = new Map<string, HTMLInputElement>();
  const topPosts = h(
    'ul',
    { class: 'post-list' },
    issue.topPosts.map((post) => {
      const check = h('input', {
        type: 'checkbox',
        aria: { label: `Pilih unggahan ${post.author ?? ''} untuk dipisahkan` },
      });
      splitChecks.set(post.id, check);
      return h(
        'li',
        { class: 'post' },
        h(
          'div',
          { class: 'post-meta' },
          editable ? check : null,
          h('span', { class: 'post-author' }, post.author ?? 'Tanpa nama'),
          h('time', null, formatDateTime(post.createdAt)),
          sentimentBadge(post.sentiment),
          h('span', null, `jangkauan ${formatNumber(post.reach)}`),
        ),
        h('p', { class: 'post-text' }, post.text ?? '(teks telah dihapus sesuai masa simpan)'),
        safeUrl(post.url)
          ? h(
              'a',
              { href: post.url ?? undefined, target: '_blank', rel: 'noopener noreferrer nofollow', class: 'small' },
              'Buka tautan asli',
            )
          : null,
      );
    }),
  );

  mount(
    root,
    pageHead(
      issue.label,
      `${categoryName(categories, issue.category)} · ${issue.opd} · terdeteksi ${formatDateTime(issue.firstDetectedAt)}`,
      severityBadge(issue.severityLevel),
      stateBadge(issue.state),
      BRIEFS_ENABLED && editable
        ? button(
            'Buat telaahan',
            () => {
              api
                .post<{ id: string }>(`/api/issues/${encodeURIComponent(issue.id)}/briefs`)
                .then((brief) => context.navigate(`/telaahan/${encodeURIComponent(brief.id)}`))
                .catch((error: unknown) => mount(status, notice('error', errorText(error))));
            },
            { class: 'btn btn-primary' },
          )
        : null,
    ),
    status,
    h(
      'div',
      { class: 'grid grid-4' },
      fact('Unggahan', formatNumber(issue.postCount)),
      fact('Akun berbeda', formatNumber(issue.authors)),
      fact('Porsi negatif', formatShare(issue.negativeShare)),
      fact(
        'Teks kembar (kampanye)',
        `${formatShare(issue.nearDuplicateShare)}${issue.campaign ? ' · terindikasi kampanye' : ''}`,
      ),
    ),
    h('div', { class: 'grid grid-3' }, h('div', { class: 'span-2' }, timeline.element), sentiment.element),
    h(
      'div',
      { class: 'grid grid-2' },
      h(
        'section',
        { class: 'card' },
        h('header', { class: 'card-head' }, h('h2', null, 'Unggahan utama')),
        issue.topPosts.length > 0 ? topPosts : h('p', { class: 'muted' }, 'Tidak ada unggahan.'),
      ),
      h(
        'div',
        null,
        h(
          'section',
          { class: 'card' },
          h('header', { class: 'card-head' }, h('h2', null, 'Lokasi')),
          listTable(
            [
              { header: 'Wilayah', cell: (place: IssueView['places'][number]) => place.name },
              {
                header: 'Kode',
                cell: (place) => h('span', { class: 'mono small' }, place.code),
                csv: (place) => place.code,
              },
              {
                header: 'Unggahan',
                cell: (place) => formatNumber(place.posts),
                csv: (place) => place.posts,
                numeric: true,
              },
            ],
            issue.places,
            'Lokasi yang disebut',
            `isu-${issue.id}-lokasi`,
          ),
        ),
        severityCard(issue),
        historyCard(issue),
      ),
    ),
    dispositionsCard(
      issue,
      editable,
      act,
      categories.map((category) => category.opd),
    ),
    alertsCard(alerts.items, editable, context),
    editable ? actionsCard(issue, act, splitChecks) : null,
  );
}

function fact(title: string, value: string): HTMLElement {
  return h(
    'section',
    { class: 'card kpi' },
    h('h2', { class: 'kpi-label' }, title),
    h('p', { class: 'kpi-value' }, value),
  );
}

function severityCard(issue: IssueView): HTMLElement {
  const factors = issue.severityDetail?.factors ?? [];
  return h(
    'section',
    { class: 'card' },
    h(
      'header',
      { class: 'card-head' },
      h('h2', null, `Keparahan ${Math.round(issue.severity)}/100`),
      severityBadge(issue.severityLevel),
    ),
    factors.length > 0
      ? h(
          'ul',
          { class: 'list-plain small' },
          factors.map((factor) => h('li', null, factor.note ?? factor.name ?? '')),
        )
      : h('p', { class: 'muted' }, 'Tidak ada rincian.'),
  );
}

function historyCard(issue: IssueView): HTMLElement {
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, 'Riwayat status')),
    h(
      'ul',
      { class: 'list-plain small' },
      issue.stateHistory.map((entry) =>
        h(
          'li',
          { class: 'row-between' },
          label(STATE_LABELS, entry.state),
          h('span', { class: 'muted' }, formatDateTime(entry.at)),
        ),
      ),
      issue.mergedInto
        ? h('li', null, 'Digabung ke ', h('a', { href: `/isu/${encodeURIComponent(issue.mergedInto)}` }, 'isu lain'))
        : null,
      issue.splitFrom
        ? h(
            'li',
            null,
            'Dipisahkan dari ',
            h('a', { href: `/isu/${encodeURIComponent(issue.splitFrom)}` }, 'isu induk'),
          )
        : null,
    ),
  );
}

type Act = (path: string, body: unknown, done?: string) => void;

function dispositionsCard(issue: IssueView, editable: boolean, act: Act, opds: string[]): HTMLElement {
  const rows = issue.dispositions.map((disposition) => {
    const reply = h('textarea', { rows: 2, maxlength: 4000 });
    const canRespond = editable && disposition.status === 'forwarded';
    const canComplete = editable && disposition.status !== 'completed';
    return h(
      'li',
      null,
      h(
        'div',
        { class: 'row-between' },
        h('strong', null, disposition.opd),
        h(
          'span',
          { class: 'actions' },
          h('span', { class: 'badge badge-info' }, label(DISPOSITION_STATUS, disposition.status)),
          disposition.overdue ? h('span', { class: 'badge sev-tinggi' }, 'Lewat tenggat') : null,
          disposition.forwardedLate ? h('span', { class: 'badge sev-sedang' }, 'Diteruskan terlambat') : null,
        ),
      ),
      h(
        'dl',
        { class: 'dl small' },
        h('dt', null, 'Diteruskan'),
        h(
          'dd',
          null,
          `${formatDateTime(disposition.forwardedAt)}${disposition.forwardedBy ? ` oleh ${disposition.forwardedBy}` : ''}`,
        ),
        h('dt', null, 'Tenggat tanggapan'),
        h('dd', null, `${formatDateTime(disposition.respondDueAt)} (hari kerja)`),
        disposition.note ? [h('dt', null, 'Catatan'), h('dd', null, disposition.note)] : null,
        disposition.response
          ? [
              h('dt', null, 'Tanggapan OPD'),
              h('dd', null, `${disposition.response} (${formatDateTime(disposition.respondedAt)})`),
            ]
          : null,
        disposition.completion
          ? [
              h('dt', null, 'Penyelesaian'),
              h('dd', null, `${disposition.completion} (${formatDateTime(disposition.completedAt)})`),
            ]
          : null,
      ),
      canComplete
        ? h(
            'div',
            { class: 'stack' },
            field(canRespond ? 'Tanggapan atau penyelesaian dari OPD' : 'Penyelesaian dari OPD', reply),
            h(
              'div',
              { class: 'actions' },
              canRespond
                ? button(
                    'Catat tanggapan',
                    () =>
                      act(`dispositions/${disposition.id}/respond`, { text: reply.value }, 'Tanggapan OPD dicatat.'),
                    { class: 'btn' },
                  )
                : null,
              button(
                'Catat penyelesaian',
                () => act(`dispositions/${disposition.id}/complete`, { text: reply.value }, 'Penyelesaian dicatat.'),
                { class: 'btn' },
              ),
            ),
          )
        : null,
    );
  });
  const opd = select(
    [...new Set([issue.opd, ...opds])].map((name) => ({ value: name, label: name })),
    issue.opd,
  );
  const note = h('input', { type: 'text', maxlength: 2000 });
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, 'Disposisi ke OPD')),
    rows.length > 0 ? h('ul', { class: 'list-plain' }, rows) : h('p', { class: 'muted' }, 'Belum didisposisikan.'),
    editable
      ? h(
          'div',
          { class: 'filters' },
          field('OPD tujuan', opd),
          field('Catatan disposisi', note),
          button(
            'Disposisikan',
            () => act('dispose', { opd: opd.value, note: note.value || undefined }, 'Isu didisposisikan ke OPD.'),
            { class: 'btn btn-primary' },
          ),
        )
      : null,
  );
}

function alertsCard(alerts: AlertView[], editable: boolean, context: PageContext): HTMLElement {
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, 'Peringatan untuk isu ini')),
    alerts.length === 0
      ? h('p', { class: 'muted' }, 'Tidak ada peringatan.')
      : h(
          'ul',
          { class: 'list-plain' },
          alerts.map((alert) => alertRow(alert, editable, () => context.refresh())),
        ),
  );
}

export function alertRow(alert: AlertView, editable: boolean, onChanged: () => void): HTMLElement {
  const status = h('span', { class: 'form-status' });
  const open = !alert.acknowledged && !alert.falsePositive;
  const send = (path: 'acknowledge' | 'false-positive') =>
    api
      .post(`/api/alerts/${encodeURIComponent(alert.id)}/${path}`, {})
      .then(onChanged)
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  return h(
    'li',
    null,
    h(
      'div',
      { class: 'row-between' },
      h(
        'span',
        null,
        h('a', { href: `/isu/${encodeURIComponent(alert.issueId)}` }, alert.evidence.issue.label),
        ' ',
        severityBadge(alert.evidence.issue.severityLevel),
      ),
      h('span', { class: 'badge' }, alertStatus(alert)),
    ),
    h(
      'div',
      { class: 'muted small' },
      `Aturan: ${alert.rule.name} · ${formatDateTime(alert.createdAt)} · ${formatNumber(alert.evidence.issue.postCount)} unggahan`,
    ),
    alert.evidence.matched.length > 0
      ? h(
          'ul',
          { class: 'term-list' },
          alert.evidence.matched.filter((check) => check.matched).map((check) => h('li', null, check.explanation)),
        )
      : null,
    editable && open
      ? h(
          'div',
          { class: 'actions' },
          button('Tandai sudah ditanggapi', () => void send('acknowledge'), { class: 'btn btn-small' }),
          button('Positif palsu', () => void send('false-positive'), { class: 'btn btn-small btn-danger' }),
          status,
        )
      : status,
  );
}

function actionsCard(issue: IssueView, act: Act, splitChecks: Map<string, HTMLInputElement>): HTMLElement {
  const name = h('input', { type: 'text', value: issue.label, maxlength: 200 });
  const target = h('input', { type: 'text', placeholder: 'ID isu tujuan', spellcheck: false });
  const splitLabel = h('input', { type: 'text', maxlength: 200 });
  const note = h('input', { type: 'text', maxlength: 2000 });
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, 'Tindakan')),
    h(
      'div',
      { class: 'grid grid-2' },
      h(
        'div',
        { class: 'stack' },
        field('Nama isu', name),
        button('Ganti nama', () => act('rename', { label: name.value.trim() }, 'Nama isu diganti.'), { class: 'btn' }),
        field('Gabungkan ke isu', target, 'Salin ID dari alamat halaman isu tujuan.'),
        button('Gabungkan', () => act('merge', { targetId: target.value.trim() }, 'Isu digabungkan.'), {
          class: 'btn',
        }),
      ),
      h(
        'div',
        { class: 'stack' },
        field('Nama isu baru untuk unggahan yang dicentang', splitLabel),
        button(
          'Pisahkan unggahan terpilih',
          () => {
            const postIds = [...splitChecks].filter(([, check]) => check.checked).map(([postId]) => postId);
            act(
              'split',
              { postIds, label: splitLabel.value.trim() || undefined },
              'Unggahan dipisahkan menjadi isu baru.',
            );
          },
          { class: 'btn' },
        ),
        field('Catatan', note),
        h(
          'div',
          { class: 'actions' },
          button(
            'Tandai ditindaklanjuti',
            () => act('follow-up', { note: note.value || undefined }, 'Isu ditandai ditindaklanjuti.'),
            { class: 'btn btn-primary' },
          ),
          button('Abaikan isu', () => act('dismiss', { note: note.value || undefined }, 'Isu diabaikan.'), {
            class: 'btn btn-danger',
          }),
        ),
      ),
    ),
  );
}

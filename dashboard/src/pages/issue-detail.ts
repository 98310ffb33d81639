import { type MessageKey, t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { type ChartCard, chartCard, PALETTE, SENTIMENT_COLORS } from '../charts.js';
import {
  alertStatus,
  type AlertView,
  categoryName,
  listTable,
  loadCategories,
  nearDuplicates,
  pageHead,
  sentimentBadge,
  severityBadge,
  stateBadge,
} from '../components.js';
import { button, field, h, mount, notice, safeUrl, select } from '../dom.js';
import { exploreLink } from '../stats.js';
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

const DISPOSITION_STATUS: Record<string, MessageKey> = {
  forwarded: 'issueDetail.diteruskan',
  responded: 'issueDetail.ditanggapi',
  completed: 'common.selesai',
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
      pageHead(t('issueDetail.detailIsu')),
      notice('error', errorText(error)),
      h('a', { href: '/isu' }, t('issueDetail.kembaliKeDaftarIsu')),
    );
    return;
  }
  const categories = await loadCategories();
  const alerts = await api
    .get<{ items: AlertView[] }>('/api/alerts', { issueId: issue.id, limit: 20 })
    .catch(() => ({ items: [] as AlertView[] }));
  const editable = canEdit();

  // A point of the timeline or a slice of the doughnut opens Telusuri on the issue's posts of that bucket or sentiment.
  const bucketLinks = issue.timeline.map((point, index) => {
    const start = new Date(point.bucketStart).getTime();
    const next = issue.timeline[index + 1]?.bucketStart;
    const end = next ? new Date(next).getTime() : start + 15 * 60_000;
    return exploreLink({ issue: issue.id, from: point.bucketStart, to: new Date(end).toISOString() });
  });
  const timeline = chartCard({
    onSelect: (index) => context.navigate(bucketLinks[index]),
    title: t('issueDetail.linimasa'),
    file: `isu-${issue.id}-linimasa`,
    summary: t('issueDetail.titikWaktu', { timelineCount: issue.timeline.length }),
    extra: h('p', { class: 'muted small' }, t('issueDetail.unggahanDanAkunBerbeda', { zoneName: zoneName() })),
    config: {
      type: 'line',
      data: {
        labels: issue.timeline.map((point) => formatBucket(point.bucketStart, 'hour')),
        datasets: [
          {
            label: t('common.unggahan'),
            data: issue.timeline.map((point) => point.posts),
            borderColor: PALETTE[0],
            backgroundColor: PALETTE[0],
            pointRadius: 2,
            tension: 0.25,
          },
          {
            label: t('common.akunBerbeda'),
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
      header: [t('common.waktu'), t('common.unggahan'), t('common.akunBerbeda')],
      rows: issue.timeline.map((point) => [formatDateTime(point.bucketStart), point.posts, point.authors]),
      links: bucketLinks,
    },
  });
  const sentimentKeys = ['negative', 'neutral', 'positive'] as const;
  const sentimentLinks = sentimentKeys.map((key) => exploreLink({ issue: issue.id, sentiment: key }));
  const sentiment = chartCard({
    onSelect: (index) => context.navigate(sentimentLinks[index]),
    title: t('issueDetail.sebaranSentimen'),
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
      header: [t('common.sentimen'), t('common.unggahan')],
      rows: sentimentKeys.map((key) => [label(SENTIMENT_LABELS, key), issue.sentiment[key]]),
      links: sentimentLinks,
    },
  });
  charts.push(timeline, sentiment);

  const status = h('div', { class: 'form-status' });
  const act = (path: string, body: unknown, done = t('issueDetail.tersimpan')) => {
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
      const copies = h('div', { class: 'post-extra', hidden: true });
      const check = h('input', {
        type: 'checkbox',
        aria: { label: t('issueDetail.pilihUnggahanUntukDipisahkan', { author: post.author ?? '' }) },
      });
      splitChecks.set(post.id, check);
      return h(
        'li',
        { class: 'post' },
        h(
          'div',
          { class: 'post-meta' },
          editable ? check : null,
          h('span', { class: 'post-author' }, post.author ?? t('common.tanpaNama')),
          h('time', null, formatDateTime(post.createdAt)),
          sentimentBadge(post.sentiment),
          h('span', null, t('issueDetail.reach', { reach: post.reach })),
        ),
        h('p', { class: 'post-text' }, post.text ?? t('issueDetail.teksTelahDihapusSesuai')),
        h(
          'div',
          { class: 'actions small' },
          button(t('components.teksSerupa'), () => showCopies(post.id, copies), {
            class: 'btn-link',
            aria: { expanded: 'false' },
          }),
          safeUrl(post.url)
            ? h(
                'a',
                { href: post.url ?? undefined, target: '_blank', rel: 'noopener noreferrer nofollow' },
                t('common.bukaTautanAsli'),
              )
            : null,
        ),
        copies,
      );
    }),
  );

  mount(
    root,
    pageHead(
      issue.label,
      t('issueDetail.terdeteksi', {
        categoryName: categoryName(categories, issue.category),
        opd: issue.opd,
        firstDetectedAt: formatDateTime(issue.firstDetectedAt),
      }),
      severityBadge(issue.severityLevel),
      stateBadge(issue.state),
      BRIEFS_ENABLED && editable
        ? button(
            t('issueDetail.buatTelaahan'),
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
      { class: 'grid grid-4 kpi-grid' },
      fact(t('common.unggahan'), formatNumber(issue.postCount)),
      fact(t('common.akunBerbeda'), formatNumber(issue.authors)),
      fact(t('common.porsiNegatif'), formatShare(issue.negativeShare)),
      fact(
        t('issueDetail.teksKembarKampanye'),
        `${formatShare(issue.nearDuplicateShare)}${issue.campaign ? t('issueDetail.terindikasiKampanye') : ''}`,
      ),
    ),
    h('div', { class: 'grid grid-3' }, h('div', { class: 'span-2' }, timeline.element), sentiment.element),
    h(
      'div',
      { class: 'grid grid-2' },
      h(
        'section',
        { class: 'card' },
        h('header', { class: 'card-head' }, h('h2', null, t('issueDetail.unggahanUtama'))),
        issue.topPosts.length > 0 ? topPosts : h('p', { class: 'muted' }, t('issueDetail.tidakAdaUnggahan')),
      ),
      h(
        'div',
        null,
        h(
          'section',
          { class: 'card' },
          h('header', { class: 'card-head' }, h('h2', null, t('issueDetail.lokasi'))),
          listTable(
            [
              { header: t('common.wilayah'), cell: (place: IssueView['places'][number]) => place.name },
              {
                header: t('common.kode'),
                cell: (place) => h('span', { class: 'mono small' }, place.code),
                csv: (place) => place.code,
              },
              {
                header: t('common.unggahan'),
                cell: (place) => formatNumber(place.posts),
                csv: (place) => place.posts,
                numeric: true,
              },
            ],
            issue.places,
            t('issueDetail.lokasiYangDisebut'),
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
      h('h2', null, t('issueDetail.keparahan100', { severity: Math.round(issue.severity) })),
      severityBadge(issue.severityLevel),
    ),
    factors.length > 0
      ? h(
          'ul',
          { class: 'list-plain small' },
          factors.map((factor) => h('li', null, factor.note ?? factor.name ?? '')),
        )
      : h('p', { class: 'muted' }, t('issueDetail.tidakAdaRincian')),
  );
}

function historyCard(issue: IssueView): HTMLElement {
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, t('issueDetail.riwayatStatus'))),
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
        ? h(
            'li',
            null,
            t('issueDetail.digabungKe'),
            h('a', { href: `/isu/${encodeURIComponent(issue.mergedInto)}` }, t('issueDetail.isuLain')),
          )
        : null,
      issue.splitFrom
        ? h(
            'li',
            null,
            t('issueDetail.dipisahkanDari'),
            h('a', { href: `/isu/${encodeURIComponent(issue.splitFrom)}` }, t('issueDetail.isuInduk')),
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
          disposition.overdue ? h('span', { class: 'badge sev-tinggi' }, t('common.lewatTenggat')) : null,
          disposition.forwardedLate
            ? h('span', { class: 'badge sev-sedang' }, t('issueDetail.diteruskanTerlambat'))
            : null,
        ),
      ),
      h(
        'dl',
        { class: 'dl small' },
        h('dt', null, t('issueDetail.diteruskan')),
        h(
          'dd',
          null,
          disposition.forwardedBy
            ? t('issueDetail.forwardedBy', { at: formatDateTime(disposition.forwardedAt), by: disposition.forwardedBy })
            : formatDateTime(disposition.forwardedAt),
        ),
        h('dt', null, t('issueDetail.tenggatTanggapan')),
        h('dd', null, t('issueDetail.hariKerja', { respondDueAt: formatDateTime(disposition.respondDueAt) })),
        disposition.note ? [h('dt', null, t('issueDetail.catatan')), h('dd', null, disposition.note)] : null,
        disposition.response
          ? [
              h('dt', null, t('issueDetail.tanggapanOpd')),
              h('dd', null, `${disposition.response} (${formatDateTime(disposition.respondedAt)})`),
            ]
          : null,
        disposition.completion
          ? [
              h('dt', null, t('issueDetail.penyelesaian')),
              h('dd', null, `${disposition.completion} (${formatDateTime(disposition.completedAt)})`),
            ]
          : null,
      ),
      canComplete
        ? h(
            'div',
            { class: 'stack' },
            field(
              canRespond ? t('issueDetail.tanggapanAtauPenyelesaianDari') : t('issueDetail.penyelesaianDariOpd'),
              reply,
            ),
            h(
              'div',
              { class: 'actions' },
              canRespond
                ? button(
                    t('issueDetail.catatTanggapan'),
                    () =>
                      act(
                        `dispositions/${disposition.id}/respond`,
                        { text: reply.value },
                        t('issueDetail.tanggapanOpdDicatat'),
                      ),
                    { class: 'btn' },
                  )
                : null,
              button(
                t('issueDetail.catatPenyelesaian'),
                () =>
                  act(
                    `dispositions/${disposition.id}/complete`,
                    { text: reply.value },
                    t('issueDetail.penyelesaianDicatat'),
                  ),
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
    h('header', { class: 'card-head' }, h('h2', null, t('issueDetail.disposisiKeOpd'))),
    rows.length > 0
      ? h('ul', { class: 'list-plain' }, rows)
      : h('p', { class: 'muted' }, t('issueDetail.belumDidisposisikan')),
    editable
      ? h(
          'div',
          { class: 'filters' },
          field(t('issueDetail.opdTujuan'), opd),
          field(t('issueDetail.catatanDisposisi'), note),
          button(
            t('issueDetail.disposisikan'),
            () =>
              act(
                'dispose',
                { opd: opd.value, note: note.value || undefined },
                t('issueDetail.isuDidisposisikanKeOpd'),
              ),
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
    h('header', { class: 'card-head' }, h('h2', null, t('issueDetail.peringatanUntukIsuIni'))),
    alerts.length === 0
      ? h('p', { class: 'muted' }, t('common.tidakAdaPeringatan'))
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
      t('issueDetail.aturanUnggahan', {
        name: alert.rule.name,
        createdAt: formatDateTime(alert.createdAt),
        postCount: alert.evidence.issue.postCount,
      }),
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
          button(t('issueDetail.tandaiSudahDitanggapi'), () => void send('acknowledge'), { class: 'btn btn-small' }),
          button(t('common.positifPalsu'), () => void send('false-positive'), { class: 'btn btn-small btn-danger' }),
          status,
        )
      : status,
  );
}

function actionsCard(issue: IssueView, act: Act, splitChecks: Map<string, HTMLInputElement>): HTMLElement {
  const name = h('input', { type: 'text', value: issue.label, maxlength: 200 });
  const target = h('input', { type: 'text', placeholder: t('issueDetail.idIsuTujuan'), spellcheck: false });
  const splitLabel = h('input', { type: 'text', maxlength: 200 });
  const note = h('input', { type: 'text', maxlength: 2000 });
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, t('common.tindakan'))),
    h(
      'div',
      { class: 'grid grid-2' },
      h(
        'div',
        { class: 'stack' },
        field(t('issueDetail.namaIsu'), name),
        button(
          t('issueDetail.gantiNama'),
          () => act('rename', { label: name.value.trim() }, t('issueDetail.namaIsuDiganti')),
          { class: 'btn' },
        ),
        field(t('issueDetail.gabungkanKeIsu'), target, t('issueDetail.salinIdDariAlamat')),
        button(
          t('issueDetail.gabungkan'),
          () => act('merge', { targetId: target.value.trim() }, t('issueDetail.isuDigabungkan')),
          {
            class: 'btn',
          },
        ),
      ),
      h(
        'div',
        { class: 'stack' },
        field(t('issueDetail.namaIsuBaruUntuk'), splitLabel),
        button(
          t('issueDetail.pisahkanUnggahanTerpilih'),
          () => {
            const postIds = [...splitChecks].filter(([, check]) => check.checked).map(([postId]) => postId);
            act(
              'split',
              { postIds, label: splitLabel.value.trim() || undefined },
              t('issueDetail.unggahanDipisahkanMenjadiIsu'),
            );
          },
          { class: 'btn' },
        ),
        field(t('issueDetail.catatan'), note),
        h(
          'div',
          { class: 'actions' },
          button(
            t('issueDetail.tandaiDitindaklanjuti'),
            () => act('follow-up', { note: note.value || undefined }, t('issueDetail.isuDitandaiDitindaklanjuti')),
            { class: 'btn btn-primary' },
          ),
          button(
            t('issueDetail.abaikanIsu'),
            () => act('dismiss', { note: note.value || undefined }, t('issueDetail.isuDiabaikan')),
            {
              class: 'btn btn-danger',
            },
          ),
        ),
      ),
    ),
  );
}

/** Near-duplicate campaigns on the issue page: a top post's group of copies, shown and hidden on demand. */
function showCopies(postId: string, into: HTMLElement): void {
  const toggle = into.previousElementSibling?.querySelector('button');
  into.hidden = !into.hidden;
  toggle?.setAttribute('aria-expanded', String(!into.hidden));
  if (!into.hidden && !into.hasChildNodes()) {
    mount(into, h('span', { class: 'muted' }, t('common.memuat')));
    nearDuplicates(postId, into).catch((error: unknown) => mount(into, notice('error', errorText(error))));
  }
}

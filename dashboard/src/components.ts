import { type MessageKey, t } from './i18n.js';
import { api, errorText } from './api.js';
import { type Cell, downloadCsv } from './csv.js';
import { button, type Child, h, highlighted, mount, notice, safeUrl, select } from './dom.js';
import { formatDateTime, label, SENTIMENT_LABELS, SEVERITY_LABELS, STATE_LABELS } from './format.js';

export interface Category {
  slug: string;
  name: string;
  opd: string;
}

let categories: Promise<Category[]> | null = null;

/** The category taxonomy (GET /api/categories), fetched once per page load. */
export function loadCategories(): Promise<Category[]> {
  categories ??= api.get<Category[]>('/api/categories').catch(() => {
    categories = null;
    return [];
  });
  return categories;
}

export function categoryName(list: Category[], slug: string | null | undefined): string {
  return list.find((category) => category.slug === slug)?.name ?? slug ?? '–';
}

export function pageHead(title: string, subtitle?: string, ...tools: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'page-head' },
    h('div', null, h('h1', null, title), subtitle ? h('p', { class: 'muted' }, subtitle) : null),
    tools.length > 0 ? h('div', { class: 'actions' }, tools) : null,
  );
}

export function severityBadge(level: string | null | undefined): HTMLElement {
  return h('span', { class: `badge sev-${level ?? 'rendah'}` }, label(SEVERITY_LABELS, level));
}

export function sentimentBadge(sentiment: string | null | undefined): HTMLElement {
  return h('span', { class: `badge sent-${sentiment ?? 'neutral'}` }, label(SENTIMENT_LABELS, sentiment));
}

export function stateBadge(state: string): HTMLElement {
  return h('span', { class: 'badge badge-info' }, label(STATE_LABELS, state));
}

export interface Column<T> {
  header: string;
  cell: (row: T) => Child;
  /** The value in the CSV export (defaults to the cell's text). */
  csv?: (row: T) => Cell;
  numeric?: boolean;
}

/** A list as a table, with a CSV download of exactly what it shows. */
export function listTable<T>(columns: Column<T>[], rows: T[], caption: string, file?: string): HTMLElement {
  const table = h(
    'table',
    { class: 'data' },
    h('caption', { class: 'visually-hidden' }, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        columns.map((column) => h('th', { scope: 'col', class: column.numeric ? 'num' : undefined }, column.header)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.length === 0
        ? h('tr', null, h('td', { colspan: columns.length, class: 'muted' }, t('components.tidakAdaData')))
        : rows.map((row) =>
            h(
              'tr',
              null,
              columns.map((column) => h('td', { class: column.numeric ? 'num' : undefined }, column.cell(row))),
            ),
          ),
    ),
  );
  // A table wider than the screen scrolls inside its wrapper: keyboard users reach it by Tab (WCAG 2.1.1).
  const wrap = h('div', { class: 'table-wrap', tabindex: 0, role: 'region', aria: { label: caption } }, table);
  if (!file) {
    return wrap;
  }
  const csv = () =>
    downloadCsv(
      `${file}.csv`,
      columns.map((column) => column.header),
      rows.map((row) => columns.map((column) => (column.csv ? column.csv(row) : textOf(column.cell(row))))),
    );
  return h(
    'div',
    null,
    h(
      'div',
      { class: 'row-between' },
      h('span', { class: 'muted small' }, t('components.rows', { count: rows.length })),
      button(t('common.unduhCsv'), csv, { class: 'btn btn-small btn-ghost' }),
    ),
    wrap,
  );
}

function textOf(child: Child): string {
  if (child === null || child === undefined || child === false) {
    return '';
  }
  if (Array.isArray(child)) {
    return child.map(textOf).join(' ');
  }
  return child instanceof Node ? (child.textContent ?? '') : String(child);
}

export type RangeKey = '6h' | '24h' | '7d' | '30d';

export const RANGES: { key: RangeKey; label: MessageKey; hours: number }[] = [
  { key: '6h', label: 'common.6Jam', hours: 6 },
  { key: '24h', label: 'common.24Jam', hours: 24 },
  { key: '7d', label: 'common.7Hari', hours: 24 * 7 },
  { key: '30d', label: 'common.30Hari', hours: 24 * 30 },
];

export function rangeOf(key: string | null): { key: RangeKey; from: string; to: string; hours: number } {
  const range = RANGES.find((candidate) => candidate.key === key) ?? RANGES[1];
  const to = new Date();
  const from = new Date(to.getTime() - range.hours * 3600_000);
  return { key: range.key, from: from.toISOString(), to: to.toISOString(), hours: range.hours };
}

/** Buttons for the time range; the chosen one is pressed. */
export function rangePicker(current: RangeKey, onChange: (key: RangeKey) => void): HTMLElement {
  return h(
    'div',
    { class: 'range-picker', role: 'group', aria: { label: t('components.rentangWaktu') } },
    RANGES.map((range) =>
      button(t(range.label), () => onChange(range.key), {
        class: 'btn btn-small',
        aria: { pressed: String(range.key === current) },
      }),
    ),
  );
}

export interface PostView {
  id: string;
  source: string;
  sourceType: string;
  text: string;
  author: string | null;
  url: string | null;
  createdAt: string;
  metrics: { likes: number; replies: number; reposts: number; views: number };
  sentiment: string | null;
  sentimentScore: number | null;
  category: string | null;
  opd: string | null;
  locations: { code: string; name: string; level: string }[];
  explanation: Explanation | null;
}

interface Explanation {
  sentiment?: { source?: string; evidence?: { term: string; weight: number; rules?: string[] }[] };
  category?: { confidence?: number; keywords?: string[]; source?: string };
  locations?: { code: string; matched: string; reason: string }[];
  topics?: { id: string; terms: string[] }[];
  machine?: { sentiment?: string; category?: string };
  correction?: unknown;
}

interface NearDuplicateGroup {
  posts: number;
  accounts: number;
  summary: string;
  items: { id: string; author: string | null; createdAt: string; similarity: number }[];
}

export interface PostItemOptions {
  highlight: string[];
  categories: Category[];
  canCorrect: boolean;
}

/** One post: author, source, time, text (matched words marked), labels; explanation, correction and copies on demand. */
export function postItem(post: PostView, options: PostItemOptions): HTMLElement {
  const extra = h('div', { class: 'post-extra', hidden: true });
  const status = h('div', { class: 'form-status' });
  let showing: 'explain' | 'copies' | null = null;
  const toggle = (kind: 'explain' | 'copies', fill: () => Promise<void> | void) => {
    if (showing === kind) {
      extra.hidden = true;
      showing = null;
      return;
    }
    showing = kind;
    extra.hidden = false;
    mount(extra, h('span', { class: 'muted' }, t('common.memuat')));
    void Promise.resolve(fill()).catch((error: unknown) => mount(extra, notice('error', errorText(error))));
  };
  const sentimentBox = h('span', null, sentimentBadge(post.sentiment));
  const categoryBox = h('span', { class: 'badge' }, categoryName(options.categories, post.category));

  const correction = options.canCorrect
    ? correctionControls(post, options.categories, status, (updated) => {
        post.sentiment = updated.sentiment;
        post.category = updated.category;
        mount(sentimentBox, sentimentBadge(updated.sentiment));
        categoryBox.textContent = categoryName(options.categories, updated.category);
      })
    : null;

  const link = safeUrl(post.url)
    ? h(
        'a',
        { href: post.url ?? undefined, target: '_blank', rel: 'noopener noreferrer nofollow' },
        t('common.bukaTautanAsli'),
      )
    : null;
  return h(
    'li',
    { class: 'post', data: { 'post-id': post.id } },
    h(
      'div',
      { class: 'post-meta' },
      h('span', { class: 'post-author' }, post.author ?? t('common.tanpaNama')),
      h('span', null, post.source),
      h('time', { title: post.createdAt }, formatDateTime(post.createdAt)),
      sentimentBox,
      categoryBox,
      post.locations.length > 0 ? h('span', null, post.locations.map((place) => place.name).join(', ')) : null,
    ),
    h('p', { class: 'post-text' }, highlighted(post.text, options.highlight)),
    h(
      'div',
      { class: 'actions small' },
      button(
        t('components.mengapaLabelIni'),
        () => toggle('explain', () => mount(extra, explanation(post, options.categories))),
        {
          class: 'btn-link',
        },
      ),
      button(t('components.teksSerupa'), () => toggle('copies', () => nearDuplicates(post.id, extra)), {
        class: 'btn-link',
      }),
      link,
      h(
        'span',
        { class: 'muted' },
        t('components.sukaBagikanBalasan', {
          likes: post.metrics.likes,
          reposts: post.metrics.reposts,
          replies: post.metrics.replies,
        }),
      ),
    ),
    correction,
    status,
    extra,
  );
}

function correctionControls(
  post: PostView,
  list: Category[],
  status: HTMLElement,
  onSaved: (labels: { sentiment: string | null; category: string | null }) => void,
): HTMLElement {
  const save = (body: { sentiment?: string; category?: string }) => {
    api
      .post<{
        post?: { sentiment: string | null; category: string | null };
        labels?: { sentiment: string | null; category: string | null };
      }>(`/api/posts/${encodeURIComponent(post.id)}/corrections`, body)
      .then((result) => {
        const labels = result.labels ??
          result.post ?? { sentiment: body.sentiment ?? post.sentiment, category: body.category ?? post.category };
        onSaved(labels);
        mount(status, notice('success', t('components.koreksiDisimpanDanAkan')));
      })
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  };
  const sentimentButtons = ['positive', 'neutral', 'negative'].map((value) =>
    button(label(SENTIMENT_LABELS, value), () => save({ sentiment: value }), {
      class: 'btn btn-small',
      aria: {
        pressed: String(post.sentiment === value),
        label: t('components.koreksiSentimenMenjadi', { value: label(SENTIMENT_LABELS, value) }),
      },
    }),
  );
  const categorySelect = select(
    list.map((category) => ({ value: category.slug, label: category.name })),
    post.category ?? '',
    { aria: { label: t('components.koreksiKategori') }, class: 'compact' },
  );
  categorySelect.addEventListener('change', () => save({ category: categorySelect.value }));
  return h(
    'div',
    { class: 'actions small correction' },
    h('span', { class: 'muted' }, t('components.koreksi')),
    sentimentButtons,
    categorySelect,
  );
}

function explanation(post: PostView, list: Category[]): HTMLElement {
  const detail = post.explanation ?? {};
  const evidence = detail.sentiment?.evidence ?? [];
  const keywords = detail.category?.keywords ?? [];
  const topics = detail.topics ?? [];
  const terms = (items: string[]) =>
    items.length > 0
      ? h(
          'ul',
          { class: 'term-list' },
          items.map((item) => h('li', null, item)),
        )
      : h('span', { class: 'muted' }, t('components.tidakAda'));
  return h(
    'div',
    null,
    h(
      'p',
      null,
      t('components.sentimen', { sentiment: label(SENTIMENT_LABELS, post.sentiment) }),
      post.sentimentScore !== null ? t('components.skor', { sentimentScore: post.sentimentScore.toFixed(2) }) : '',
      detail.sentiment?.source === 'model' ? t('components.menurutModelTerlatih') : t('components.menurutLeksikon'),
      t('components.dariKata'),
    ),
    terms(
      evidence.map(
        (item) =>
          `${item.term} ${item.weight > 0 ? '+' : ''}${item.weight.toFixed(2)}${item.rules?.length ? ` (${item.rules.join(', ')})` : ''}`,
      ),
    ),
    h(
      'p',
      null,
      t('components.kategoriDariKataKunci', {
        categoryName: categoryName(list, post.category),
        opd: post.opd ?? t('components.opdTidakDiketahui'),
      }),
    ),
    terms(keywords),
    topics.length > 0 ? h('p', null, t('components.cocokDenganTopikPantauan')) : null,
    topics.length > 0 ? terms(topics.flatMap((topic) => topic.terms)) : null,
    detail.machine
      ? h(
          'p',
          { class: 'muted' },
          t('components.labelMesinSebelumKoreksi', {
            sentiment: label(SENTIMENT_LABELS, detail.machine.sentiment),
            categoryName: categoryName(list, detail.machine.category),
          }),
        )
      : null,
  );
}

/** The near-duplicate group of a post (GET /api/posts/:id/near-duplicates): its summary and up to 20 copies. */
export async function nearDuplicates(postId: string, into: HTMLElement): Promise<void> {
  const group = await api.get<NearDuplicateGroup>(`/api/posts/${encodeURIComponent(postId)}/near-duplicates`);
  mount(
    into,
    h('p', null, group.summary),
    group.items.length > 1
      ? h(
          'ul',
          { class: 'list-plain' },
          group.items
            .slice(0, 20)
            .map((item) =>
              h(
                'li',
                null,
                h('span', { class: 'post-author' }, item.author ?? t('common.tanpaNama')),
                ' · ',
                formatDateTime(item.createdAt),
                t('components.kemiripan', { value: Math.round(item.similarity * 100) }),
              ),
            ),
        )
      : null,
  );
}

export interface AlertView {
  id: string;
  rule: { id: string; name: string };
  issueId: string;
  eventType: 'created' | 'updated';
  createdAt: string;
  evidence: {
    issue: {
      id: string;
      label: string;
      severityLevel: string | null;
      postCount: number;
      authorCount: number;
      campaign: boolean;
    };
    sentiment: { negativeShare: number };
    places: { code: string; name: string }[];
    topPosts: { url: string | null; text: string; author: string | null }[];
    matched: { condition: string; matched: boolean; explanation: string }[];
  };
  acknowledged: { by: string | null; at: string } | null;
  falsePositive: { by: string | null; at: string } | null;
  note: string | null;
  deliveries: {
    id: string;
    channelType: string;
    target: string;
    status: string;
    attempts: number;
    lastError: string | null;
  }[];
}

export function alertStatus(alert: AlertView): string {
  if (alert.falsePositive) {
    return t('common.positifPalsu');
  }
  return alert.acknowledged ? t('common.sudahDitanggapi') : t('common.belumDitanggapi');
}

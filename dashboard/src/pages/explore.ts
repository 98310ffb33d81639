import { t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { downloadCsv } from '../csv.js';
import { loadCategories, pageHead, type PostView, postItem, RANGES, rangeOf } from '../components.js';
import { button, field, h, mount, notice, select } from '../dom.js';
import { formatDateTime, label, labelOptions, SENTIMENT_LABELS } from '../format.js';
import type { PageContext } from '../router.js';
import { canEdit } from '../session.js';

interface Topic {
  id: string;
  name: string;
}

const KEYS = [
  'q',
  'topic',
  'category',
  'sentiment',
  'opd',
  'region',
  'source',
  'issue',
  'from',
  'to',
  'rentang',
] as const;

/** Telusuri: search stored posts by words, tracked topic, labels, place, source and time. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const query = context.query;
  const [categories, topics] = await Promise.all([
    loadCategories(),
    api
      .get<Topic[] | { items: Topic[] }>('/api/topics')
      .then((result) => (Array.isArray(result) ? result : result.items))
      .catch(() => [] as Topic[]),
  ]);
  const opds = [...new Set(categories.map((category) => category.opd))].sort();
  const all = { value: '', label: t('common.semua') };
  const q = h('input', {
    type: 'search',
    name: 'q',
    value: query.get('q') ?? '',
    placeholder: t('explore.kataYangHarusAda'),
  });
  const topic = select(
    [all, ...topics.map((item) => ({ value: item.id, label: item.name }))],
    query.get('topic') ?? '',
  );
  const category = select(
    [all, ...categories.map((item) => ({ value: item.slug, label: item.name }))],
    query.get('category') ?? '',
  );
  const sentiment = select([all, ...labelOptions(SENTIMENT_LABELS)], query.get('sentiment') ?? '');
  const opd = select([all, ...opds.map((item) => ({ value: item, label: item }))], query.get('opd') ?? '');
  const region = h('input', {
    type: 'text',
    value: query.get('region') ?? '',
    placeholder: t('common.mis3308'),
    spellcheck: false,
  });
  const source = h('input', { type: 'text', value: query.get('source') ?? '', spellcheck: false });
  const explicitPeriod = query.get('from') !== null;
  const range = select(
    [
      { value: '', label: explicitPeriod ? t('explore.sesuaiTautan') : t('common.semuaWaktu') },
      ...RANGES.map((item) => ({ value: item.key, label: t('common.lastRange', { range: t(item.label) }) })),
    ],
    query.get('rentang') ?? '',
  );

  const form = h(
    'form',
    { class: 'card filters', role: 'search', aria: { label: t('explore.telusuriUnggahan') } },
    field(t('common.kataKunci'), q),
    field(t('common.topikPantauan'), topic),
    field(t('common.kategori'), category),
    field(t('common.sentimen'), sentiment),
    field('OPD', opd),
    field(t('common.kodeWilayah'), region),
    field(t('common.sumber'), source),
    field(t('common.waktu'), range),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('explore.cari')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    const values: Partial<Record<(typeof KEYS)[number], string>> = {
      q: q.value.trim(),
      topic: topic.value,
      category: category.value,
      sentiment: sentiment.value,
      opd: opd.value,
      region: region.value.trim(),
      source: source.value.trim(),
      rentang: range.value,
      // Opened from an issue's chart: the search stays within the issue until its notice's link removes it.
      issue: query.get('issue') ?? undefined,
    };
    if (!range.value && explicitPeriod) {
      values.from = query.get('from') ?? undefined;
      values.to = query.get('to') ?? undefined;
    }
    for (const key of KEYS) {
      const value = values[key];
      if (value) {
        params.set(key, value);
      }
    }
    context.navigate(`/telusuri?${params.toString()}`);
  });

  // "Memuat…" until the first page of results is in (the browser tests' visit() waits for .loading to go).
  const summary = h('p', { class: 'muted loading', role: 'status' }, t('explore.memuatUnggahan'));
  const list = h('ul', { class: 'post-list' });
  const more = h('div', { class: 'pager' });
  const posts: PostView[] = [];
  const exportCsv = button(
    t('common.unduhCsv'),
    () =>
      downloadCsv(
        'telusuri.csv',
        [
          t('common.waktu'),
          t('common.sumber'),
          t('explore.penulis'),
          t('explore.teks'),
          t('common.sentimen'),
          t('common.kategori'),
          'OPD',
          t('common.wilayah'),
          t('explore.tautan'),
        ],
        posts.map((post) => [
          formatDateTime(post.createdAt),
          post.source,
          post.author,
          post.text,
          label(SENTIMENT_LABELS, post.sentiment),
          post.category,
          post.opd,
          post.locations.map((place) => place.name).join('; '),
          post.url,
        ]),
      ),
    { class: 'btn btn-small btn-ghost' },
  );
  const issueId = query.get('issue');
  const withoutIssue = new URLSearchParams(query);
  withoutIssue.delete('issue');
  mount(
    root,
    pageHead(t('explore.telusuri'), t('explore.cariUnggahanKataYang')),
    issueId
      ? h(
          'p',
          { class: 'notice notice-info', role: 'status' },
          t('explore.issueOnly'),
          ' ',
          h('a', { href: `/isu/${encodeURIComponent(issueId)}` }, t('common.lihatIsu')),
          ' · ',
          h('a', { href: `/telusuri?${withoutIssue.toString()}` }, t('explore.allPosts')),
        )
      : null,
    form,
    h('section', { class: 'card' }, h('div', { class: 'row-between' }, summary, exportCsv), list, more),
  );

  const period = query.get('rentang') ? rangeOf(query.get('rentang')) : null;
  const words = (query.get('q') ?? '').split(/\s+/).filter(Boolean);
  const selectedTopic = query.get('topic');
  const load = async (cursor?: string) => {
    const page = await api.get<{ items: PostView[]; total: number; nextCursor: string | null }>('/api/posts', {
      q: query.get('q'),
      topic: selectedTopic,
      category: query.get('category'),
      sentiment: query.get('sentiment'),
      opd: query.get('opd'),
      region: query.get('region'),
      source: query.get('source'),
      issue: query.get('issue'),
      from: period?.from ?? query.get('from'),
      to: period ? undefined : query.get('to'),
      limit: 50,
      cursor,
    });
    for (const post of page.items) {
      posts.push(post);
      const topicTerms = (post.explanation?.topics ?? [])
        .filter((match) => !selectedTopic || match.id === selectedTopic)
        .flatMap((match) => match.terms);
      list.append(postItem(post, { highlight: [...words, ...topicTerms], categories, canCorrect: canEdit() }));
    }
    summary.classList.remove('loading');
    summary.textContent =
      page.total === 0
        ? t('explore.tidakAdaUnggahanYang')
        : t('explore.unggahanCocokDitampilkan', { total: page.total, postsCount: posts.length });
    const next = page.nextCursor;
    mount(
      more,
      next ? button(t('common.muatLebihBanyak'), () => void load(next).catch(showError), { class: 'btn' }) : null,
    );
  };
  const showError = (error: unknown) => {
    if (summary.classList.contains('loading')) {
      summary.classList.remove('loading');
      summary.textContent = '';
    }
    mount(more, notice('error', errorText(error)));
  };
  try {
    await load();
  } catch (error) {
    showError(error);
  }
}

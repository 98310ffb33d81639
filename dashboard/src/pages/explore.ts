import { api, errorText } from '../api.js';
import { downloadCsv } from '../csv.js';
import { loadCategories, pageHead, type PostView, postItem, RANGES, rangeOf } from '../components.js';
import { button, field, h, mount, notice, select } from '../dom.js';
import { formatDateTime, formatNumber, label, SENTIMENT_LABELS } from '../format.js';
import type { PageContext } from '../router.js';
import { canEdit } from '../session.js';

interface Topic {
  id: string;
  name: string;
}

const KEYS = ['q', 'topic', 'category', 'sentiment', 'opd', 'region', 'source', 'from', 'to', 'rentang'] as const;

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
  const all = { value: '', label: 'Semua' };
  const q = h('input', { type: 'search', name: 'q', value: query.get('q') ?? '', placeholder: 'Kata yang harus ada' });
  const topic = select(
    [all, ...topics.map((item) => ({ value: item.id, label: item.name }))],
    query.get('topic') ?? '',
  );
  const category = select(
    [all, ...categories.map((item) => ({ value: item.slug, label: item.name }))],
    query.get('category') ?? '',
  );
  const sentiment = select(
    [all, ...Object.entries(SENTIMENT_LABELS).map(([value, text]) => ({ value, label: text }))],
    query.get('sentiment') ?? '',
  );
  const opd = select([all, ...opds.map((item) => ({ value: item, label: item }))], query.get('opd') ?? '');
  const region = h('input', {
    type: 'text',
    value: query.get('region') ?? '',
    placeholder: 'mis. 33.08',
    spellcheck: false,
  });
  const source = h('input', { type: 'text', value: query.get('source') ?? '', spellcheck: false });
  const explicitPeriod = query.get('from') !== null;
  const range = select(
    [
      { value: '', label: explicitPeriod ? 'Sesuai tautan' : 'Semua waktu' },
      ...RANGES.map((item) => ({ value: item.key, label: `${item.label} terakhir` })),
    ],
    query.get('rentang') ?? '',
  );

  const form = h(
    'form',
    { class: 'card filters', role: 'search', aria: { label: 'Telusuri unggahan' } },
    field('Kata kunci', q),
    field('Topik pantauan', topic),
    field('Kategori', category),
    field('Sentimen', sentiment),
    field('OPD', opd),
    field('Kode wilayah', region),
    field('Sumber', source),
    field('Waktu', range),
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Cari'),
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
  const summary = h('p', { class: 'muted loading', role: 'status' }, 'Memuat unggahan…');
  const list = h('ul', { class: 'post-list' });
  const more = h('div', { class: 'pager' });
  const posts: PostView[] = [];
  const exportCsv = button(
    'Unduh CSV',
    () =>
      downloadCsv(
        'telusuri.csv',
        ['Waktu', 'Sumber', 'Penulis', 'Teks', 'Sentimen', 'Kategori', 'OPD', 'Wilayah', 'Tautan'],
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
  mount(
    root,
    pageHead('Telusuri', 'Cari unggahan; kata yang cocok ditandai. Analis dapat mengoreksi label dengan satu klik.'),
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
        ? 'Tidak ada unggahan yang cocok.'
        : `${formatNumber(page.total)} unggahan cocok; ${formatNumber(posts.length)} ditampilkan.`;
    const next = page.nextCursor;
    mount(more, next ? button('Muat lebih banyak', () => void load(next).catch(showError), { class: 'btn' }) : null);
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

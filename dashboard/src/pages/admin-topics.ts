import { t } from '../i18n.js';
import { ApiError, api, errorText } from '../api.js';
import { listTable, loadCategories, pageHead, sentimentBadge } from '../components.js';
import { button, field, h, highlighted, mount, notice, select } from '../dom.js';
import { formatDateTime, formatNumber } from '../format.js';
import type { PageContext } from '../router.js';

interface Topic {
  id: string;
  name: string;
  query: string;
  categoryHint: string | null;
  status: 'active' | 'paused';
  createdBy: string | null;
  updatedAt: string;
  matchedPosts: number;
}

interface Backfill {
  id: string;
  state: string;
  processed: number;
  total: number;
  matched: number;
}

interface Preview {
  items: { id: string; createdAt: string; source: string; text: string; sentiment: string | null; terms: string[] }[];
  matched: number;
  scanned: number;
}

/** "… pada karakter 12" in the engine's message: the 1-based position of the error in the query. */
export function errorPosition(message: string): number | null {
  const match = /karakter (\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}

/** Topik pantauan: the tracked topics, the query editor with its live preview, and backfill progress. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const categories = await loadCategories();
  const editor = h('section', { class: 'card' });
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, t('adminTopics.memuatTopik')));
  mount(root, pageHead(t('common.topikPantauan'), t('adminTopics.kataKunciYangDipantau')), editor, list);

  const topics = await api.get<Topic[]>('/api/topics').catch((error: unknown) => {
    mount(list, notice('error', errorText(error)));
    return null;
  });
  if (!topics) {
    return;
  }
  const editing = topics.find((topic) => topic.id === context.query.get('ubah')) ?? null;
  renderEditor(editor, editing, categories, context);
  mount(
    list,
    h('header', { class: 'card-head' }, h('h2', null, t('adminTopics.daftarTopik'))),
    listTable(
      [
        {
          header: t('common.nama'),
          cell: (topic: Topic) => h('a', { href: `/telusuri?topic=${encodeURIComponent(topic.id)}` }, topic.name),
          csv: (topic) => topic.name,
        },
        {
          header: t('adminTopics.kueri'),
          cell: (topic) => h('code', { class: 'mono small' }, topic.query),
          csv: (topic) => topic.query,
        },
        {
          header: t('common.status'),
          cell: (topic) =>
            h('span', { class: 'badge' }, topic.status === 'active' ? t('common.aktif') : t('common.dijeda')),
        },
        {
          header: t('adminTopics.unggahanCocok'),
          cell: (topic) => formatNumber(topic.matchedPosts),
          csv: (topic) => topic.matchedPosts,
          numeric: true,
        },
        { header: t('common.diubah'), cell: (topic) => formatDateTime(topic.updatedAt) },
        {
          header: t('common.tindakan'),
          cell: (topic) => topicActions(topic, context),
          csv: () => '',
        },
      ],
      topics,
      t('common.topikPantauan'),
      'topik',
    ),
  );
}

function topicActions(topic: Topic, context: PageContext): HTMLElement {
  const status = h('span', { class: 'form-status' });
  const run = (promise: Promise<unknown>) =>
    promise.then(() => context.refresh()).catch((error: unknown) => mount(status, notice('error', errorText(error))));
  return h(
    'div',
    { class: 'actions' },
    button(t('common.ubah'), () => context.navigate(`/admin/topik?ubah=${encodeURIComponent(topic.id)}`), {
      class: 'btn btn-small',
      aria: { label: t('adminTopics.ubahTopik', { name: topic.name }) },
    }),
    topic.status === 'active'
      ? button(t('common.jeda'), () => void run(api.post(`/api/topics/${topic.id}/pause`)), {
          class: 'btn btn-small',
          aria: { label: t('adminTopics.jedaTopik', { name: topic.name }) },
        })
      : button(t('common.lanjutkan'), () => void run(api.post(`/api/topics/${topic.id}/resume`)), {
          class: 'btn btn-small',
          aria: { label: t('adminTopics.lanjutkanTopik', { name: topic.name }) },
        }),
    button(
      t('common.hapus'),
      () => {
        if (window.confirm(t('adminTopics.hapusTopikKecocokannyaIkut', { name: topic.name }))) {
          void run(api.delete(`/api/topics/${topic.id}`));
        }
      },
      { class: 'btn btn-small btn-danger', aria: { label: t('adminTopics.hapusTopik', { name: topic.name }) } },
    ),
    status,
  );
}

function renderEditor(
  root: HTMLElement,
  topic: Topic | null,
  categories: { slug: string; name: string }[],
  context: PageContext,
): void {
  const name = h('input', { type: 'text', value: topic?.name ?? '', maxlength: 120, required: true });
  const query = h('textarea', { rows: 3, class: 'code-input', spellcheck: false, maxlength: 2000 });
  query.value = topic?.query ?? '';
  const hint = select(
    [
      { value: '', label: t('adminTopics.tidakAda') },
      ...categories.map((category) => ({ value: category.slug, label: category.name })),
    ],
    topic?.categoryHint ?? '',
  );
  const queryError = h('div', { aria: { live: 'polite' } });
  const preview = h('div', { class: 'preview' }, h('p', { class: 'muted' }, t('adminTopics.tulisKueriUntukMelihat')));
  const status = h('div', { class: 'form-status' });
  const progress = h('div');

  let timer: number | undefined;
  let sequence = 0;
  const runPreview = () => {
    const text = query.value.trim();
    const mine = ++sequence;
    if (!text) {
      mount(queryError);
      mount(preview, h('p', { class: 'muted' }, t('adminTopics.tulisKueriUntukMelihat')));
      return;
    }
    api
      .post<Preview>('/api/topics/preview', { query: text, limit: 10 })
      .then((result) => {
        if (mine !== sequence) {
          return;
        }
        mount(queryError);
        query.removeAttribute('aria-invalid');
        mount(
          preview,
          h(
            'p',
            { class: 'muted small' },
            t('adminTopics.dariUnggahanTerbaruCocok', { matched: result.matched, scanned: result.scanned }),
          ),
          h(
            'ul',
            { class: 'post-list' },
            result.items.map((item) =>
              h(
                'li',
                { class: 'post' },
                h(
                  'div',
                  { class: 'post-meta' },
                  h('span', null, item.source),
                  h('time', null, formatDateTime(item.createdAt)),
                  sentimentBadge(item.sentiment),
                ),
                h('p', { class: 'post-text' }, highlighted(item.text, item.terms)),
              ),
            ),
          ),
        );
      })
      .catch((error: unknown) => {
        if (mine !== sequence) {
          return;
        }
        showQueryError(error, text);
      });
  };
  const showQueryError = (error: unknown, text: string) => {
    const message = errorText(error).replace(/^query: /, '');
    const position = error instanceof ApiError ? errorPosition(message) : null;
    query.setAttribute('aria-invalid', 'true');
    mount(
      queryError,
      notice('error', message),
      position !== null
        ? h(
            'pre',
            { class: 'error-caret', aria: { hidden: 'true' } },
            `${text}\n${' '.repeat(Math.max(0, position - 1))}^`,
          )
        : null,
    );
    mount(preview);
  };
  query.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(runPreview, 400);
  });
  context.onLeave(() => window.clearTimeout(timer));

  const form = h(
    'form',
    { class: 'stack', aria: { label: topic ? t('adminTopics.ubahTopik2') : t('adminTopics.topikBaru') } },
    h(
      'div',
      { class: 'grid grid-2' },
      field(t('adminTopics.namaTopik'), name),
      field(t('adminTopics.petunjukKategori'), hint),
    ),
    field(t('adminTopics.kueri'), query, t('adminTopics.andOrNotTanda')),
    queryError,
    status,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'submit', class: 'btn btn-primary' },
        topic ? t('adminTopics.simpanPerubahan') : t('adminTopics.tambahTopik'),
      ),
      topic ? h('a', { href: '/admin/topik', class: 'btn' }, t('common.batal')) : null,
    ),
    progress,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { name: name.value.trim(), query: query.value.trim(), categoryHint: hint.value || undefined };
    const save = topic
      ? api.patch<Topic & { backfill?: Backfill }>(`/api/topics/${topic.id}`, body)
      : api.post<Topic & { backfill?: Backfill }>('/api/topics', body);
    save
      .then((saved) => {
        mount(
          status,
          notice(
            'success',
            topic ? t('adminTopics.topikDisimpan') : t('adminTopics.topikDitambahkanUnggahanTersimpan'),
          ),
        );
        followBackfill(saved.id, progress, context);
        if (!topic) {
          form.reset();
          query.value = '';
        }
      })
      .catch((error: unknown) => {
        const text = errorText(error);
        if (/^query:/.test(text)) {
          showQueryError(error, body.query);
        } else {
          mount(status, notice('error', text));
        }
      });
  });
  mount(
    root,
    h(
      'header',
      { class: 'card-head' },
      h('h2', null, topic ? t('adminTopics.ubahTopik3', { name: topic.name }) : t('adminTopics.topikBaru')),
    ),
    h('div', { class: 'grid grid-2' }, form, h('div', null, h('h3', null, t('common.pratinjau')), preview)),
  );
  if (topic) {
    runPreview();
  }
}

/** Backfill progress bar until the job finishes; then the list shows the new count. */
function followBackfill(topicId: string, into: HTMLElement, context: PageContext): void {
  let stopped = false;
  context.onLeave(() => {
    stopped = true;
  });
  const bar = h('span');
  const caption = h('span', { class: 'small muted' });
  const meter = h(
    'div',
    {
      class: 'progress',
      role: 'progressbar',
      aria: { label: t('adminTopics.kemajuanPencocokanUlang'), valuemin: '0', valuemax: '100' },
    },
    bar,
  );
  mount(into, h('p', { class: 'small' }, t('adminTopics.pencocokanUlangUnggahanTersimpan'), caption), meter);
  const tick = () => {
    if (stopped) {
      return;
    }
    api
      .get<Backfill>(`/api/topics/${encodeURIComponent(topicId)}/backfill`)
      .then((job) => {
        const percent =
          job.total > 0
            ? Math.min(100, Math.round((job.processed / job.total) * 100))
            : job.state === 'completed'
              ? 100
              : 0;
        bar.style.width = `${percent}%`;
        meter.setAttribute('aria-valuenow', String(percent));
        caption.textContent = t('adminTopics.cocok', { percent, matched: job.matched, state: job.state });
        if (job.state === 'completed' || job.state === 'failed' || job.state === 'superseded') {
          window.setTimeout(() => !stopped && context.refresh(), 800);
          return;
        }
        window.setTimeout(tick, 1000);
      })
      .catch(() => window.setTimeout(tick, 2000));
  };
  tick();
}

import { api, errorText } from '../api.js';
import { listTable, pageHead } from '../components.js';
import { button, h, mount, notice } from '../dom.js';
import { formatDateTime, formatNumber, label } from '../format.js';
import type { PageContext } from '../router.js';

/** GET /api/analysis/jobs items (src/topics/analysis-jobs.repository.ts, AnalysisJobView). */
interface Job {
  id: string;
  kind: 'topic-backfill' | 'reanalyze' | 'train-sentiment';
  topicId: string | null;
  state: 'queued' | 'running' | 'completed' | 'failed' | 'superseded';
  processed: number;
  total: number;
  matched: number;
  changed: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const KINDS: Record<string, string> = {
  'topic-backfill': 'Pencocokan topik',
  reanalyze: 'Analisis ulang',
  'train-sentiment': 'Pelatihan model sentimen',
};
const STATES: Record<string, string> = {
  queued: 'Antre',
  running: 'Berjalan',
  completed: 'Selesai',
  failed: 'Gagal',
  superseded: 'Digantikan',
};
const ACTIVE = new Set(['queued', 'running']);

function percent(job: Job): number {
  if (job.total > 0) {
    return Math.min(100, Math.round((job.processed / job.total) * 100));
  }
  return job.state === 'completed' ? 100 : 0;
}

function progressBar(job: Job): HTMLElement {
  const value = percent(job);
  const bar = h('span');
  bar.style.width = `${value}%`;
  return h(
    'div',
    null,
    h(
      'div',
      {
        class: 'progress',
        role: 'progressbar',
        aria: {
          label: `Kemajuan ${label(KINDS, job.kind)}`,
          valuemin: '0',
          valuemax: '100',
          valuenow: String(value),
        },
      },
      bar,
    ),
    h(
      'span',
      { class: 'small muted' },
      `${value}% · ${formatNumber(job.processed)} dari ${formatNumber(job.total)} unggahan · ${formatNumber(job.changed)} berubah`,
    ),
  );
}

/** Analisis ulang: the re-analysis, topic backfill and training jobs with their progress, refreshed while one runs. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const status = h('div', { class: 'form-status' });
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, 'Memuat pekerjaan analisis…'));
  let stopped = false;
  let timer: number | undefined;
  context.onLeave(() => {
    stopped = true;
    window.clearTimeout(timer);
  });
  const start = button(
    'Analisis ulang semua unggahan',
    () => {
      start.disabled = true;
      api
        .post<Job>('/api/analysis/reanalyze')
        .then((job) => {
          mount(status, notice('success', 'Analisis ulang dimulai.'));
          context.navigate(`/admin/analisis-ulang?job=${encodeURIComponent(job.id)}`);
        })
        .catch((error: unknown) => {
          start.disabled = false;
          mount(status, notice('error', errorText(error)));
        });
    },
    { class: 'btn btn-primary' },
  );
  mount(
    root,
    pageHead(
      'Analisis ulang',
      'Setelah leksikon, slang, kategori atau model berubah, unggahan tersimpan dianalisis ulang dengan aturan yang berlaku.',
      h('a', { href: '/admin/leksikon', class: 'btn btn-small' }, 'Leksikon dan slang'),
      start,
    ),
    status,
    list,
  );
  const highlight = context.query.get('job');
  const draw = async () => {
    const jobs = await api.get<Job[] | { items: Job[] }>('/api/analysis/jobs');
    const items = Array.isArray(jobs) ? jobs : jobs.items;
    mount(
      list,
      h('header', { class: 'card-head' }, h('h2', null, 'Pekerjaan terbaru')),
      listTable(
        [
          {
            header: 'Jenis',
            cell: (job: Job) =>
              h('span', { class: job.id === highlight ? 'badge badge-info' : undefined }, label(KINDS, job.kind)),
            csv: (job) => label(KINDS, job.kind),
          },
          { header: 'Status', cell: (job) => label(STATES, job.state) },
          { header: 'Kemajuan', cell: (job) => progressBar(job), csv: (job) => percent(job) },
          { header: 'Berubah', cell: (job) => formatNumber(job.changed), csv: (job) => job.changed, numeric: true },
          { header: 'Dimulai', cell: (job) => formatDateTime(job.startedAt ?? job.createdAt) },
          { header: 'Selesai', cell: (job) => formatDateTime(job.finishedAt) },
          { header: 'Galat', cell: (job) => job.error ?? '' },
        ],
        items,
        'Pekerjaan analisis',
        'pekerjaan-analisis',
      ),
    );
    if (!stopped && items.some((job) => ACTIVE.has(job.state))) {
      timer = window.setTimeout(() => void draw().catch(() => undefined), 1500);
    }
  };
  try {
    await draw();
  } catch (error) {
    mount(list, notice('error', errorText(error)));
  }
}

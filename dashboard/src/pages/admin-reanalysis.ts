import { type MessageKey, t } from '../i18n.js';
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

const KINDS: Record<string, MessageKey> = {
  'topic-backfill': 'adminReanalysis.pencocokanTopik',
  reanalyze: 'adminReanalysis.analisisUlang',
  'train-sentiment': 'adminReanalysis.pelatihanModelSentimen',
};
const STATES: Record<string, MessageKey> = {
  queued: 'adminReanalysis.antre',
  running: 'adminReanalysis.berjalan',
  completed: 'common.selesai',
  failed: 'common.gagal',
  superseded: 'adminReanalysis.digantikan',
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
          label: t('adminReanalysis.kemajuan', { kind: label(KINDS, job.kind) }),
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
      t('adminReanalysis.dariUnggahanBerubah', {
        value,
        processed: job.processed,
        total: job.total,
        changed: job.changed,
      }),
    ),
  );
}

/** Analisis ulang: the re-analysis, topic backfill and training jobs with their progress, refreshed while one runs. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const status = h('div', { class: 'form-status' });
  const list = h(
    'section',
    { class: 'card' },
    h('p', { class: 'loading' }, t('adminReanalysis.memuatPekerjaanAnalisis')),
  );
  let stopped = false;
  let timer: number | undefined;
  context.onLeave(() => {
    stopped = true;
    window.clearTimeout(timer);
  });
  const start = button(
    t('adminReanalysis.analisisUlangSemuaUnggahan'),
    () => {
      start.disabled = true;
      api
        .post<Job>('/api/analysis/reanalyze')
        .then((job) => {
          mount(status, notice('success', t('adminReanalysis.analisisUlangDimulai')));
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
      t('adminReanalysis.analisisUlang'),
      t('adminReanalysis.setelahLeksikonSlangKategori'),
      h('a', { href: '/admin/leksikon', class: 'btn btn-small' }, t('common.leksikonDanSlang')),
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
      h('header', { class: 'card-head' }, h('h2', null, t('adminReanalysis.pekerjaanTerbaru'))),
      listTable(
        [
          {
            header: t('common.jenis'),
            cell: (job: Job) =>
              h('span', { class: job.id === highlight ? 'badge badge-info' : undefined }, label(KINDS, job.kind)),
            csv: (job) => label(KINDS, job.kind),
          },
          { header: t('common.status'), cell: (job) => label(STATES, job.state) },
          { header: t('adminReanalysis.kemajuan2'), cell: (job) => progressBar(job), csv: (job) => percent(job) },
          {
            header: t('adminReanalysis.berubah'),
            cell: (job) => formatNumber(job.changed),
            csv: (job) => job.changed,
            numeric: true,
          },
          { header: t('adminReanalysis.dimulai'), cell: (job) => formatDateTime(job.startedAt ?? job.createdAt) },
          { header: t('common.selesai'), cell: (job) => formatDateTime(job.finishedAt) },
          { header: t('adminReanalysis.galat'), cell: (job) => job.error ?? '' },
        ],
        items,
        t('adminReanalysis.pekerjaanAnalisis'),
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

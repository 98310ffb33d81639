import { api, errorText, withQuery } from '../api.js';
import { listTable, pageHead } from '../components.js';
import { button, field, h, mount, notice, select } from '../dom.js';
import { formatDateTime, formatNumber, label } from '../format.js';
import type { PageContext } from '../router.js';

interface Source {
  id: string;
  name: string;
  type: string;
  status: string;
  demo: boolean;
  intervalSeconds: number;
  config: Record<string, unknown>;
  health: {
    status: string;
    lastRunAt: string | null;
    lastSuccessAt: string | null;
    lastError: string | null;
    consecutiveFailures: number;
    postsFetched: number;
    nextRunAt: string | null;
  };
}

interface ImportView {
  id: string;
  status: 'running' | 'completed' | 'failed';
  percent: number;
  read: number;
  stored: number;
  duplicates: number;
  rejected: number;
  error: string | null;
}

const HEALTH: Record<string, string> = {
  healthy: 'Sehat',
  unhealthy: 'Bermasalah',
  pending: 'Menunggu',
  paused: 'Dijeda',
  deleted: 'Dihapus',
  push: 'Kiriman (push)',
};

/** Example configuration per connector type, filled in when the type is chosen (see docs/sources.md). */
const CONFIG_EXAMPLES: Record<string, Record<string, unknown>> = {
  rss: { url: 'https://contoh.go.id/rss.xml' },
  mastodon: { baseUrl: 'https://mastodon.social', hashtag: 'banjir' },
  bluesky: { query: 'banjir samarinda', identifier: '', appPassword: '' },
  reddit: { subreddit: 'indonesia', query: 'banjir', clientId: '', clientSecret: '' },
  youtube: { query: 'banjir samarinda', apiKey: '' },
  x: { query: 'banjir samarinda', bearerToken: '' },
  meta: { pageId: '', accessToken: '' },
  telegram: { botToken: '' },
  push: {},
};

/** Sumber data: connectors and push sources, their health, schedule controls, and file import. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, 'Memuat sumber…'));
  mount(
    root,
    pageHead('Sumber data', 'Konektor platform, sumber kiriman (API key), dan impor berkas.'),
    list,
    h('div', { class: 'grid grid-2' }, createCard(context), importCard()),
  );
  try {
    const { items } = await api.get<{ items: Source[] }>('/api/sources');
    mount(
      list,
      h('header', { class: 'card-head' }, h('h2', null, 'Daftar sumber')),
      listTable(
        [
          {
            header: 'Nama',
            cell: (source: Source) =>
              h(
                'span',
                null,
                h('strong', null, source.name),
                source.demo ? h('span', { class: 'badge badge-info' }, ' Demo') : null,
              ),
            csv: (source) => source.name,
          },
          { header: 'Jenis', cell: (source) => source.type },
          {
            header: 'Kondisi',
            cell: (source) =>
              h('span', { class: `badge health-${source.health.status}` }, label(HEALTH, source.health.status)),
          },
          { header: 'Terakhir berhasil', cell: (source) => formatDateTime(source.health.lastSuccessAt) },
          {
            header: 'Unggahan',
            cell: (source) => formatNumber(source.health.postsFetched),
            csv: (source) => source.health.postsFetched,
            numeric: true,
          },
          { header: 'Galat terakhir', cell: (source) => source.health.lastError ?? '–' },
          { header: 'Tindakan', cell: (source) => sourceActions(source, context), csv: () => '' },
        ],
        items,
        'Sumber data',
        'sumber',
      ),
    );
  } catch (error) {
    mount(list, notice('error', errorText(error)));
  }
}

function sourceActions(source: Source, context: PageContext): HTMLElement {
  const status = h('span', { class: 'form-status' });
  const run = (promise: Promise<unknown>, done?: string) =>
    promise
      .then(() => (done ? mount(status, notice('success', done)) : context.refresh()))
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  const path = `/api/sources/${encodeURIComponent(source.id)}`;
  const named = (verb: string) => ({ label: `${verb} sumber ${source.name}` });
  return h(
    'div',
    { class: 'actions' },
    source.type !== 'push'
      ? button('Jalankan', () => void run(api.post(`${path}/run`), 'Pengambilan dimulai.'), {
          class: 'btn btn-small',
          aria: named('Jalankan'),
        })
      : null,
    source.type !== 'push'
      ? source.status === 'paused'
        ? button('Lanjutkan', () => void run(api.post(`${path}/resume`)), {
            class: 'btn btn-small',
            aria: named('Lanjutkan'),
          })
        : button('Jeda', () => void run(api.post(`${path}/pause`)), { class: 'btn btn-small', aria: named('Jeda') })
      : button(
          'API key baru',
          () =>
            void api
              .post<{ key: string }>(`${path}/api-keys`)
              .then((key) =>
                mount(
                  status,
                  h(
                    'span',
                    { class: 'notice notice-info' },
                    'Simpan sekarang, hanya ditampilkan sekali: ',
                    h('code', null, key.key),
                  ),
                ),
              )
              .catch((error: unknown) => mount(status, notice('error', errorText(error)))),
          { class: 'btn btn-small', aria: named('Buat API key untuk') },
        ),
    button(
      'Hapus',
      () => {
        if (window.confirm(`Hapus sumber "${source.name}"? Unggahannya tetap disimpan.`)) {
          void run(api.delete(path));
        }
      },
      { class: 'btn btn-small btn-danger', aria: named('Hapus') },
    ),
    status,
  );
}

function createCard(context: PageContext): HTMLElement {
  const types = Object.keys(CONFIG_EXAMPLES);
  const type = select(
    types.map((value) => ({ value, label: value })),
    'rss',
  );
  const name = h('input', { type: 'text', maxlength: 120, required: true });
  const interval = h('input', { type: 'number', value: '900', min: '60', step: '60' });
  const config = h('textarea', { rows: 5, class: 'code-input', spellcheck: false });
  config.value = JSON.stringify(CONFIG_EXAMPLES.rss, null, 2);
  type.addEventListener('change', () => {
    config.value = JSON.stringify(CONFIG_EXAMPLES[type.value] ?? {}, null, 2);
  });
  const status = h('div', { class: 'form-status' });
  const form = h(
    'form',
    { class: 'stack', aria: { label: 'Sumber baru' } },
    h('div', { class: 'grid grid-2' }, field('Jenis', type), field('Nama', name)),
    field('Konfigurasi (JSON)', config, 'Kredensial disimpan terenkripsi dan hanya ditampilkan tersamar.'),
    field('Selang pengambilan (detik)', interval),
    status,
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Tambah sumber'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(config.value || '{}');
    } catch {
      mount(status, notice('error', 'Konfigurasi bukan JSON yang valid.'));
      return;
    }
    api
      .post<{ apiKey?: { key: string } }>('/api/sources', {
        type: type.value,
        name: name.value.trim(),
        config: parsed,
        intervalSeconds: Number(interval.value),
      })
      .then((created) => {
        if (created.apiKey) {
          mount(
            status,
            h(
              'p',
              { class: 'notice notice-info' },
              'Sumber dibuat. API key (hanya ditampilkan sekali): ',
              h('code', null, created.apiKey.key),
            ),
          );
        } else {
          context.refresh();
        }
      })
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  });
  return h('section', { class: 'card' }, h('header', { class: 'card-head' }, h('h2', null, 'Sumber baru')), form);
}

function importCard(): HTMLElement {
  const source = h('input', { type: 'text', maxlength: 120, required: true });
  const file = h('input', {
    type: 'file',
    accept: '.csv,.jsonl,.ndjson,text/csv,application/x-ndjson',
    required: true,
  });
  const status = h('div', { class: 'form-status' });
  const form = h(
    'form',
    { class: 'stack', aria: { label: 'Impor berkas' } },
    field('Nama sumber', source, 'Dibuat sebagai sumber kiriman bila belum ada.'),
    field('Berkas CSV atau JSONL', file),
    status,
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Unggah dan impor'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      return;
    }
    const format = /\.(jsonl|ndjson)$/i.test(chosen.name) ? 'jsonl' : 'csv';
    const path = withQuery('/api/sources/import', { source: source.value.trim(), format, fileName: chosen.name });
    mount(status, notice('info', 'Mengunggah…'));
    api
      .upload<ImportView>(path, chosen, format === 'csv' ? 'text/csv' : 'application/x-ndjson')
      .then((started) => followImport(started.id, status))
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  });
  return h('section', { class: 'card' }, h('header', { class: 'card-head' }, h('h2', null, 'Impor berkas')), form);
}

function followImport(id: string, into: HTMLElement): void {
  const bar = h('span');
  const caption = h('p', { class: 'small' });
  mount(
    into,
    caption,
    h(
      'div',
      { class: 'progress', role: 'progressbar', aria: { label: 'Kemajuan impor', valuemin: '0', valuemax: '100' } },
      bar,
    ),
  );
  const tick = () =>
    api
      .get<ImportView>(`/api/sources/import/${encodeURIComponent(id)}`)
      .then((job) => {
        bar.style.width = `${Math.round(job.percent)}%`;
        caption.textContent = `${Math.round(job.percent)}% · ${formatNumber(job.stored)} disimpan, ${formatNumber(job.duplicates)} duplikat, ${formatNumber(job.rejected)} ditolak`;
        if (job.status === 'running') {
          window.setTimeout(() => void tick(), 1000);
        } else if (job.status === 'failed') {
          into.append(notice('error', job.error ?? 'Impor gagal.'));
        } else {
          into.append(notice('success', 'Impor selesai.'));
        }
      })
      .catch((error: unknown) => into.append(notice('error', errorText(error))));
  void tick();
}

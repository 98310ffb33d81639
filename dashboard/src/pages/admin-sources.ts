import { type MessageKey, t } from '../i18n.js';
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

const HEALTH: Record<string, MessageKey> = {
  healthy: 'adminSources.sehat',
  unhealthy: 'adminSources.bermasalah',
  pending: 'common.menunggu',
  paused: 'common.dijeda',
  deleted: 'adminSources.dihapus',
  push: 'adminSources.kirimanPush',
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
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, t('common.memuatSumber')));
  mount(
    root,
    pageHead(t('adminSources.sumberData'), t('adminSources.konektorPlatformSumberKiriman')),
    list,
    h('div', { class: 'grid grid-2' }, createCard(context), importCard()),
  );
  try {
    const { items } = await api.get<{ items: Source[] }>('/api/sources');
    mount(
      list,
      h('header', { class: 'card-head' }, h('h2', null, t('adminSources.daftarSumber'))),
      listTable(
        [
          {
            header: t('common.nama'),
            cell: (source: Source) =>
              h(
                'span',
                null,
                h('strong', null, source.name),
                source.demo ? h('span', { class: 'badge badge-info' }, t('adminSources.demo')) : null,
              ),
            csv: (source) => source.name,
          },
          { header: t('common.jenis'), cell: (source) => source.type },
          {
            header: t('adminSources.kondisi'),
            cell: (source) =>
              h('span', { class: `badge health-${source.health.status}` }, label(HEALTH, source.health.status)),
          },
          { header: t('adminSources.terakhirBerhasil'), cell: (source) => formatDateTime(source.health.lastSuccessAt) },
          {
            header: t('common.unggahan'),
            cell: (source) => formatNumber(source.health.postsFetched),
            csv: (source) => source.health.postsFetched,
            numeric: true,
          },
          { header: t('common.galatTerakhir'), cell: (source) => source.health.lastError ?? '–' },
          { header: t('common.tindakan'), cell: (source) => sourceActions(source, context), csv: () => '' },
        ],
        items,
        t('adminSources.sumberData'),
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
  const named = (verb: string) => ({ label: t('adminSources.actionOn', { verb, name: source.name }) });
  return h(
    'div',
    { class: 'actions' },
    source.type !== 'push'
      ? button(
          t('adminSources.jalankan'),
          () => void run(api.post(`${path}/run`), t('adminSources.pengambilanDimulai')),
          {
            class: 'btn btn-small',
            aria: named(t('adminSources.jalankan')),
          },
        )
      : null,
    source.type !== 'push'
      ? source.status === 'paused'
        ? button(t('common.lanjutkan'), () => void run(api.post(`${path}/resume`)), {
            class: 'btn btn-small',
            aria: named(t('common.lanjutkan')),
          })
        : button(t('common.jeda'), () => void run(api.post(`${path}/pause`)), {
            class: 'btn btn-small',
            aria: named(t('common.jeda')),
          })
      : button(
          t('adminSources.apiKeyBaru'),
          () =>
            void api
              .post<{ key: string }>(`${path}/api-keys`)
              .then((key) =>
                mount(
                  status,
                  h(
                    'span',
                    { class: 'notice notice-info' },
                    t('adminSources.simpanSekarangHanyaDitampilkan'),
                    h('code', null, key.key),
                  ),
                ),
              )
              .catch((error: unknown) => mount(status, notice('error', errorText(error)))),
          { class: 'btn btn-small', aria: named(t('adminSources.apiKeyBaruUntuk')) },
        ),
    button(
      t('common.hapus'),
      () => {
        if (window.confirm(t('adminSources.hapusSumberUnggahannyaTetap', { name: source.name }))) {
          void run(api.delete(path));
        }
      },
      { class: 'btn btn-small btn-danger', aria: named(t('common.hapus')) },
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
    { class: 'stack', aria: { label: t('adminSources.sumberBaru') } },
    h('div', { class: 'grid grid-2' }, field(t('common.jenis'), type), field(t('common.nama'), name)),
    field(t('adminSources.konfigurasiJson'), config, t('adminSources.kredensialDisimpanTerenkripsiDan')),
    field(t('adminSources.selangPengambilanDetik'), interval),
    status,
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('adminSources.tambahSumber')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(config.value || '{}');
    } catch {
      mount(status, notice('error', t('adminSources.konfigurasiBukanJsonYang')));
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
              t('adminSources.sumberDibuatApiKey'),
              h('code', null, created.apiKey.key),
            ),
          );
        } else {
          context.refresh();
        }
      })
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  });
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, t('adminSources.sumberBaru'))),
    form,
  );
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
    { class: 'stack', aria: { label: t('adminSources.imporBerkas') } },
    field(t('adminSources.namaSumber'), source, t('adminSources.dibuatSebagaiSumberKiriman')),
    field(t('adminSources.berkasCsvAtauJsonl'), file),
    status,
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('adminSources.unggahDanImpor')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      return;
    }
    const format = /\.(jsonl|ndjson)$/i.test(chosen.name) ? 'jsonl' : 'csv';
    const path = withQuery('/api/sources/import', { source: source.value.trim(), format, fileName: chosen.name });
    mount(status, notice('info', t('adminSources.mengunggah')));
    api
      .upload<ImportView>(path, chosen, format === 'csv' ? 'text/csv' : 'application/x-ndjson')
      .then((started) => followImport(started.id, status))
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  });
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, t('adminSources.imporBerkas'))),
    form,
  );
}

function followImport(id: string, into: HTMLElement): void {
  const bar = h('span');
  const caption = h('p', { class: 'small' });
  mount(
    into,
    caption,
    h(
      'div',
      {
        class: 'progress',
        role: 'progressbar',
        aria: { label: t('adminSources.kemajuanImpor'), valuemin: '0', valuemax: '100' },
      },
      bar,
    ),
  );
  const tick = () =>
    api
      .get<ImportView>(`/api/sources/import/${encodeURIComponent(id)}`)
      .then((job) => {
        bar.style.width = `${Math.round(job.percent)}%`;
        caption.textContent = t('adminSources.disimpanDuplikatDitolak', {
          percent: Math.round(job.percent),
          stored: job.stored,
          duplicates: job.duplicates,
          rejected: job.rejected,
        });
        if (job.status === 'running') {
          window.setTimeout(() => void tick(), 1000);
        } else if (job.status === 'failed') {
          into.append(notice('error', job.error ?? t('adminSources.imporGagal')));
        } else {
          into.append(notice('success', t('adminSources.imporSelesai')));
        }
      })
      .catch((error: unknown) => into.append(notice('error', errorText(error))));
  void tick();
}

import { api, errorText } from '../api.js';
import { pageHead } from '../components.js';
import { download } from '../csv.js';
import { button, field, h, mount, notice, select } from '../dom.js';
import { formatNumber } from '../format.js';
import type { PageContext } from '../router.js';

interface SourceItem {
  id: string;
  name: string;
}

interface ExportResult {
  posts: unknown[];
  corrections: unknown[];
  issues: unknown[];
}

interface EraseResult {
  mode: 'erase' | 'anonymise';
  posts: number;
  postTopics: number;
  issuePosts: number;
  corrections: number;
  detectionPosts: number;
  postKeys: number;
  authorStatsRows: number;
}

const MODES = {
  erase: {
    action: 'Hapus semua data',
    warning:
      'Semua unggahan akun ini pada sumber tersebut beserta turunannya (topik, keanggotaan isu, koreksi analis, data deteksi) akan dihapus permanen dan tidak dihitung lagi dalam statistik.',
    done: 'Data dihapus',
  },
  anonymise: {
    action: 'Anonimkan',
    warning:
      'Unggahan akun ini tetap dihitung dalam statistik, tetapi nama akun, tautan, data mentah dan penyebutan nama akun dalam teks diganti [ANONIM].',
    done: 'Data dianonimkan',
  },
} as const;

/**
 * Data pribadi: requests of data subjects (UU PDP) — export everything held about one author handle of one source as
 * a JSON file, or erase / anonymise it after a confirmation that repeats the handle (POST /api/admin/personal-data/*).
 * Every value the server returns is rendered as text.
 */
export async function render(root: HTMLElement, _context: PageContext): Promise<void> {
  const status = h('div', { class: 'form-status' });
  const confirmArea = h('div');
  const card = h('section', { class: 'card' }, h('p', { class: 'loading' }, 'Memuat sumber…'));
  mount(
    root,
    pageHead(
      'Data pribadi',
      'Permintaan subjek data (UU PDP): unduh semua data yang tersimpan tentang satu akun penulis, atau hapus/anonimkan. Setiap permintaan dicatat di log audit tanpa nama akun.',
    ),
    status,
    card,
    confirmArea,
  );
  let sources: SourceItem[];
  try {
    sources = (await api.get<{ items: SourceItem[] }>('/api/sources')).items;
  } catch (error) {
    mount(card, notice('error', errorText(error)));
    return;
  }
  const source = select(
    sources.map((item) => ({ value: item.id, label: item.name })),
    sources[0]?.id ?? '',
    { required: true },
  );
  const handle = h('input', { type: 'text', required: true, maxlength: 300, placeholder: 'mis. @budi.santoso' });
  const request = () => ({ source: source.value, handle: handle.value.trim() });
  const sourceName = () => sources.find((item) => item.id === source.value)?.name ?? source.value;
  const ready = (): boolean => {
    if (!source.value || handle.value.trim().replace(/^@+/u, '') === '') {
      mount(status, notice('error', 'Pilih sumber dan isi nama akun penulis.'));
      return false;
    }
    return true;
  };

  const exportData = () => {
    if (!ready()) {
      return;
    }
    mount(status, notice('info', 'Menyiapkan berkas…'));
    const body = request();
    api
      .post<ExportResult>('/api/admin/personal-data/export', body)
      .then((result) => {
        const name = body.handle.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60) || 'akun';
        download(
          `data-pribadi-${name}.json`,
          new Blob([JSON.stringify(result, null, 2)], { type: 'application/json;charset=utf-8' }),
        );
        mount(
          status,
          notice(
            'success',
            `Berkas diunduh: ${formatNumber(result.posts.length)} unggahan, ${formatNumber(result.corrections.length)} koreksi, ${formatNumber(result.issues.length)} isu.`,
          ),
        );
      })
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  };

  const askToConfirm = (mode: keyof typeof MODES) => {
    if (!ready()) {
      return;
    }
    const body = request();
    const repeat = h('input', { type: 'text', required: true, maxlength: 300, autocomplete: 'off' });
    const confirm = h('button', { type: 'submit', class: 'btn btn-danger', disabled: true }, MODES[mode].action);
    repeat.addEventListener('input', () => {
      confirm.disabled = repeat.value.trim() !== body.handle;
    });
    const form = h(
      'form',
      { class: 'card', aria: { label: `Konfirmasi: ${MODES[mode].action}` } },
      h('h2', null, `Konfirmasi: ${MODES[mode].action}`),
      h('p', null, `Akun "${body.handle}" pada sumber "${sourceName()}".`),
      notice('info', `${MODES[mode].warning} Tindakan ini tidak dapat dibatalkan.`),
      field('Ketik ulang nama akun untuk mengonfirmasi', repeat),
      h(
        'div',
        { class: 'actions' },
        confirm,
        button('Batal', () => mount(confirmArea), { class: 'btn' }),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      confirm.disabled = true;
      api
        .post<EraseResult>('/api/admin/personal-data/erase', { ...body, mode })
        .then((result) => {
          mount(confirmArea);
          mount(
            status,
            notice(
              'success',
              `${MODES[mode].done}: ${formatNumber(result.posts)} unggahan, ${formatNumber(result.issuePosts)} keanggotaan isu, ${formatNumber(result.corrections)} koreksi, ${formatNumber(result.detectionPosts)} data deteksi.`,
            ),
          );
        })
        .catch((error: unknown) => {
          confirm.disabled = false;
          mount(status, notice('error', errorText(error)));
        });
    });
    mount(confirmArea, form);
    repeat.focus();
  };

  mount(
    card,
    h('header', { class: 'card-head' }, h('h2', null, 'Akun penulis')),
    h(
      'form',
      { class: 'filters', aria: { label: 'Akun penulis' }, on: { submit: (event: Event) => event.preventDefault() } },
      field('Sumber', source),
      field('Nama akun penulis', handle, 'Seperti tersimpan; tanda @ dan huruf besar/kecil tidak dibedakan.'),
    ),
    h(
      'div',
      { class: 'actions' },
      button('Unduh data (JSON)', exportData, { class: 'btn btn-primary' }),
      button('Anonimkan…', () => askToConfirm('anonymise'), { class: 'btn' }),
      button('Hapus semua data…', () => askToConfirm('erase'), { class: 'btn btn-danger' }),
    ),
  );
}

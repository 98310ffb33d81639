import { t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { pageHead } from '../components.js';
import { download } from '../csv.js';
import { button, field, h, mount, notice, select } from '../dom.js';

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
    action: 'adminPersonalData.hapusSemuaData',
    warning: 'adminPersonalData.semuaUnggahanAkunIni',
    done: 'adminPersonalData.dataDihapus',
  },
  anonymise: {
    action: 'adminPersonalData.anonimkan',
    warning: 'adminPersonalData.unggahanAkunIniTetap',
    done: 'adminPersonalData.dataDianonimkan',
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
  const card = h('section', { class: 'card' }, h('p', { class: 'loading' }, t('common.memuatSumber')));
  mount(
    root,
    pageHead(t('adminPersonalData.dataPribadi'), t('adminPersonalData.permintaanSubjekDataUu')),
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
  const handle = h('input', {
    type: 'text',
    required: true,
    maxlength: 300,
    placeholder: t('adminPersonalData.misBudiSantoso'),
  });
  const request = () => ({ source: source.value, handle: handle.value.trim() });
  const sourceName = () => sources.find((item) => item.id === source.value)?.name ?? source.value;
  const ready = (): boolean => {
    if (!source.value || handle.value.trim().replace(/^@+/u, '') === '') {
      mount(status, notice('error', t('adminPersonalData.pilihSumberDanIsi')));
      return false;
    }
    return true;
  };

  const exportData = () => {
    if (!ready()) {
      return;
    }
    mount(status, notice('info', t('adminPersonalData.menyiapkanBerkas')));
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
            t('adminPersonalData.berkasDiunduhUnggahanKoreksi', {
              postsCount: result.posts.length,
              correctionsCount: result.corrections.length,
              issuesCount: result.issues.length,
            }),
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
    const confirm = h('button', { type: 'submit', class: 'btn btn-danger', disabled: true }, t(MODES[mode].action));
    repeat.addEventListener('input', () => {
      confirm.disabled = repeat.value.trim() !== body.handle;
    });
    const form = h(
      'form',
      { class: 'card', aria: { label: t('adminPersonalData.konfirmasi', { action: t(MODES[mode].action) }) } },
      h('h2', null, t('adminPersonalData.konfirmasi', { action: t(MODES[mode].action) })),
      h('p', null, t('adminPersonalData.akunPadaSumber', { handle: body.handle, sourceName: sourceName() })),
      notice('info', t('adminPersonalData.tindakanIniTidakDapat', { warning: t(MODES[mode].warning) })),
      field(t('adminPersonalData.ketikUlangNamaAkun'), repeat),
      h(
        'div',
        { class: 'actions' },
        confirm,
        button(t('common.batal'), () => mount(confirmArea), { class: 'btn' }),
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
              t('adminPersonalData.unggahanKeanggotaanIsuKoreksi', {
                done: t(MODES[mode].done),
                posts: result.posts,
                issuePosts: result.issuePosts,
                corrections: result.corrections,
                detectionPosts: result.detectionPosts,
              }),
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
    h('header', { class: 'card-head' }, h('h2', null, t('adminPersonalData.akunPenulis'))),
    h(
      'form',
      {
        class: 'filters',
        aria: { label: t('adminPersonalData.akunPenulis') },
        on: { submit: (event: Event) => event.preventDefault() },
      },
      field(t('common.sumber'), source),
      field(t('adminPersonalData.namaAkunPenulis'), handle, t('adminPersonalData.sepertiTersimpanTandaDan')),
    ),
    h(
      'div',
      { class: 'actions' },
      button(t('adminPersonalData.unduhDataJson'), exportData, { class: 'btn btn-primary' }),
      button(t('adminPersonalData.anonimkan2'), () => askToConfirm('anonymise'), { class: 'btn' }),
      button(t('adminPersonalData.hapusSemuaData2'), () => askToConfirm('erase'), { class: 'btn btn-danger' }),
    ),
  );
}

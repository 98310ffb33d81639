import { locale, type MessageKey, t } from '../i18n.js';
import type { BriefHeader } from '../../../src/briefs/brief-header.js';
import { api, errorText } from '../api.js';
import { renderSection, type SectionContent, sectionToText, textToSection } from '../brief-text.js';
import { type ChartCard, chartCard, PALETTE } from '../charts.js';
import { pageHead } from '../components.js';
import { download } from '../csv.js';
import { button, field, h, mount, notice } from '../dom.js';
import { formatBucket, formatDate, formatDateTime, label } from '../format.js';
import type { PageContext } from '../router.js';
import { can } from '../session.js';
import { BRIEF_STATES, type BriefListItem, briefStateBadge } from './briefs.js';

type SectionKey = 'dasar' | 'persoalan' | 'praanggapan' | 'fakta' | 'analisis' | 'kesimpulan' | 'saran';

interface BriefView extends BriefListItem {
  sections: Partial<Record<SectionKey, SectionContent>>;
  header: BriefHeader;
  figures: { hourly?: { hourStart: string; posts: number }[]; zoneLabel?: string };
  decidedBy: string | null;
}

interface BriefVersion {
  version: number;
  action: string;
  state: string;
  sections: Partial<Record<SectionKey, SectionContent>>;
  comment: string | null;
  actorUsername: string | null;
  at: string;
}

interface Template {
  letterhead?: { government?: string; office?: string; lines?: string[] };
  titles?: { kesimpulan?: string; saran?: string };
}

const SECTION_ORDER: { key: SectionKey; title: MessageKey; optional?: boolean }[] = [
  { key: 'persoalan', title: 'briefEditor.persoalan' },
  { key: 'dasar', title: 'briefEditor.dasar', optional: true },
  { key: 'praanggapan', title: 'briefEditor.praanggapan', optional: true },
  { key: 'fakta', title: 'briefEditor.faktaFaktaYangMempengaruhi' },
  { key: 'analisis', title: 'briefEditor.analisis' },
  { key: 'kesimpulan', title: 'briefEditor.kesimpulan' },
  { key: 'saran', title: 'briefEditor.saranTindak' },
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
const HEADER_LABELS: [keyof Omit<BriefHeader, 'penandatangan'>, MessageKey][] = [
  ['kepada', 'briefEditor.kepada'],
  ['melalui', 'briefEditor.melalui'],
  ['dari', 'briefEditor.dari'],
  ['tanggal', 'briefEditor.tanggal'],
  ['nomor', 'briefEditor.nomor'],
  ['sifat', 'briefEditor.sifat'],
  ['lampiran', 'briefEditor.lampiran'],
  ['hal', 'briefEditor.hal'],
];
const ACTIONS: Record<string, MessageKey> = {
  create: 'briefEditor.action.create',
  edit: 'briefEditor.action.edit',
  submit: 'briefEditor.action.submit',
  return: 'briefEditor.action.return',
  approve: 'briefEditor.action.approve',
};

/** Telaahan editor: the sections as editable text beside a live preview in the official layout, and the workflow. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const id = context.params.id;
  let brief: BriefView;
  try {
    brief = await api.get<BriefView>(`/api/briefs/${encodeURIComponent(id)}`);
  } catch (error) {
    mount(
      root,
      pageHead(t('common.telaahanStaf')),
      notice('error', errorText(error)),
      h('a', { href: '/telaahan' }, t('briefEditor.kembaliKeDaftarTelaahan')),
    );
    return;
  }
  const [versions, template] = await Promise.all([
    api
      .get<{ items: BriefVersion[] }>(`/api/briefs/${encodeURIComponent(id)}/versions`)
      .catch(() => ({ items: [] as BriefVersion[] })),
    can('admin')
      ? api.get<Template>('/api/settings/brief-template').catch((): Template => ({}))
      : Promise.resolve({} as Template),
  ]);
  const editable = can('analyst', 'admin') && (brief.state === 'draft' || brief.state === 'returned');
  const decides = can('pimpinan', 'admin') && brief.state === 'submitted';
  const charts: ChartCard[] = [];
  context.onLeave(() => charts.forEach((chart) => chart.destroy()));

  const status = h('div', { class: 'form-status' });
  const preview = h('article', {
    class: 'brief-paper',
    lang: 'id',
    aria: { label: t('briefEditor.pratinjauTelaahan') },
  });
  const editors = new Map<SectionKey, HTMLTextAreaElement>();
  const headerInputs = new Map<string, HTMLInputElement>();

  const current = (): { sections: BriefView['sections']; header: BriefHeader } => {
    if (!editable) {
      return { sections: brief.sections, header: brief.header };
    }
    const sections: BriefView['sections'] = {};
    for (const [key, editor] of editors) {
      if (editor.value.trim()) {
        sections[key] = textToSection(editor.value);
      }
    }
    const header = { ...brief.header, penandatangan: { ...brief.header.penandatangan } };
    for (const [name, input] of headerInputs) {
      if (name.startsWith('penandatangan.')) {
        header.penandatangan[name.slice('penandatangan.'.length) as keyof BriefHeader['penandatangan']] = input.value;
      } else {
        header[name as keyof Omit<BriefHeader, 'penandatangan'>] = input.value;
      }
    }
    return { sections, header };
  };

  const chartPlace = () => {
    const hourly = brief.figures.hourly ?? [];
    const card = chartCard({
      title: t('briefEditor.volumeUnggahanPerJam'),
      file: `telaahan-${brief.id}-volume`,
      summary: t('briefEditor.hours', { count: hourly.length }),
      height: 200,
      config: {
        type: 'bar',
        data: {
          labels: hourly.map((point) => formatBucket(point.hourStart, 'hour')),
          datasets: [
            { label: t('common.unggahan'), data: hourly.map((point) => point.posts), backgroundColor: PALETTE[0] },
          ],
        },
        options: {
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      },
      table: {
        header: [t('common.jam'), t('common.unggahan')],
        rows: hourly.map((point) => [formatDateTime(point.hourStart), point.posts]),
      },
    });
    charts.push(card);
    // The chart's tools and table are the dashboard's, in the reader's language, inside the Indonesian document.
    card.element.lang = locale();
    return h('figure', { class: 'brief-chart' }, card.element);
  };

  const renderPreview = () => {
    charts.splice(0).forEach((chart) => chart.destroy());
    const { sections, header } = current();
    const titles: Partial<Record<SectionKey, string>> = {
      kesimpulan: template.titles?.kesimpulan,
      saran: template.titles?.saran,
    };
    const present = SECTION_ORDER.filter((section) => sections[section.key]);
    mount(
      preview,
      h(
        'header',
        { class: 'brief-kop' },
        h(
          'p',
          { class: 'kop-gov' },
          (template.letterhead?.government ?? t('briefEditor.pemerintahDaerah')).toUpperCase(),
        ),
        h(
          'p',
          { class: 'kop-office' },
          (template.letterhead?.office ?? t('briefEditor.dinasKomunikasiDanInformatika')).toUpperCase(),
        ),
        (template.letterhead?.lines ?? []).map((line) => h('p', { class: 'kop-line' }, line)),
      ),
      h('h2', { class: 'brief-title' }, t('briefEditor.telaahanStaf')),
      h(
        'table',
        { class: 'brief-head' },
        h(
          'tbody',
          null,
          HEADER_LABELS.filter(([key]) => key !== 'melalui' || (header.melalui && header.melalui !== '–')).map(
            ([key, text]) =>
              h(
                'tr',
                null,
                h('th', { scope: 'row' }, t(text)),
                h('td', null, ':'),
                h(
                  'td',
                  null,
                  key === 'tanggal' && header.tanggal ? formatDate(header.tanggal, 'id-ID') : header[key] || '–',
                ),
              ),
          ),
        ),
      ),
      present.map((section, index) =>
        h(
          'section',
          { class: 'brief-section' },
          h('h3', null, `${ROMAN[index]}. ${(titles[section.key] ?? t(section.title)).toUpperCase()}`),
          renderSection(sections[section.key], chartPlace),
        ),
      ),
      h(
        'div',
        { class: 'brief-sign' },
        h('p', null, `${header.penandatangan.jabatan},`),
        h('div', { class: 'sign-space' }),
        h('p', { class: 'sign-name' }, header.penandatangan.nama || t('briefEditor.nama')),
        header.penandatangan.pangkat ? h('p', null, header.penandatangan.pangkat) : null,
        h('p', null, t('briefEditor.nip', { value: header.penandatangan.nip || '–' })),
      ),
    );
  };

  let timer: number | undefined;
  const schedulePreview = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(renderPreview, 250);
  };
  context.onLeave(() => window.clearTimeout(timer));

  const act = (path: string, body: unknown, done: string) =>
    api
      .post(`/api/briefs/${encodeURIComponent(brief.id)}/${path}`, body)
      .then(() => {
        mount(status, notice('success', done));
        context.refresh();
      })
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));

  const save = async (): Promise<boolean> => {
    try {
      await api.patch(`/api/briefs/${encodeURIComponent(brief.id)}`, current());
      return true;
    } catch (error) {
      mount(status, notice('error', errorText(error)));
      return false;
    }
  };

  let form: HTMLElement | null = null;
  if (editable) {
    const headerFields = HEADER_LABELS.map(([key, text]) => {
      const input = h('input', { type: key === 'tanggal' ? 'date' : 'text', value: brief.header[key] ?? '' });
      input.addEventListener('input', schedulePreview);
      headerInputs.set(key, input);
      return field(t(text), input);
    });
    const signFields = (['jabatan', 'nama', 'pangkat', 'nip'] as const).map((key) => {
      const input = h('input', { type: 'text', value: brief.header.penandatangan[key] ?? '' });
      input.addEventListener('input', schedulePreview);
      headerInputs.set(`penandatangan.${key}`, input);
      return field(
        {
          jabatan: t('briefEditor.jabatanPenandaTangan'),
          nama: t('briefEditor.namaPenandaTangan'),
          pangkat: t('briefEditor.pangkatGolongan'),
          nip: 'NIP',
        }[key],
        input,
      );
    });
    const sectionFields = SECTION_ORDER.map((section) => {
      const editor = h('textarea', { rows: 6, spellcheck: true });
      editor.value = sectionToText(brief.sections[section.key]);
      editor.addEventListener('input', schedulePreview);
      editors.set(section.key, editor);
      return field(`${t(section.title)}${section.optional ? t('briefEditor.bolehKosong') : ''}`, editor);
    });
    form = h(
      'div',
      { class: 'stack' },
      h(
        'details',
        { class: 'card' },
        h('summary', null, t('briefEditor.kepalaSuratDanPenanda')),
        h('div', { class: 'grid grid-2 brief-fields' }, headerFields, signFields),
      ),
      h(
        'section',
        { class: 'card stack' },
        h('p', { class: 'muted small' }, t('briefEditor.paragrafDipisahBarisKosong')),
        sectionFields,
      ),
      h(
        'div',
        { class: 'actions' },
        button(
          t('briefEditor.simpanDraf'),
          () =>
            void save().then((ok) => {
              if (ok) {
                context.refresh();
              }
            }),
          { class: 'btn' },
        ),
        button(
          t('briefEditor.ajukanKepadaPimpinan'),
          () =>
            void save().then(async (ok) => {
              if (ok) {
                await act('submit', {}, t('briefEditor.telaahanDiajukan'));
              }
            }),
          { class: 'btn btn-primary' },
        ),
      ),
    );
  }

  const comment = h('textarea', { rows: 3, maxlength: 2000 });
  const decision = decides
    ? h(
        'section',
        { class: 'card stack' },
        h('h2', null, t('briefEditor.keputusanPimpinan')),
        field(t('briefEditor.catatanWajibBilaDikembalikan'), comment),
        h(
          'div',
          { class: 'actions' },
          button(
            t('briefEditor.setujui'),
            () =>
              void act(
                'approve',
                comment.value.trim() ? { comment: comment.value.trim() } : {},
                t('briefEditor.telaahanDisetujui'),
              ),
            { class: 'btn btn-primary' },
          ),
          button(
            t('briefEditor.kembalikan'),
            () =>
              void act('return', { comment: comment.value.trim() }, t('briefEditor.telaahanDikembalikanKepadaAnalis')),
            { class: 'btn btn-danger' },
          ),
        ),
      )
    : null;

  const exportButton = (format: 'docx' | 'pdf') =>
    button(
      format.toUpperCase(),
      () =>
        void fetch(`/api/briefs/${encodeURIComponent(brief.id)}/export?format=${format}`, {
          credentials: 'same-origin',
        })
          .then(async (response) => {
            if (!response.ok) {
              throw new Error(
                response.status === 404
                  ? t('briefEditor.unduhanDokumenBelumTersedia')
                  : t('briefEditor.unduhanGagal', { status: response.status }),
              );
            }
            download(`telaahan-${brief.id}.${format}`, await response.blob());
          })
          .catch((error: unknown) =>
            mount(status, notice('error', error instanceof Error ? error.message : t('common.unduhanGagal'))),
          ),
      { class: 'btn btn-small', aria: { label: t('briefEditor.unduh', { toUpperCase: format.toUpperCase() }) } },
    );

  mount(
    root,
    pageHead(
      brief.title,
      t('briefEditor.versiDiubah', {
        version: brief.version,
        state: label(BRIEF_STATES, brief.state),
        updatedAt: formatDateTime(brief.updatedAt),
      }),
      briefStateBadge(brief.state),
      brief.issueId
        ? h('a', { href: `/isu/${encodeURIComponent(brief.issueId)}`, class: 'btn btn-small' }, t('common.lihatIsu'))
        : null,
      exportButton('docx'),
      exportButton('pdf'),
    ),
    status,
    brief.decisionNote
      ? notice(
          brief.state === 'returned' ? 'error' : 'info',
          t('briefEditor.catatanPimpinan', { decisionNote: brief.decisionNote }),
        )
      : null,
    decision,
    h(
      'div',
      { class: form ? 'grid grid-2 brief-layout' : 'brief-layout' },
      form,
      h('div', null, h('h2', { class: 'visually-hidden' }, t('common.pratinjau')), preview),
    ),
    historyCard(versions.items),
  );
  renderPreview();
}

function historyCard(versions: BriefVersion[]): HTMLElement {
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, t('briefEditor.riwayatVersi'))),
    h(
      'ul',
      { class: 'list-plain' },
      [...versions].reverse().map((version, index, all) => {
        const previous = all[index + 1];
        const changed = previous
          ? SECTION_ORDER.filter(
              (section) =>
                sectionToText(version.sections[section.key]) !== sectionToText(previous.sections[section.key]),
            ).map((section) => t(section.title))
          : [];
        return h(
          'li',
          null,
          h(
            'div',
            { class: 'row-between' },
            h(
              'span',
              null,
              h('strong', null, t('briefEditor.versi', { version: version.version })),
              ` ${t('briefEditor.actionBy', { action: label(ACTIONS, version.action), actor: version.actorUsername ?? t('common.system') })}`,
            ),
            h('span', { class: 'muted small' }, formatDateTime(version.at)),
          ),
          version.comment ? h('p', { class: 'small' }, t('briefEditor.catatan', { comment: version.comment })) : null,
          changed.length > 0
            ? h('p', { class: 'muted small' }, t('briefEditor.bagianYangBerubah', { changed: changed.join(', ') }))
            : null,
        );
      }),
    ),
  );
}

import { t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { listTable, pageHead } from '../components.js';
import { field, h, mount, notice } from '../dom.js';
import { formatDateTime } from '../format.js';
import type { PageContext } from '../router.js';

interface Overrides<T> {
  entries: Record<string, T>;
  updatedAt: string | null;
}

interface Saved {
  reanalysis: { id: string } | null;
}

/** Leksikon dan slang: the local sentiment words and slang forms that override the built-in ones. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const lexiconCard = h('section', { class: 'card' }, h('p', { class: 'loading' }, t('adminLexicon.memuatLeksikon')));
  const slangCard = h('section', { class: 'card' }, h('p', { class: 'loading' }, t('adminLexicon.memuatSlang')));
  mount(
    root,
    pageHead(
      t('common.leksikonDanSlang'),
      t('adminLexicon.kataSentimenDanBentuk'),
      h('a', { href: '/admin/analisis-ulang', class: 'btn btn-small' }, t('adminLexicon.kemajuanAnalisisUlang')),
    ),
    h('div', { class: 'grid grid-2' }, lexiconCard, slangCard),
  );
  try {
    const [lexicon, slang] = await Promise.all([
      api.get<Overrides<number>>('/api/analysis/lexicon'),
      api.get<Overrides<string>>('/api/analysis/slang'),
    ]);
    mount(
      lexiconCard,
      editor({
        title: t('adminLexicon.kataSentimenSetempat'),
        hint: t('adminLexicon.satuBarisPerKata'),
        path: '/api/analysis/lexicon',
        overrides: lexicon,
        format: (value) => String(value),
        parse: (value) => Number(value.replace(',', '.')),
        header: [t('adminLexicon.kata'), t('adminLexicon.bobot')],
        file: 'leksikon-setempat',
        context,
      }),
    );
    mount(
      slangCard,
      editor({
        title: t('adminLexicon.slangSetempat'),
        hint: t('adminLexicon.satuBarisPerBentuk'),
        path: '/api/analysis/slang',
        overrides: slang,
        format: (value) => value,
        parse: (value) => value,
        header: [t('adminLexicon.slang'), t('adminLexicon.bentukBaku')],
        file: 'slang-setempat',
        context,
      }),
    );
  } catch (error) {
    mount(lexiconCard, notice('error', errorText(error)));
    slangCard.remove();
  }
}

interface EditorOptions<T> {
  title: string;
  hint: string;
  path: string;
  overrides: Overrides<T>;
  format: (value: T) => string;
  parse: (value: string) => T;
  header: [string, string];
  file: string;
  context: PageContext;
}

/** A `key = value` textarea (saved with PUT, which replaces the whole set) and the entries in force as a table. */
function editor<T>(options: EditorOptions<T>): HTMLElement {
  const entries = Object.entries(options.overrides.entries).sort(([a], [b]) => a.localeCompare(b, 'id'));
  const text = h('textarea', {
    rows: 10,
    spellcheck: false,
    class: 'code-input',
    value: entries.map(([key, value]) => `${key} = ${options.format(value)}`).join('\n'),
  });
  const reanalyze = h('input', { type: 'checkbox', checked: true });
  const status = h('div', { class: 'form-status' });
  const form = h(
    'form',
    { aria: { label: options.title } },
    field(options.title, text, options.hint),
    h('label', { class: 'check' }, reanalyze, t('common.analisisUlangSemuaUnggahan')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('adminLexicon.simpan'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body: Record<string, T> = {};
    const problems: string[] = [];
    text.value.split('\n').forEach((line, index) => {
      if (!line.trim()) {
        return;
      }
      const at = line.indexOf('=');
      if (at <= 0) {
        problems.push(t('adminLexicon.barisTulisKataNilai', { value: index + 1 }));
        return;
      }
      body[line.slice(0, at).trim()] = options.parse(line.slice(at + 1).trim());
    });
    if (problems.length > 0) {
      mount(status, notice('error', problems.join('; ')));
      return;
    }
    api
      .put<Saved>(`${options.path}${reanalyze.checked ? '' : '?reanalyze=false'}`, body)
      .then((saved) =>
        saved.reanalysis
          ? options.context.navigate(`/admin/analisis-ulang?job=${encodeURIComponent(saved.reanalysis.id)}`)
          : options.context.refresh(),
      )
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  });
  return h(
    'div',
    null,
    h('header', { class: 'card-head' }, h('h2', null, options.title)),
    h(
      'p',
      { class: 'muted small' },
      t('adminLexicon.terakhirDiubah', { updatedAt: formatDateTime(options.overrides.updatedAt) }),
    ),
    form,
    status,
    listTable(
      [
        { header: options.header[0], cell: (row: [string, T]) => row[0] },
        { header: options.header[1], cell: (row) => options.format(row[1]) },
      ],
      entries,
      options.title,
      options.file,
    ),
  );
}

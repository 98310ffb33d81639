import { t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { listTable, pageHead } from '../components.js';
import { field, h, mount, notice } from '../dom.js';
import { formatNumber } from '../format.js';
import type { PageContext } from '../router.js';

/** GET /api/categories items (src/topics/analysis-rules.service.ts, CategoryView). */
interface CategoryRule {
  slug: string;
  name: string;
  opd: string;
  severityWeight: number;
  keywords: { term: string; weight: number; opd?: string }[];
  customKeywords: boolean;
}

interface Saved {
  reanalysis?: { id: string } | null;
}

/** Kategori dan OPD: each category's name, the OPD that handles it, and its keyword rules. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const body = h('div', null, h('p', { class: 'loading' }, t('adminCategories.memuatKategori')));
  const status = h('div', { class: 'form-status' });
  mount(
    root,
    pageHead(t('adminCategories.kategoriDanOpd'), t('adminCategories.kategoriMenentukanOpdPenanggung')),
    status,
    body,
  );
  let categories: CategoryRule[];
  try {
    categories = await api.get<CategoryRule[]>('/api/categories');
  } catch (error) {
    mount(body, notice('error', errorText(error)));
    return;
  }
  const detail = h('section', { class: 'card' });
  const open = (category: CategoryRule) => {
    mount(detail, categoryForm(category, status, context));
    detail.querySelector('input')?.focus();
  };
  mount(
    body,
    h(
      'section',
      { class: 'card' },
      h('header', { class: 'card-head' }, h('h2', null, t('adminCategories.daftarKategori'))),
      listTable(
        [
          {
            header: t('common.kategori'),
            cell: (category: CategoryRule) =>
              h(
                'button',
                {
                  type: 'button',
                  class: 'btn-link',
                  aria: { label: t('adminCategories.ubahKategori', { name: category.name }) },
                  on: { click: () => open(category) },
                },
                category.name,
              ),
            csv: (category) => category.name,
          },
          {
            header: t('adminCategories.slug'),
            cell: (category) => h('span', { class: 'mono small' }, category.slug),
            csv: (c) => c.slug,
          },
          { header: 'OPD', cell: (category) => category.opd },
          {
            header: t('common.kataKunci'),
            cell: (category) =>
              `${formatNumber(category.keywords.length)}${category.customKeywords ? t('adminCategories.disesuaikan') : t('adminCategories.bawaan')}`,
            csv: (category) => category.keywords.length,
          },
          {
            header: t('adminCategories.bobotKeparahan'),
            cell: (c) => String(c.severityWeight),
            csv: (c) => c.severityWeight,
          },
        ],
        categories,
        t('common.kategori'),
        'kategori',
      ),
    ),
    detail,
  );
  const first = categories.find((category) => category.slug === context.query.get('slug')) ?? categories[0];
  if (first) {
    mount(detail, categoryForm(first, status, context));
  }
}

function categoryForm(category: CategoryRule, status: HTMLElement, context: PageContext): HTMLElement {
  const name = h('input', { type: 'text', required: true, maxlength: 80, value: category.name });
  const opd = h('input', { type: 'text', required: true, maxlength: 120, value: category.opd });
  const keywords = h('textarea', {
    rows: 12,
    spellcheck: false,
    class: 'code-input',
    value: category.keywords
      .map((keyword) => [keyword.term, String(keyword.weight), keyword.opd ?? ''].filter(Boolean).join(' | '))
      .join('\n'),
  });
  const reanalyze = h('input', { type: 'checkbox', checked: true });
  const form = h(
    'form',
    { aria: { label: t('adminCategories.ubahKategori', { name: category.name }) } },
    h(
      'div',
      { class: 'filters' },
      field(t('adminCategories.namaKategori'), name),
      field(t('common.opdPenanggungJawab'), opd),
    ),
    field(t('common.kataKunci'), keywords, t('adminCategories.satuBarisPerKata')),
    h('label', { class: 'check' }, reanalyze, t('common.analisisUlangSemuaUnggahan')),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('adminCategories.simpanKategori')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const rules: { term: string; weight: number; opd?: string }[] = [];
    const problems: string[] = [];
    keywords.value.split('\n').forEach((line, index) => {
      if (!line.trim()) {
        return;
      }
      const [term, weight, keywordOpd] = line.split('|').map((part) => part.trim());
      const value = Number((weight ?? '').replace(',', '.'));
      if (!term || !Number.isFinite(value)) {
        problems.push(t('adminCategories.barisTulisKataBobot', { value: index + 1 }));
        return;
      }
      rules.push({ term, weight: value, ...(keywordOpd ? { opd: keywordOpd } : {}) });
    });
    if (problems.length > 0) {
      mount(status, notice('error', problems.join('; ')));
      return;
    }
    api
      .patch<Saved>(
        `/api/categories/${encodeURIComponent(category.slug)}${reanalyze.checked ? '' : '?reanalyze=false'}`,
        { name: name.value.trim(), opd: opd.value.trim(), keywords: rules },
      )
      .then((saved) =>
        saved.reanalysis
          ? context.navigate(`/admin/analisis-ulang?job=${encodeURIComponent(saved.reanalysis.id)}`)
          : context.navigate(`/admin/kategori?slug=${encodeURIComponent(category.slug)}`),
      )
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  });
  return h(
    'div',
    null,
    h('header', { class: 'card-head' }, h('h2', null, t('adminCategories.ubahKategori2', { name: category.name }))),
    form,
  );
}

import { api, errorText } from '../api.js';
import { listTable, pageHead } from '../components.js';
import { button, h, mount, notice } from '../dom.js';
import { formatDateTime, label } from '../format.js';
import type { PageContext } from '../router.js';

export interface BriefListItem {
  id: string;
  issueId: string | null;
  kind: 'telaahan' | 'daily';
  title: string;
  state: 'draft' | 'submitted' | 'approved' | 'returned';
  version: number;
  revisionOf: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  updatedAt: string;
}

export const BRIEF_STATES: Record<string, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  returned: 'Dikembalikan',
  approved: 'Disetujui',
};

export function briefStateBadge(state: string): HTMLElement {
  return h('span', { class: `badge brief-${state}` }, label(BRIEF_STATES, state));
}

/** Telaahan: the staff analyses by state; the pimpinan finds what waits for a decision under "Diajukan". */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const state = context.query.get('state') ?? (context.session.role === 'pimpinan' ? 'submitted' : '');
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, 'Memuat telaahan…'));
  mount(
    root,
    pageHead(
      'Telaahan staf',
      'Telaahan dibuat dari halaman isu ("Buat telaahan"), disunting analis, lalu diajukan kepada pimpinan.',
      h(
        'div',
        { class: 'range-picker', role: 'group', aria: { label: 'Status telaahan' } },
        [['', 'Semua'], ...Object.entries(BRIEF_STATES)].map(([value, text]) =>
          button(text, () => context.navigate(`/telaahan${value ? `?state=${value}` : ''}`), {
            class: 'btn btn-small',
            aria: { pressed: String(value === state) },
          }),
        ),
      ),
    ),
    list,
  );
  try {
    const { items } = await api.get<{ items: BriefListItem[] }>('/api/briefs', { state: state || undefined });
    mount(
      list,
      listTable(
        [
          {
            header: 'Judul',
            cell: (brief: BriefListItem) => h('a', { href: `/telaahan/${encodeURIComponent(brief.id)}` }, brief.title),
            csv: (brief) => brief.title,
          },
          {
            header: 'Status',
            cell: (brief) => briefStateBadge(brief.state),
            csv: (brief) => label(BRIEF_STATES, brief.state),
          },
          { header: 'Versi', cell: (brief) => String(brief.version), csv: (brief) => brief.version, numeric: true },
          {
            header: 'Isu',
            cell: (brief) =>
              brief.issueId ? h('a', { href: `/isu/${encodeURIComponent(brief.issueId)}` }, 'Lihat isu') : '–',
            csv: (brief) => brief.issueId,
          },
          { header: 'Catatan pimpinan', cell: (brief) => brief.decisionNote ?? '' },
          { header: 'Diubah', cell: (brief) => formatDateTime(brief.updatedAt) },
        ],
        items,
        'Daftar telaahan',
        'telaahan',
      ),
    );
  } catch (error) {
    mount(list, notice('error', errorText(error)));
  }
}

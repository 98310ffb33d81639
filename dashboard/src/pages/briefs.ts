import { type MessageKey, t } from '../i18n.js';
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

export const BRIEF_STATES: Record<string, MessageKey> = {
  draft: 'briefs.draf',
  submitted: 'briefs.diajukan',
  returned: 'briefs.dikembalikan',
  approved: 'briefs.disetujui',
};

export function briefStateBadge(state: string): HTMLElement {
  return h('span', { class: `badge brief-${state}` }, label(BRIEF_STATES, state));
}

/** Telaahan: the staff analyses by state; the pimpinan finds what waits for a decision under "Diajukan". */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const state = context.query.get('state') ?? (context.session.role === 'pimpinan' ? 'submitted' : '');
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, t('briefs.memuatTelaahan')));
  mount(
    root,
    pageHead(
      t('common.telaahanStaf'),
      t('briefs.telaahanDibuatDariHalaman'),
      h(
        'div',
        { class: 'range-picker', role: 'group', aria: { label: t('briefs.statusTelaahan') } },
        [['', t('common.semua')], ...Object.entries(BRIEF_STATES).map(([value, key]) => [value, t(key)])].map(
          ([value, text]) =>
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
            header: t('common.judul'),
            cell: (brief: BriefListItem) => h('a', { href: `/telaahan/${encodeURIComponent(brief.id)}` }, brief.title),
            csv: (brief) => brief.title,
          },
          {
            header: t('common.status'),
            cell: (brief) => briefStateBadge(brief.state),
            csv: (brief) => label(BRIEF_STATES, brief.state),
          },
          {
            header: t('briefs.versi'),
            cell: (brief) => String(brief.version),
            csv: (brief) => brief.version,
            numeric: true,
          },
          {
            header: t('common.isu'),
            cell: (brief) =>
              brief.issueId ? h('a', { href: `/isu/${encodeURIComponent(brief.issueId)}` }, t('common.lihatIsu')) : '–',
            csv: (brief) => brief.issueId,
          },
          { header: t('briefs.catatanPimpinan'), cell: (brief) => brief.decisionNote ?? '' },
          { header: t('common.diubah'), cell: (brief) => formatDateTime(brief.updatedAt) },
        ],
        items,
        t('briefs.daftarTelaahan'),
        'telaahan',
      ),
    );
  } catch (error) {
    mount(list, notice('error', errorText(error)));
  }
}

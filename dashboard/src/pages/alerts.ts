import { api, errorText } from '../api.js';
import { type AlertView, pageHead } from '../components.js';
import { button, h, mount, notice } from '../dom.js';
import type { PageContext } from '../router.js';
import { canEdit } from '../session.js';
import { alertRow } from './issue-detail.js';

const STATUSES = [
  { value: 'open', label: 'Belum ditanggapi' },
  { value: 'acknowledged', label: 'Sudah ditanggapi' },
  { value: 'false_positive', label: 'Positif palsu' },
  { value: '', label: 'Semua' },
];

/** Peringatan: alerts fired by the rules, newest first; analysts acknowledge them or mark them false positive. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const status = context.query.get('status') ?? 'open';
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, 'Memuat peringatan…'));
  const more = h('div', { class: 'pager' });
  mount(
    root,
    pageHead(
      'Peringatan',
      'Peringatan dari aturan peringatan, yang terbaru di atas.',
      h(
        'div',
        { class: 'range-picker', role: 'group', aria: { label: 'Status peringatan' } },
        STATUSES.map((option) =>
          button(option.label, () => context.navigate(`/peringatan?status=${option.value}`), {
            class: 'btn btn-small',
            aria: { pressed: String(option.value === status) },
          }),
        ),
      ),
    ),
    list,
    more,
  );
  const items = h('ul', { class: 'list-plain' });
  const load = async (cursor?: string) => {
    const page = await api.get<{ items: AlertView[]; nextCursor: string | null }>('/api/alerts', {
      status: status || undefined,
      limit: 50,
      cursor,
    });
    for (const alert of page.items) {
      items.append(alertRow(alert, canEdit(), () => context.refresh()));
    }
    if (!cursor) {
      mount(list, page.items.length === 0 ? h('p', { class: 'muted' }, 'Tidak ada peringatan.') : items);
    }
    const next = page.nextCursor;
    mount(more, next ? button('Muat lebih banyak', () => void load(next), { class: 'btn' }) : null);
  };
  try {
    await load();
  } catch (error) {
    mount(list, notice('error', errorText(error)));
  }
}

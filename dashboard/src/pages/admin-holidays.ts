import { api, errorText } from '../api.js';
import { listTable, pageHead } from '../components.js';
import { button, field, h, mount, notice } from '../dom.js';
import { formatDate } from '../format.js';
import type { PageContext } from '../router.js';

interface Holiday {
  date: string;
  name: string;
}

/** Hari libur: the calendar the working-day deadlines of dispositions skip (GET/PUT /api/settings/holidays). */
export async function render(root: HTMLElement, _context: PageContext): Promise<void> {
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, 'Memuat hari libur…'));
  const status = h('div', { class: 'form-status' });
  mount(
    root,
    pageHead(
      'Hari libur',
      'Tenggat disposisi dihitung dalam hari kerja: Sabtu, Minggu dan tanggal di bawah ini tidak dihitung.',
    ),
    status,
    list,
  );
  let holidays: Holiday[];
  try {
    holidays = (await api.get<{ holidays: Holiday[] }>('/api/settings/holidays')).holidays;
  } catch (error) {
    mount(list, notice('error', errorText(error)));
    return;
  }
  const save = (next: Holiday[], done: string) =>
    api
      .put<{ holidays: Holiday[] }>('/api/settings/holidays', { holidays: next })
      .then((result) => {
        holidays = result.holidays;
        draw();
        mount(status, notice('success', done));
      })
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));

  const date = h('input', { type: 'date', required: true });
  const name = h('input', { type: 'text', required: true, maxlength: 120, placeholder: 'mis. Hari Raya Idulfitri' });
  const form = h(
    'form',
    { class: 'filters', aria: { label: 'Tambah hari libur' } },
    field('Tanggal', date),
    field('Nama hari libur', name),
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Tambah hari libur'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const others = holidays.filter((holiday) => holiday.date !== date.value);
    void save([...others, { date: date.value, name: name.value.trim() }], 'Hari libur disimpan.');
  });
  const draw = () =>
    mount(
      list,
      h('header', { class: 'card-head' }, h('h2', null, 'Kalender hari libur')),
      form,
      listTable(
        [
          { header: 'Tanggal', cell: (row: Holiday) => formatDate(`${row.date}T12:00:00Z`), csv: (row) => row.date },
          { header: 'Nama', cell: (row) => row.name },
          {
            header: 'Tindakan',
            cell: (row) =>
              button(
                'Hapus',
                () =>
                  void save(
                    holidays.filter((holiday) => holiday.date !== row.date),
                    'Hari libur dihapus.',
                  ),
                { class: 'btn btn-small btn-danger', aria: { label: `Hapus hari libur ${row.name}` } },
              ),
            csv: () => '',
          },
        ],
        [...holidays].sort((a, b) => a.date.localeCompare(b.date)),
        'Hari libur',
        'hari-libur',
      ),
    );
  draw();
}

import { t } from '../i18n.js';
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
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, t('adminHolidays.memuatHariLibur')));
  const status = h('div', { class: 'form-status' });
  mount(root, pageHead(t('adminHolidays.hariLibur'), t('adminHolidays.tenggatDisposisiDihitungDalam')), status, list);
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
  const name = h('input', {
    type: 'text',
    required: true,
    maxlength: 120,
    placeholder: t('adminHolidays.misHariRayaIdulfitri'),
  });
  const form = h(
    'form',
    { class: 'filters', aria: { label: t('adminHolidays.tambahHariLibur') } },
    field(t('common.tanggal'), date),
    field(t('adminHolidays.namaHariLibur'), name),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('adminHolidays.tambahHariLibur')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const others = holidays.filter((holiday) => holiday.date !== date.value);
    void save([...others, { date: date.value, name: name.value.trim() }], t('adminHolidays.hariLiburDisimpan'));
  });
  const draw = () =>
    mount(
      list,
      h('header', { class: 'card-head' }, h('h2', null, t('adminHolidays.kalenderHariLibur'))),
      form,
      listTable(
        [
          {
            header: t('common.tanggal'),
            cell: (row: Holiday) => formatDate(`${row.date}T12:00:00Z`),
            csv: (row) => row.date,
          },
          { header: t('common.nama'), cell: (row) => row.name },
          {
            header: t('common.tindakan'),
            cell: (row) =>
              button(
                t('common.hapus'),
                () =>
                  void save(
                    holidays.filter((holiday) => holiday.date !== row.date),
                    t('adminHolidays.hariLiburDihapus'),
                  ),
                {
                  class: 'btn btn-small btn-danger',
                  aria: { label: t('adminHolidays.hapusHariLibur', { name: row.name }) },
                },
              ),
            csv: () => '',
          },
        ],
        [...holidays].sort((a, b) => a.date.localeCompare(b.date)),
        t('adminHolidays.hariLibur'),
        'hari-libur',
      ),
    );
  draw();
}

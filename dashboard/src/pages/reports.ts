import { type MessageKey, t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { listTable, pageHead } from '../components.js';
import { field, h, mount, notice } from '../dom.js';
import { formatDate, formatDateTime, formatNumber, label } from '../format.js';
import type { PageContext } from '../router.js';
import { canEdit } from '../session.js';

/** GET /api/reports items (src/reports/daily-report.types.ts, DailyReportListItem). */
export interface ReportListItem {
  id: string;
  reportDate: string;
  periodFrom: string;
  periodTo: string;
  title: string;
  trigger: 'scheduled' | 'catch-up' | 'manual';
  generation: number;
  createdAt: string;
  generatedAt: string;
  topIssues: number;
  newAlerts: number;
}

export const TRIGGERS: Record<string, MessageKey> = {
  scheduled: 'reports.terjadwal',
  'catch-up': 'reports.susulan',
  manual: 'reports.disusunManual',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Laporan Harian: the daily reports by date; analysts and admins can (re)compose the report of a date. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const from = context.query.get('dari') ?? '';
  const to = context.query.get('sampai') ?? '';
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, t('reports.memuatLaporanHarian')));
  const fromInput = h('input', { type: 'date', value: DATE.test(from) ? from : '' });
  const toInput = h('input', { type: 'date', value: DATE.test(to) ? to : '' });
  const filter = h(
    'form',
    { class: 'card filters', aria: { label: t('reports.saringLaporan') } },
    field(t('reports.dariTanggal'), fromInput),
    field(t('reports.sampaiTanggal'), toInput),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('common.terapkan')),
  );
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (fromInput.value) {
      params.set('dari', fromInput.value);
    }
    if (toInput.value) {
      params.set('sampai', toInput.value);
    }
    context.navigate(`/laporan${params.size > 0 ? `?${params.toString()}` : ''}`);
  });
  mount(
    root,
    pageHead(t('common.laporanHarian'), t('reports.laporanHarianMonitoringIsu')),
    canEdit() ? regenerateCard(context) : null,
    filter,
    list,
  );
  try {
    const { items } = await api.get<{ items: ReportListItem[] }>('/api/reports', {
      from: DATE.test(from) ? from : undefined,
      to: DATE.test(to) ? to : undefined,
    });
    mount(
      list,
      h('header', { class: 'card-head' }, h('h2', null, t('reports.daftarLaporan'))),
      listTable(
        [
          {
            header: t('common.tanggal'),
            cell: (report: ReportListItem) =>
              h(
                'a',
                { href: `/laporan/${encodeURIComponent(report.id)}` },
                formatDate(`${report.reportDate}T12:00:00Z`),
              ),
            csv: (report) => report.reportDate,
          },
          { header: t('common.judul'), cell: (report) => report.title },
          {
            header: t('reports.periode'),
            cell: (report) => `${formatDateTime(report.periodFrom)} – ${formatDateTime(report.periodTo)}`,
          },
          {
            header: t('common.isuUtama'),
            cell: (report) => formatNumber(report.topIssues),
            csv: (r) => r.topIssues,
            numeric: true,
          },
          {
            header: t('common.peringatanBaru'),
            cell: (report) => formatNumber(report.newAlerts),
            csv: (report) => report.newAlerts,
            numeric: true,
          },
          {
            header: t('reports.penyusunan'),
            cell: (report) =>
              `${label(TRIGGERS, report.trigger)}${report.generation > 1 ? t('reports.ke', { generation: report.generation }) : ''}`,
          },
          { header: t('reports.disusun'), cell: (report) => formatDateTime(report.generatedAt) },
        ],
        items,
        t('reports.daftarLaporanHarian'),
        'laporan-harian',
      ),
    );
  } catch (error) {
    mount(list, notice('error', errorText(error)));
  }
}

/** POST /api/reports/daily: the report of a date (default: the one last due), composed again from the data now. */
function regenerateCard(context: PageContext): HTMLElement {
  const date = h('input', { type: 'date' });
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('reports.susunLaporan'));
  const form = h(
    'form',
    { class: 'filters', aria: { label: t('reports.susunUlangLaporan') } },
    field(t('reports.tanggalLaporan'), date, t('reports.kosongkanUntukLaporanTerakhir')),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    mount(status, notice('info', t('reports.menyusunLaporan')));
    api
      .post<{ id: string }>('/api/reports/daily', date.value ? { date: date.value } : {})
      .then((report) => context.navigate(`/laporan/${encodeURIComponent(report.id)}`))
      .catch((error: unknown) => {
        submit.disabled = false;
        mount(status, notice('error', errorText(error)));
      });
  });
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, t('reports.susunUlangLaporan'))),
    form,
    status,
  );
}

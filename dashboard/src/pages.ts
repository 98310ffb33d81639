import type { Page } from './router.js';

const ALL = ['admin', 'analyst', 'pimpinan'] as const;
const STAFF = ['admin', 'analyst'] as const;
const ADMIN = ['admin'] as const;

/**
 * Every page of the dashboard: its path, who may open it (the server refuses the rest anyway), its menu entry.
 * Order matters only for the menu. To add a page: a module in pages/ exporting `render`, and a line here.
 */
export const PAGES: Page[] = [
  {
    path: '/',
    title: 'Ringkasan',
    roles: ALL,
    nav: { label: 'Ringkasan' },
    load: () => import('./pages/overview.js'),
  },
  { path: '/isu', title: 'Isu', roles: ALL, nav: { label: 'Isu' }, load: () => import('./pages/issues.js') },
  { path: '/isu/:id', title: 'Detail isu', roles: ALL, load: () => import('./pages/issue-detail.js') },
  // The links in alert messages and in IssueView.link.
  { path: '/issues/:id', title: 'Detail isu', roles: ALL, load: () => import('./pages/issue-detail.js') },
  {
    path: '/peringatan',
    title: 'Peringatan',
    roles: ALL,
    nav: { label: 'Peringatan' },
    load: () => import('./pages/alerts.js'),
  },
  {
    path: '/telusuri',
    title: 'Telusuri',
    roles: ALL,
    nav: { label: 'Telusuri' },
    load: () => import('./pages/explore.js'),
  },
  {
    path: '/telaahan',
    title: 'Telaahan staf',
    roles: ALL,
    nav: { label: 'Telaahan' },
    load: () => import('./pages/briefs.js'),
  },
  { path: '/telaahan/:id', title: 'Telaahan staf', roles: ALL, load: () => import('./pages/brief-editor.js') },
  {
    path: '/laporan',
    title: 'Laporan harian',
    roles: ALL,
    nav: { label: 'Laporan' },
    load: () => import('./pages/reports.js'),
  },
  { path: '/laporan/:id', title: 'Laporan harian', roles: ALL, load: () => import('./pages/report-detail.js') },
  {
    path: '/admin/topik',
    title: 'Topik pantauan',
    roles: ADMIN,
    nav: { label: 'Topik', group: 'admin' },
    load: () => import('./pages/admin-topics.js'),
  },
  {
    path: '/admin/sumber',
    title: 'Sumber data',
    roles: ADMIN,
    nav: { label: 'Sumber', group: 'admin' },
    load: () => import('./pages/admin-sources.js'),
  },
  {
    path: '/admin/pengguna',
    title: 'Pengguna dan peran',
    roles: ADMIN,
    nav: { label: 'Pengguna', group: 'admin' },
    load: () => import('./pages/admin-users.js'),
  },
  {
    path: '/admin/aturan-peringatan',
    title: 'Aturan peringatan',
    roles: ADMIN,
    nav: { label: 'Aturan peringatan', group: 'admin' },
    load: () => import('./pages/admin-alert-rules.js'),
  },
  {
    path: '/admin/kategori',
    title: 'Kategori dan OPD',
    roles: ADMIN,
    nav: { label: 'Kategori', group: 'admin' },
    load: () => import('./pages/admin-categories.js'),
  },
  {
    path: '/admin/leksikon',
    title: 'Leksikon dan slang',
    roles: ADMIN,
    nav: { label: 'Leksikon', group: 'admin' },
    load: () => import('./pages/admin-lexicon.js'),
  },
  {
    path: '/admin/analisis-ulang',
    title: 'Analisis ulang',
    roles: ADMIN,
    nav: { label: 'Analisis ulang', group: 'admin' },
    load: () => import('./pages/admin-reanalysis.js'),
  },
  {
    path: '/admin/hari-libur',
    title: 'Hari libur',
    roles: ADMIN,
    nav: { label: 'Hari libur', group: 'admin' },
    load: () => import('./pages/admin-holidays.js'),
  },
  {
    path: '/admin/data-pribadi',
    title: 'Data pribadi',
    roles: ADMIN,
    nav: { label: 'Data pribadi', group: 'admin' },
    load: () => import('./pages/admin-personal-data.js'),
  },
  {
    path: '/admin/audit',
    title: 'Log audit',
    roles: ADMIN,
    nav: { label: 'Log audit', group: 'admin' },
    load: () => import('./pages/admin-audit.js'),
  },
  { path: '/akun', title: 'Akun', roles: ALL, load: () => import('./pages/account.js') },
];

export const STAFF_ROLES = STAFF;

/** The telaahan pages and the "Buat telaahan" button need the briefs API (issue 10). */
export const BRIEFS_ENABLED = true;

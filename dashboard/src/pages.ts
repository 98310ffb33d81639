import type { Page } from './router.js';

const ALL = ['admin', 'analyst', 'pimpinan'] as const;
const STAFF = ['admin', 'analyst'] as const;
const ADMIN = ['admin'] as const;

/**
 * Every page of the dashboard: its path, who may open it (the server refuses the rest anyway), its menu entry.
 * Titles and menu labels are message keys (i18n/). Order matters only for the menu. To add a page: a module in pages/ exporting `render`, and a line here.
 */
export const PAGES: Page[] = [
  {
    path: '/',
    title: 'page.overview',
    roles: ALL,
    nav: { label: 'page.overview' },
    load: () => import('./pages/overview.js'),
  },
  {
    path: '/isu',
    title: 'page.issues',
    roles: ALL,
    nav: { label: 'page.issues' },
    load: () => import('./pages/issues.js'),
  },
  { path: '/isu/:id', title: 'page.issueDetail', roles: ALL, load: () => import('./pages/issue-detail.js') },
  // The links in alert messages and in IssueView.link.
  { path: '/issues/:id', title: 'page.issueDetail', roles: ALL, load: () => import('./pages/issue-detail.js') },
  {
    path: '/peringatan',
    title: 'page.alerts',
    roles: ALL,
    nav: { label: 'page.alerts' },
    load: () => import('./pages/alerts.js'),
  },
  {
    path: '/telusuri',
    title: 'page.explore',
    roles: ALL,
    nav: { label: 'page.explore' },
    load: () => import('./pages/explore.js'),
  },
  {
    path: '/telaahan',
    title: 'page.briefs',
    roles: ALL,
    nav: { label: 'nav.briefs' },
    load: () => import('./pages/briefs.js'),
  },
  { path: '/telaahan/:id', title: 'page.briefs', roles: ALL, load: () => import('./pages/brief-editor.js') },
  {
    path: '/laporan',
    title: 'page.reports',
    roles: ALL,
    nav: { label: 'nav.reports' },
    load: () => import('./pages/reports.js'),
  },
  { path: '/laporan/:id', title: 'page.reports', roles: ALL, load: () => import('./pages/report-detail.js') },
  {
    path: '/admin/topik',
    title: 'page.topics',
    roles: ADMIN,
    nav: { label: 'nav.topics', group: 'admin' },
    load: () => import('./pages/admin-topics.js'),
  },
  {
    path: '/admin/sumber',
    title: 'page.sources',
    roles: ADMIN,
    nav: { label: 'nav.sources', group: 'admin' },
    load: () => import('./pages/admin-sources.js'),
  },
  {
    path: '/admin/pengguna',
    title: 'page.users',
    roles: ADMIN,
    nav: { label: 'nav.users', group: 'admin' },
    load: () => import('./pages/admin-users.js'),
  },
  {
    path: '/admin/aturan-peringatan',
    title: 'page.alertRules',
    roles: ADMIN,
    nav: { label: 'page.alertRules', group: 'admin' },
    load: () => import('./pages/admin-alert-rules.js'),
  },
  {
    path: '/admin/kategori',
    title: 'page.categories',
    roles: ADMIN,
    nav: { label: 'nav.categories', group: 'admin' },
    load: () => import('./pages/admin-categories.js'),
  },
  {
    path: '/admin/leksikon',
    title: 'page.lexicon',
    roles: ADMIN,
    nav: { label: 'nav.lexicon', group: 'admin' },
    load: () => import('./pages/admin-lexicon.js'),
  },
  {
    path: '/admin/analisis-ulang',
    title: 'page.reanalysis',
    roles: ADMIN,
    nav: { label: 'page.reanalysis', group: 'admin' },
    load: () => import('./pages/admin-reanalysis.js'),
  },
  {
    path: '/admin/hari-libur',
    title: 'page.holidays',
    roles: ADMIN,
    nav: { label: 'page.holidays', group: 'admin' },
    load: () => import('./pages/admin-holidays.js'),
  },
  {
    path: '/admin/data-pribadi',
    title: 'page.personalData',
    roles: ADMIN,
    nav: { label: 'page.personalData', group: 'admin' },
    load: () => import('./pages/admin-personal-data.js'),
  },
  {
    path: '/admin/audit',
    title: 'page.audit',
    roles: ADMIN,
    nav: { label: 'page.audit', group: 'admin' },
    load: () => import('./pages/admin-audit.js'),
  },
  { path: '/akun', title: 'page.account', roles: ALL, load: () => import('./pages/account.js') },
];

export const STAFF_ROLES = STAFF;

/** The telaahan pages and the "Buat telaahan" button need the briefs API (issue 10). */
export const BRIEFS_ENABLED = true;

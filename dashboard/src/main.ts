import { LOCALES, locale, restoreLocale, setLocale, t } from './i18n.js';
import './styles.css';
import { api, setUnauthorizedHandler } from './api.js';
import { button, h, mount, notice } from './dom.js';
import { label, restoreTimeZone, ROLE_LABELS } from './format.js';
import { startLive, stopLive } from './live.js';
import { renderLogin, renderPasswordChange } from './pages/login.js';
import { renderTwoFactor } from './pages/two-factor.js';
import { PAGES } from './pages.js';
import { matchPath, type PageContext } from './router.js';
import { loadSession, rememberLanguage, session, setSession } from './session.js';
import { learnTimeZone } from './stats.js';

const root = document.getElementById('app') as HTMLElement;
const cleanups: (() => void)[] = [];
let renderToken = 0;

function leavePage(): void {
  for (const cleanup of cleanups.splice(0)) {
    try {
      cleanup();
    } catch {
      // a page's cleanup must not stop the next page from rendering
    }
  }
}

export function navigate(path: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  void route();
}

/** In-app links (`<a href="/…">`) change the page without reloading. */
document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest('a');
  if (!target || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
    return;
  }
  const href = target.getAttribute('href');
  if (
    href &&
    href.startsWith('/') &&
    !href.startsWith('//') &&
    !href.startsWith('/api/') &&
    !target.hasAttribute('download')
  ) {
    event.preventDefault();
    navigate(href);
  }
});
window.addEventListener('popstate', () => void route());

setUnauthorizedHandler(() => {
  if (session()) {
    setSession(null);
    stopLive();
    navigate(`/masuk?kembali=${encodeURIComponent(location.pathname + location.search)}`, true);
  }
});

async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    setSession(null);
    stopLive();
    navigate('/masuk', true);
  }
}

function shell(current: string): { content: HTMLElement } {
  const user = session();
  const content = h('main', { id: 'content', class: 'content', tabindex: -1 });
  if (!user) {
    mount(root, h('div', { class: 'topbar-lang' }, languageSwitch()), content);
    return { content };
  }
  const visible =
    user.mustChangePassword || user.mustEnrolTwoFactor
      ? []
      : PAGES.filter((page) => page.nav && page.roles.includes(user.role));
  const link = (path: string, text: string) =>
    h('a', { href: path, class: 'nav-link', aria: { current: isCurrent(path, current) ? 'page' : undefined } }, text);
  const mainLinks = visible
    .filter((page) => page.nav?.group !== 'admin')
    .map((page) => link(page.path, t(page.nav!.label)));
  const adminLinks = visible
    .filter((page) => page.nav?.group === 'admin')
    .map((page) => link(page.path, t(page.nav!.label)));
  const liveDot = h('span', { class: 'live-dot', title: t('main.pembaruanLangsung'), aria: { hidden: 'true' } });
  const liveText = h('span', { class: 'visually-hidden' }, t('main.pembaruanLangsungBelumTersambung'));
  const nav = h(
    'nav',
    { class: 'nav', id: 'main-nav', aria: { label: t('main.menuUtama') } },
    h('div', { class: 'nav-group' }, mainLinks),
    adminLinks.length > 0
      ? h('div', { class: 'nav-group nav-admin' }, h('span', { class: 'nav-caption' }, t('main.admin')), adminLinks)
      : null,
  );
  const toggle = button(
    t('main.menu'),
    () => {
      const open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', String(open));
    },
    { class: 'btn btn-ghost nav-toggle', aria: { controls: 'main-nav', expanded: 'false' } },
  );
  const header = h(
    'header',
    { class: 'topbar' },
    h('a', { href: '#content', class: 'skip-link' }, t('main.langsungKeIsi')),
    h(
      'a',
      { href: '/', class: 'brand', title: t('main.keRingkasan') },
      h('span', { class: 'brand-mark', aria: { hidden: 'true' } }, 'PI'),
      h('span', { class: 'brand-name' }, t('common.pantauIsu')),
    ),
    toggle,
    nav,
    h(
      'div',
      { class: 'user-box' },
      languageSwitch(),
      liveDot,
      liveText,
      h(
        'a',
        { href: '/akun', class: 'user-name', title: t('common.akun') },
        user.displayName || user.username,
        h('span', { class: 'user-role' }, label(ROLE_LABELS, user.role)),
      ),
      button(t('main.keluar'), () => void logout(), { class: 'btn btn-small btn-ghost' }),
    ),
  );
  mount(root, header, content);
  if (user.mustChangePassword || user.mustEnrolTwoFactor) {
    return { content };
  }
  startLive((connected) => {
    liveDot.classList.toggle('on', connected);
    liveText.textContent = connected ? t('main.pembaruanLangsungTersambung') : t('main.pembaruanLangsungTerputus');
  });
  return { content };
}

/**
 * ID / EN: the language of the whole dashboard, kept in this browser and, when signed in, on the account (it applies
 * at the next sign-in elsewhere); the current page is drawn again in it.
 */
function languageSwitch(): HTMLElement {
  return h(
    'div',
    { class: 'lang-switch', role: 'group', aria: { label: t('language.switch') } },
    LOCALES.map((code) =>
      button(
        code.toUpperCase(),
        () => {
          if (code !== locale()) {
            void setLocale(code)
              .then(() => rememberLanguage(code))
              .then(() => route());
          }
        },
        {
          class: 'btn btn-small btn-ghost',
          title: t(code === 'id' ? 'language.id' : 'language.en'),
          lang: code,
          aria: { pressed: String(code === locale()) },
          data: { locale: code },
        },
      ),
    ),
  );
}

function isCurrent(path: string, current: string): boolean {
  return path === '/' ? current === '/' : current === path || current.startsWith(`${path}/`);
}

async function route(): Promise<void> {
  leavePage();
  const token = ++renderToken;
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(location.search);
  const user = session();

  if (!user) {
    const { content } = shell(path);
    document.title = t('main.masukPantauIsu');
    renderLogin(content, query.get('kembali'), async () => {
      await loadSession();
      const back = query.get('kembali');
      navigate(back && back.startsWith('/') && !back.startsWith('//') ? back : '/', true);
    });
    return;
  }
  if (user.mustChangePassword) {
    const { content } = shell(path);
    document.title = t('main.gantiKataSandiPantau');
    renderPasswordChange(content, true, async () => {
      await loadSession();
      navigate('/', true);
    });
    return;
  }
  if (user.mustEnrolTwoFactor) {
    const { content } = shell(path);
    document.title = t('main.verifikasiDuaLangkahPantau');
    const box = h('div', { class: 'auth-card' });
    mount(content, h('div', { class: 'auth-page' }, box));
    await renderTwoFactor(box, async () => {
      await loadSession();
      navigate('/', true);
    });
    return;
  }
  if (path === '/masuk') {
    navigate('/', true);
    return;
  }

  // Ringkasan learns the zone from its own stats answers, before it draws a time: no extra round trip there.
  if (path !== '/') {
    await learnTimeZone();
    if (token !== renderToken) {
      return;
    }
  }
  const { content } = shell(path);
  const match = matchPath(PAGES, path);
  if (!match) {
    document.title = t('main.halamanTidakDitemukanPantau');
    mount(
      content,
      h('h1', null, t('main.halamanTidakDitemukan')),
      h('p', null, h('a', { href: '/' }, t('main.kembaliKeRingkasan'))),
    );
    return;
  }
  if (!match.page.roles.includes(user.role)) {
    document.title = t('main.aksesDitolakPantauIsu');
    mount(
      content,
      h('h1', null, t('main.aksesDitolak')),
      notice('error', t('main.peranAndaTidakMemiliki')),
      h('p', null, h('a', { href: '/' }, t('main.kembaliKeRingkasan'))),
    );
    return;
  }
  document.title = t('main.pantauIsu', { title: t(match.page.title) });
  const context: PageContext = {
    session: user,
    params: match.params,
    query,
    navigate: (to) => navigate(to),
    onLeave: (cleanup) => cleanups.push(cleanup),
    refresh: () => void route(),
  };
  mount(content, h('p', { class: 'loading' }, t('common.memuat')));
  try {
    const module = await match.page.load();
    if (token !== renderToken) {
      return;
    }
    await module.render(content, context);
  } catch (error) {
    if (token === renderToken) {
      mount(content, h('h1', null, t(match.page.title)), notice('error', t('main.halamanTidakDapatDimuat')));
      console.warn(error);
    }
  }
}

async function start(): Promise<void> {
  // Alert messages link to /#/issues/<id>.
  const hashIssue = /^#\/issues\/([^/?#]+)/.exec(location.hash);
  if (hashIssue) {
    history.replaceState(null, '', `/isu/${hashIssue[1]}`);
  }
  restoreTimeZone();
  await restoreLocale();
  await loadSession();
  await route();
}

void start();

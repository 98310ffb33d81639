import { h, mount } from '../dom.js';
import { ROLE_LABELS, label } from '../format.js';
import type { PageContext } from '../router.js';
import { renderPasswordChange } from './login.js';
import { renderTwoFactor } from './two-factor.js';

/** Akun: who is signed in, the password change form and two-factor login. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const { session } = context;
  const passwordBox = h('div');
  const twoFactorBox = h('div');
  mount(
    root,
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        null,
        h('h1', null, 'Akun'),
        h('p', { class: 'muted' }, 'Data akun, kata sandi dan verifikasi dua langkah Anda.'),
      ),
    ),
    h(
      'div',
      { class: 'grid grid-2' },
      h(
        'section',
        { class: 'card' },
        h('h2', null, 'Data akun'),
        h(
          'dl',
          { class: 'dl' },
          h('dt', null, 'Nama'),
          h('dd', null, session.displayName || '–'),
          h('dt', null, 'Nama pengguna'),
          h('dd', null, session.username),
          h('dt', null, 'Peran'),
          h('dd', null, label(ROLE_LABELS, session.role)),
        ),
      ),
      passwordBox,
      twoFactorBox,
    ),
  );
  renderPasswordChange(passwordBox, false, async () => undefined);
  await renderTwoFactor(twoFactorBox);
}

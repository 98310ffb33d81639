import { h, mount } from '../dom.js';
import { ROLE_LABELS, label } from '../format.js';
import type { PageContext } from '../router.js';
import { renderPasswordChange } from './login.js';

/** Akun: who is signed in, and the password change form. */
export function render(root: HTMLElement, context: PageContext): void {
  const { session } = context;
  const passwordBox = h('div');
  mount(
    root,
    h(
      'div',
      { class: 'page-head' },
      h('div', null, h('h1', null, 'Akun'), h('p', { class: 'muted' }, 'Data akun dan kata sandi Anda.')),
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
    ),
  );
  renderPasswordChange(passwordBox, false, async () => undefined);
}

import { api, errorText } from '../api.js';
import { listTable, pageHead } from '../components.js';
import { button, field, h, mount, notice, select } from '../dom.js';
import { formatDateTime, label, ROLE_LABELS } from '../format.js';
import type { PageContext } from '../router.js';

interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  active: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: string;
  twoFactorEnabled: boolean;
}

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, text]) => ({ value, label: text }));

/** Pengguna dan peran: accounts, their roles, deactivation and password resets (temporary passwords shown once). */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, 'Memuat pengguna…'));
  const secret = h('div', { class: 'form-status', aria: { live: 'polite' } });
  mount(
    root,
    pageHead('Pengguna dan peran', 'Akun pengguna dasbor. Akun baru wajib mengganti kata sandi saat pertama masuk.'),
    secret,
    createCard(secret, context),
    list,
  );
  try {
    const users = await api.get<User[]>('/api/users');
    mount(
      list,
      h('header', { class: 'card-head' }, h('h2', null, 'Daftar pengguna')),
      listTable(
        [
          {
            header: 'Nama pengguna',
            cell: (user: User) => h('strong', null, user.username),
            csv: (user) => user.username,
          },
          { header: 'Nama', cell: (user) => user.displayName },
          {
            header: 'Peran',
            cell: (user) => roleSelect(user, context, secret),
            csv: (user) => label(ROLE_LABELS, user.role),
          },
          {
            header: 'Status',
            cell: (user) =>
              h(
                'span',
                { class: 'badge' },
                user.active ? (user.mustChangePassword ? 'Menunggu ganti sandi' : 'Aktif') : 'Nonaktif',
              ),
          },
          { header: 'Sandi diganti', cell: (user) => formatDateTime(user.passwordChangedAt) },
          {
            header: 'Verifikasi dua langkah',
            cell: (user) => (user.twoFactorEnabled ? 'Aktif' : 'Tidak aktif'),
          },
          { header: 'Tindakan', cell: (user) => userActions(user, context, secret), csv: () => '' },
        ],
        users,
        'Pengguna',
        'pengguna',
      ),
    );
  } catch (error) {
    mount(list, notice('error', errorText(error)));
  }
}

function roleSelect(user: User, context: PageContext, status: HTMLElement): HTMLElement {
  const control = select(ROLE_OPTIONS, user.role, { aria: { label: `Peran ${user.username}` } });
  control.addEventListener('change', () => {
    api
      .patch(`/api/users/${user.id}`, { role: control.value })
      .then(() => context.refresh())
      .catch((error: unknown) => {
        control.value = user.role;
        mount(status, notice('error', errorText(error)));
      });
  });
  return control;
}

function userActions(user: User, context: PageContext, status: HTMLElement): HTMLElement {
  return h(
    'div',
    { class: 'actions' },
    button(
      user.active ? 'Nonaktifkan' : 'Aktifkan',
      () =>
        void api
          .patch(`/api/users/${user.id}`, { active: !user.active })
          .then(() => context.refresh())
          .catch((error: unknown) => mount(status, notice('error', errorText(error)))),
      { class: 'btn btn-small', aria: { label: `${user.active ? 'Nonaktifkan' : 'Aktifkan'} ${user.username}` } },
    ),
    button(
      'Atur ulang sandi',
      () =>
        void api
          .post<{ temporaryPassword: string }>(`/api/users/${user.id}/reset-password`)
          .then((result) => showTemporary(status, user.username, result.temporaryPassword))
          .catch((error: unknown) => mount(status, notice('error', errorText(error)))),
      { class: 'btn btn-small', aria: { label: `Atur ulang sandi ${user.username}` } },
    ),
    ...(user.twoFactorEnabled
      ? [
          button(
            'Atur ulang verifikasi dua langkah',
            () =>
              void api
                .post(`/api/users/${user.id}/reset-two-factor`)
                .then(() => context.refresh())
                .catch((error: unknown) => mount(status, notice('error', errorText(error)))),
            {
              class: 'btn btn-small',
              aria: { label: `Atur ulang verifikasi dua langkah ${user.username} (perangkat hilang)` },
            },
          ),
        ]
      : []),
  );
}

function showTemporary(into: HTMLElement, username: string, password: string): void {
  mount(
    into,
    h(
      'p',
      { class: 'notice notice-info' },
      `Kata sandi sementara untuk ${username} (hanya ditampilkan sekali): `,
      h('code', null, password),
    ),
  );
}

function createCard(secret: HTMLElement, context: PageContext): HTMLElement {
  const username = h('input', { type: 'text', required: true, maxlength: 64, autocomplete: 'off', spellcheck: false });
  const displayName = h('input', { type: 'text', required: true, maxlength: 120 });
  const role = select(ROLE_OPTIONS, 'analyst');
  const status = h('div', { class: 'form-status' });
  const form = h(
    'form',
    { class: 'filters', aria: { label: 'Pengguna baru' } },
    field('Nama pengguna', username),
    field('Nama lengkap', displayName),
    field('Peran', role),
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Tambah pengguna'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api
      .post<{ user: User; temporaryPassword?: string }>('/api/users', {
        username: username.value.trim(),
        displayName: displayName.value.trim(),
        role: role.value,
      })
      .then((result) => {
        context.refresh();
        window.setTimeout(() => {
          if (result.temporaryPassword) {
            const box = document.querySelector<HTMLElement>('.content > .form-status');
            showTemporary(box ?? secret, result.user.username, result.temporaryPassword);
          }
        }, 300);
      })
      .catch((error: unknown) => mount(status, notice('error', errorText(error))));
  });
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, 'Pengguna baru')),
    form,
    status,
  );
}

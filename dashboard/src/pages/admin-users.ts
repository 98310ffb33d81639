import { t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { listTable, pageHead } from '../components.js';
import { button, field, h, mount, notice, select } from '../dom.js';
import { formatDateTime, label, labelOptions, ROLE_LABELS } from '../format.js';
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

/** Pengguna dan peran: accounts, their roles, deactivation and password resets (temporary passwords shown once). */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const list = h('section', { class: 'card' }, h('p', { class: 'loading' }, t('adminUsers.memuatPengguna')));
  const secret = h('div', { class: 'form-status', aria: { live: 'polite' } });
  mount(
    root,
    pageHead(t('adminUsers.penggunaDanPeran'), t('adminUsers.akunPenggunaDasborAkun')),
    secret,
    createCard(secret, context),
    list,
  );
  try {
    const users = await api.get<User[]>('/api/users');
    mount(
      list,
      h('header', { class: 'card-head' }, h('h2', null, t('adminUsers.daftarPengguna'))),
      listTable(
        [
          {
            header: t('common.namaPengguna'),
            cell: (user: User) => h('strong', null, user.username),
            csv: (user) => user.username,
          },
          { header: t('common.nama'), cell: (user) => user.displayName },
          {
            header: t('common.peran'),
            cell: (user) => roleSelect(user, context, secret),
            csv: (user) => label(ROLE_LABELS, user.role),
          },
          {
            header: t('common.status'),
            cell: (user) =>
              h(
                'span',
                { class: 'badge' },
                user.active
                  ? user.mustChangePassword
                    ? t('adminUsers.menungguGantiSandi')
                    : t('common.aktif')
                  : t('adminUsers.nonaktif'),
              ),
          },
          { header: t('adminUsers.sandiDiganti'), cell: (user) => formatDateTime(user.passwordChangedAt) },
          {
            header: t('common.verifikasiDuaLangkah'),
            cell: (user) => (user.twoFactorEnabled ? t('common.aktif') : t('adminUsers.tidakAktif')),
          },
          { header: t('common.tindakan'), cell: (user) => userActions(user, context, secret), csv: () => '' },
        ],
        users,
        t('adminUsers.pengguna'),
        'pengguna',
      ),
    );
  } catch (error) {
    mount(list, notice('error', errorText(error)));
  }
}

function roleSelect(user: User, context: PageContext, status: HTMLElement): HTMLElement {
  const control = select(labelOptions(ROLE_LABELS), user.role, {
    aria: { label: t('adminUsers.peran', { username: user.username }) },
  });
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
      user.active ? t('common.nonaktifkan') : t('common.aktifkan'),
      () =>
        void api
          .patch(`/api/users/${user.id}`, { active: !user.active })
          .then(() => context.refresh())
          .catch((error: unknown) => mount(status, notice('error', errorText(error)))),
      {
        class: 'btn btn-small',
        aria: { label: `${user.active ? t('common.nonaktifkan') : t('common.aktifkan')} ${user.username}` },
      },
    ),
    button(
      t('adminUsers.aturUlangSandi'),
      () =>
        void api
          .post<{ temporaryPassword: string }>(`/api/users/${user.id}/reset-password`)
          .then((result) => showTemporary(status, user.username, result.temporaryPassword))
          .catch((error: unknown) => mount(status, notice('error', errorText(error)))),
      { class: 'btn btn-small', aria: { label: t('adminUsers.aturUlangSandi2', { username: user.username }) } },
    ),
    ...(user.twoFactorEnabled
      ? [
          button(
            t('adminUsers.aturUlangVerifikasiDua'),
            () =>
              void api
                .post(`/api/users/${user.id}/reset-two-factor`)
                .then(() => context.refresh())
                .catch((error: unknown) => mount(status, notice('error', errorText(error)))),
            {
              class: 'btn btn-small',
              aria: { label: t('adminUsers.aturUlangVerifikasiDua2', { username: user.username }) },
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
      t('adminUsers.kataSandiSementaraUntuk', { username }),
      h('code', null, password),
    ),
  );
}

function createCard(secret: HTMLElement, context: PageContext): HTMLElement {
  const username = h('input', { type: 'text', required: true, maxlength: 64, autocomplete: 'off', spellcheck: false });
  const displayName = h('input', { type: 'text', required: true, maxlength: 120 });
  const role = select(labelOptions(ROLE_LABELS), 'analyst');
  const status = h('div', { class: 'form-status' });
  const form = h(
    'form',
    { class: 'filters', aria: { label: t('adminUsers.penggunaBaru') } },
    field(t('common.namaPengguna'), username),
    field(t('adminUsers.namaLengkap'), displayName),
    field(t('common.peran'), role),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('adminUsers.tambahPengguna')),
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
    h('header', { class: 'card-head' }, h('h2', null, t('adminUsers.penggunaBaru'))),
    form,
    status,
  );
}

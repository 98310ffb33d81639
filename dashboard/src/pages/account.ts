import { api, errorText } from '../api.js';
import { field, h, mount, notice } from '../dom.js';
import { ROLE_LABELS, label } from '../format.js';
import type { PageContext } from '../router.js';
import { renderPasswordChange } from './login.js';
import { renderTwoFactor } from './two-factor.js';

interface Profile {
  email: string | null;
  telegramChatId: string | null;
  dailyReportOptIn: boolean;
}

/** Akun: who is signed in, the notification profile, the password change form and two-factor login. */
export async function render(root: HTMLElement, context: PageContext): Promise<void> {
  const { session } = context;
  const passwordBox = h('div');
  const twoFactorBox = h('div');
  const profileBox = h('section', { class: 'card' }, h('h2', null, 'Profil pemberitahuan'));
  mount(
    root,
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        null,
        h('h1', null, 'Akun'),
        h('p', { class: 'muted' }, 'Data akun, profil pemberitahuan, kata sandi dan verifikasi dua langkah Anda.'),
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
      profileBox,
      passwordBox,
      twoFactorBox,
    ),
  );
  renderPasswordChange(passwordBox, false, async () => undefined);
  await Promise.all([renderProfile(profileBox, session.role === 'pimpinan'), renderTwoFactor(twoFactorBox)]);
}

/** E-mail, Telegram chat and (for the pimpinan) the daily report subscription: GET/PATCH /api/account/profile. */
async function renderProfile(box: HTMLElement, leader: boolean): Promise<void> {
  const title = h('h2', null, 'Profil pemberitahuan');
  let profile: Profile;
  try {
    profile = await api.get<Profile>('/api/account/profile');
  } catch (error) {
    mount(box, title, notice('error', errorText(error)));
    return;
  }
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', value: profile.email ?? '' });
  const telegram = h('input', {
    type: 'text',
    name: 'telegram',
    spellcheck: false,
    value: profile.telegramChatId ?? '',
  });
  const optIn = h('input', { type: 'checkbox', name: 'daily-report', id: 'daily-report-opt-in' });
  optIn.checked = profile.dailyReportOptIn;
  const status = h('div', { class: 'form-status' });
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Simpan profil');
  const form = h(
    'form',
    { class: 'stack', aria: { label: 'Profil pemberitahuan' } },
    field('E-mail', email, 'Alamat tujuan laporan harian. Kosongkan untuk menghapus.'),
    field('ID obrolan Telegram', telegram, 'Angka ID obrolan atau @namakanal. Kosongkan untuk menghapus.'),
    leader
      ? h('div', { class: 'check' }, optIn, h('label', { for: 'daily-report-opt-in' }, 'Kirimi saya laporan harian'))
      : h('p', { class: 'muted small' }, 'Laporan harian dikirim kepada pimpinan yang berlangganan.'),
    status,
    h('div', { class: 'actions' }, save),
  );
  // The server's Indonesian messages, not the browser's own (in its UI language) for the e-mail field.
  form.noValidate = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save.disabled = true;
    const body: Record<string, unknown> = {
      email: email.value.trim() || null,
      telegramChatId: telegram.value.trim() || null,
    };
    if (leader) {
      body.dailyReportOptIn = optIn.checked;
    }
    api
      .patch<Profile>('/api/account/profile', body)
      .then(() => mount(status, notice('success', 'Profil pemberitahuan disimpan.')))
      .catch((error: unknown) => mount(status, notice('error', errorText(error))))
      .finally(() => {
        save.disabled = false;
      });
  });
  mount(box, title, form);
}

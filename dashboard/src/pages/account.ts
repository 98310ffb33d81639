import { t } from '../i18n.js';
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
  const profileBox = h('section', { class: 'card' }, h('h2', null, t('account.profilPemberitahuan')));
  mount(
    root,
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        null,
        h('h1', null, t('common.akun')),
        h('p', { class: 'muted' }, t('account.dataAkunProfilPemberitahuan')),
      ),
    ),
    h(
      'div',
      { class: 'grid grid-2' },
      h(
        'section',
        { class: 'card' },
        h('h2', null, t('account.dataAkun')),
        h(
          'dl',
          { class: 'dl' },
          h('dt', null, t('common.nama')),
          h('dd', null, session.displayName || '–'),
          h('dt', null, t('common.namaPengguna')),
          h('dd', null, session.username),
          h('dt', null, t('common.peran')),
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
  const title = h('h2', null, t('account.profilPemberitahuan'));
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
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, t('account.simpanProfil'));
  const form = h(
    'form',
    { class: 'stack', aria: { label: t('account.profilPemberitahuan') } },
    field(t('account.eMail'), email, t('account.alamatTujuanLaporanHarian')),
    field(t('common.idObrolanTelegram'), telegram, t('account.angkaIdObrolanAtau')),
    leader
      ? h(
          'div',
          { class: 'check' },
          optIn,
          h('label', { for: 'daily-report-opt-in' }, t('account.kirimiSayaLaporanHarian')),
        )
      : h('p', { class: 'muted small' }, t('account.laporanHarianDikirimKepada')),
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
      .then(() => mount(status, notice('success', t('account.profilPemberitahuanDisimpan'))))
      .catch((error: unknown) => mount(status, notice('error', errorText(error))))
      .finally(() => {
        save.disabled = false;
      });
  });
  mount(box, title, form);
}

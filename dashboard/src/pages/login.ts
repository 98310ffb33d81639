import { t } from '../i18n.js';
import { api, errorText } from '../api.js';
import { h, field, mount, notice } from '../dom.js';

interface LoginAnswer {
  twoFactorRequired: boolean;
  challengeToken?: string;
}

/**
 * Masuk: username and password; the server sets the httpOnly session cookie. With two-factor login on, the password
 * step answers a challenge and the code step (app code or recovery code) follows in the same card.
 */
export function renderLogin(root: HTMLElement, returnTo: string | null, onDone: () => Promise<void>): void {
  const username = h('input', {
    type: 'text',
    name: 'username',
    autocomplete: 'username',
    required: true,
    spellcheck: false,
  });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('login.masuk'));
  const form = h(
    'form',
    { class: 'stack', aria: { label: t('login.masuk') } },
    field(t('common.namaPengguna'), username),
    field(t('login.kataSandi'), password),
    status,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    mount(status);
    api
      .post<LoginAnswer>('/api/auth/login', { username: username.value.trim(), password: password.value })
      .then((answer) =>
        answer.twoFactorRequired && answer.challengeToken
          ? form.replaceWith(codeStep(answer.challengeToken, onDone))
          : onDone(),
      )
      .catch((error: unknown) => {
        mount(status, notice('error', errorText(error)));
        password.value = '';
        password.focus();
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  mount(
    root,
    h(
      'div',
      { class: 'auth-page' },
      h(
        'div',
        { class: 'auth-card card' },
        h(
          'div',
          { class: 'auth-brand' },
          h('span', { class: 'brand-mark', aria: { hidden: 'true' } }, 'PI'),
          h('span', null, t('common.pantauIsu')),
        ),
        h('h1', null, t('login.masuk')),
        h('p', { class: 'muted' }, t('login.pemantauanIsuMediaSosial')),
        returnTo ? notice('info', t('login.sesiAndaTelahBerakhir')) : null,
        form,
      ),
    ),
  );
  username.focus();
}

/** The code step: six digits from the authenticator app, or one recovery code. */
function codeStep(challengeToken: string, onDone: () => Promise<void>): HTMLElement {
  const code = h('input', {
    type: 'text',
    name: 'code',
    class: 'code-input',
    autocomplete: 'one-time-code',
    spellcheck: false,
    maxlength: 40,
    required: true,
  });
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('login.verifikasi'));
  const step = h(
    'form',
    { class: 'stack', aria: { label: t('common.kodeVerifikasi') } },
    notice('info', t('login.kataSandiBenarMasukkan')),
    field(t('common.kodeVerifikasi'), code, t('login.6AngkaDariAplikasi')),
    status,
    submit,
    h('p', null, h('a', { href: '/masuk' }, t('login.kembaliKeLangkahKata'))),
  );
  step.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    mount(status);
    api
      .post('/api/auth/login/two-factor', { challengeToken, code: code.value.trim() })
      .then(onDone)
      .catch((error: unknown) => {
        mount(status, notice('error', errorText(error)));
        code.value = '';
        code.focus();
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  queueMicrotask(() => code.focus());
  return step;
}

/** Ganti kata sandi: forced after a first login or a reset, and from Akun. */
export function renderPasswordChange(root: HTMLElement, forced: boolean, onDone: () => Promise<void>): HTMLElement {
  const current = h('input', { type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', autocomplete: 'new-password', required: true });
  const repeat = h('input', { type: 'password', autocomplete: 'new-password', required: true });
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('login.simpanKataSandiBaru'));
  const form = h(
    'form',
    { class: 'stack', aria: { label: t('login.gantiKataSandi') } },
    field(t('login.kataSandiSaatIni'), current),
    field(t('login.kataSandiBaru'), next, t('login.minimal10KarakterDan')),
    field(t('login.ulangiKataSandiBaru'), repeat),
    status,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (next.value !== repeat.value) {
      mount(status, notice('error', t('login.kataSandiBaruDan')));
      repeat.focus();
      return;
    }
    submit.disabled = true;
    api
      .post('/api/auth/password', { currentPassword: current.value, newPassword: next.value })
      .then(async () => {
        form.reset();
        mount(status, notice('success', t('login.kataSandiTelahDiganti')));
        await onDone();
      })
      .catch((error: unknown) => mount(status, notice('error', errorText(error))))
      .finally(() => {
        submit.disabled = false;
      });
  });
  const card = h(
    'div',
    { class: forced ? 'auth-card card' : 'card narrow' },
    h('h1', null, t('login.gantiKataSandi')),
    forced ? notice('info', t('login.demiKeamananGantiKata')) : null,
    form,
  );
  mount(root, forced ? h('div', { class: 'auth-page' }, card) : card);
  current.focus();
  return card;
}

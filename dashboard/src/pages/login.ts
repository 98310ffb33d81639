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
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Masuk');
  const form = h(
    'form',
    { class: 'stack', aria: { label: 'Masuk' } },
    field('Nama pengguna', username),
    field('Kata sandi', password),
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
          h('span', null, 'Pantau Isu'),
        ),
        h('h1', null, 'Masuk'),
        h('p', { class: 'muted' }, 'Pemantauan isu media sosial untuk pemerintah daerah.'),
        returnTo ? notice('info', 'Sesi Anda telah berakhir. Silakan masuk kembali.') : null,
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
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Verifikasi');
  const step = h(
    'form',
    { class: 'stack', aria: { label: 'Kode verifikasi' } },
    notice('info', 'Kata sandi benar. Masukkan kode dari aplikasi autentikator Anda.'),
    field('Kode verifikasi', code, '6 angka dari aplikasi autentikator, atau salah satu kode pemulihan.'),
    status,
    submit,
    h('p', null, h('a', { href: '/masuk' }, 'Kembali ke langkah kata sandi')),
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
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Simpan kata sandi baru');
  const form = h(
    'form',
    { class: 'stack', aria: { label: 'Ganti kata sandi' } },
    field('Kata sandi saat ini', current),
    field('Kata sandi baru', next, 'Minimal 10 karakter dan tidak sama dengan nama pengguna.'),
    field('Ulangi kata sandi baru', repeat),
    status,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (next.value !== repeat.value) {
      mount(status, notice('error', 'Kata sandi baru dan ulangannya tidak sama.'));
      repeat.focus();
      return;
    }
    submit.disabled = true;
    api
      .post('/api/auth/password', { currentPassword: current.value, newPassword: next.value })
      .then(async () => {
        form.reset();
        mount(status, notice('success', 'Kata sandi telah diganti. Sesi lain akun ini telah diakhiri.'));
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
    h('h1', null, 'Ganti kata sandi'),
    forced ? notice('info', 'Demi keamanan, ganti kata sandi sementara Anda sebelum melanjutkan.') : null,
    form,
  );
  mount(root, forced ? h('div', { class: 'auth-page' }, card) : card);
  current.focus();
  return card;
}

import { api, errorText } from '../api.js';
import { button, field, h, mount, notice } from '../dom.js';
import { formatDateTime } from '../format.js';

interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  pending: boolean;
  recoveryCodesLeft: number;
  required: boolean;
}

interface Enrolment {
  secret: string;
  otpauthUrl: string;
  /** An SVG data URL drawn by the server (no network). */
  qrCode: string;
}

function codeInput(name: string, label: string): HTMLInputElement {
  return h('input', {
    type: 'text',
    name,
    class: 'code-input',
    autocomplete: 'one-time-code',
    spellcheck: false,
    maxlength: 40,
    required: true,
    aria: { label },
  });
}

/** The secret in groups of four, as authenticator apps ask for it when typed by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

function recoveryCodesView(codes: string[]): HTMLElement {
  return h(
    'div',
    { class: 'stack' },
    notice(
      'info',
      'Simpan kode pemulihan berikut di tempat aman (dicetak atau di pengelola kata sandi). Setiap kode hanya dapat dipakai sekali bila perangkat autentikator tidak tersedia. Kode ini tidak akan ditampilkan lagi.',
    ),
    h(
      'ol',
      { class: 'recovery-codes mono', aria: { label: 'Kode pemulihan' } },
      codes.map((code) => h('li', null, code)),
    ),
  );
}

/**
 * Verifikasi dua langkah (TOTP) of the own account: enrolment with the secret as text and a QR code, confirmation
 * with a first code, recovery codes shown once, and turning it off with a code or the password.
 * `onEnabled` runs once it is on (the forced enrolment then leaves for the dashboard).
 */
export async function renderTwoFactor(root: HTMLElement, onEnabled?: () => Promise<void>): Promise<void> {
  const card = h('section', { class: 'card', aria: { label: 'Verifikasi dua langkah' } });
  mount(root, card);
  let status: TwoFactorStatus;
  try {
    status = await api.get<TwoFactorStatus>('/api/account/two-factor');
  } catch (error) {
    mount(card, h('h2', null, 'Verifikasi dua langkah'), notice('error', errorText(error)));
    return;
  }
  const heading = h('h2', null, 'Verifikasi dua langkah');
  if (!status.enabled) {
    const start = button('Aktifkan verifikasi dua langkah', () => void begin(), { class: 'btn btn-primary' });
    const body = h('div', { class: 'stack' });
    const begin = async () => {
      start.disabled = true;
      try {
        mount(body, enrolmentForm(await api.post<Enrolment>('/api/account/two-factor/enrol'), card, onEnabled));
      } catch (error) {
        mount(body, notice('error', errorText(error)));
        start.disabled = false;
      }
    };
    mount(
      card,
      heading,
      status.required
        ? notice('info', 'Peran Anda wajib memakai verifikasi dua langkah. Aktifkan sebelum melanjutkan.')
        : h('p', { class: 'muted' }, 'Masuk dengan kata sandi dan kode dari aplikasi autentikator di ponsel Anda.'),
      start,
      body,
    );
    return;
  }
  mount(
    card,
    heading,
    h(
      'p',
      null,
      `Aktif sejak ${formatDateTime(status.enabledAt ?? '')}. Sisa kode pemulihan: ${status.recoveryCodesLeft}.`,
    ),
    disableForm(root, onEnabled),
  );
}

function enrolmentForm(enrolment: Enrolment, card: HTMLElement, onEnabled?: () => Promise<void>): HTMLElement {
  const qr = document.createElement('img');
  qr.src = enrolment.qrCode;
  qr.alt = 'Kode QR untuk aplikasi autentikator';
  qr.className = 'totp-qr';
  qr.width = 200;
  qr.height = 200;
  const code = codeInput('code', 'Kode verifikasi');
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Konfirmasi');
  const form = h(
    'form',
    { class: 'stack', aria: { label: 'Konfirmasi verifikasi dua langkah' } },
    h(
      'p',
      null,
      'Pindai kode QR dengan aplikasi autentikator (mis. Google Authenticator, Microsoft Authenticator, FreeOTP), atau ketik kunci rahasia di bawah. Lalu isi kode 6 angka yang ditampilkan aplikasi.',
    ),
    qr,
    h('p', null, 'Kunci rahasia: ', h('code', { class: 'mono totp-secret' }, grouped(enrolment.secret))),
    field('Kode verifikasi', code, '6 angka dari aplikasi autentikator.'),
    status,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    api
      .post<{ recoveryCodes: string[] }>('/api/account/two-factor/confirm', { code: code.value.trim() })
      .then((result) => {
        const done = onEnabled
          ? button('Lanjutkan ke dasbor', () => void onEnabled(), { class: 'btn btn-primary' })
          : null;
        mount(
          card,
          h('h2', null, 'Verifikasi dua langkah'),
          notice('success', 'Verifikasi dua langkah telah aktif. Sesi lain akun ini telah diakhiri.'),
          recoveryCodesView(result.recoveryCodes),
          done,
        );
      })
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
  return form;
}

function disableForm(root: HTMLElement, onEnabled?: () => Promise<void>): HTMLElement {
  const code = codeInput('disable-code', 'Kode verifikasi atau kode pemulihan');
  code.required = false;
  const password = h('input', { type: 'password', name: 'disable-password', autocomplete: 'current-password' });
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-danger' }, 'Nonaktifkan');
  const renew = button(
    'Buat kode pemulihan baru',
    () => {
      if (!code.value.trim()) {
        mount(status, notice('error', 'Isi kode verifikasi dari aplikasi untuk membuat kode pemulihan baru.'));
        code.focus();
        return;
      }
      renew.disabled = true;
      api
        .post<{ recoveryCodes: string[] }>('/api/account/two-factor/recovery-codes', { code: code.value.trim() })
        .then((result) => mount(status, recoveryCodesView(result.recoveryCodes)))
        .catch((error: unknown) => mount(status, notice('error', errorText(error))))
        .finally(() => {
          renew.disabled = false;
          code.value = '';
        });
    },
    { class: 'btn' },
  );
  const form = h(
    'form',
    { class: 'stack', aria: { label: 'Nonaktifkan verifikasi dua langkah' } },
    field('Kode verifikasi atau kode pemulihan', code),
    field('atau kata sandi saat ini', password),
    status,
    h('div', { class: 'actions' }, submit, renew),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = code.value.trim() ? { code: code.value.trim() } : { password: password.value };
    submit.disabled = true;
    api
      .post('/api/account/two-factor/disable', body)
      .then(() => renderTwoFactor(root, onEnabled))
      .catch((error: unknown) => mount(status, notice('error', errorText(error))))
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}

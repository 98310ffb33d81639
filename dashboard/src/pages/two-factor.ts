import { t } from '../i18n.js';
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
    notice('info', t('twoFactor.simpanKodePemulihanBerikut')),
    h(
      'ol',
      { class: 'recovery-codes mono', aria: { label: t('twoFactor.kodePemulihan') } },
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
  const card = h('section', { class: 'card', aria: { label: t('common.verifikasiDuaLangkah') } });
  mount(root, card);
  let status: TwoFactorStatus;
  try {
    status = await api.get<TwoFactorStatus>('/api/account/two-factor');
  } catch (error) {
    mount(card, h('h2', null, t('common.verifikasiDuaLangkah')), notice('error', errorText(error)));
    return;
  }
  const heading = h('h2', null, t('common.verifikasiDuaLangkah'));
  if (!status.enabled) {
    const start = button(t('twoFactor.aktifkanVerifikasiDuaLangkah'), () => void begin(), { class: 'btn btn-primary' });
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
        ? notice('info', t('twoFactor.peranAndaWajibMemakai'))
        : h('p', { class: 'muted' }, t('twoFactor.masukDenganKataSandi')),
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
      t('twoFactor.aktifSejakSisaKode', {
        enabledAt: formatDateTime(status.enabledAt ?? ''),
        recoveryCodesLeft: status.recoveryCodesLeft,
      }),
    ),
    disableForm(root, onEnabled),
  );
}

function enrolmentForm(enrolment: Enrolment, card: HTMLElement, onEnabled?: () => Promise<void>): HTMLElement {
  const qr = document.createElement('img');
  qr.src = enrolment.qrCode;
  qr.alt = t('twoFactor.kodeQrUntukAplikasi');
  qr.className = 'totp-qr';
  qr.width = 200;
  qr.height = 200;
  const code = codeInput('code', t('common.kodeVerifikasi'));
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('twoFactor.konfirmasi'));
  const form = h(
    'form',
    { class: 'stack', aria: { label: t('twoFactor.konfirmasiVerifikasiDuaLangkah') } },
    h('p', null, t('twoFactor.pindaiKodeQrDengan')),
    qr,
    h('p', null, t('twoFactor.kunciRahasia'), h('code', { class: 'mono totp-secret' }, grouped(enrolment.secret))),
    field(t('common.kodeVerifikasi'), code, t('twoFactor.6AngkaDariAplikasi')),
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
          ? button(t('twoFactor.lanjutkanKeDasbor'), () => void onEnabled(), { class: 'btn btn-primary' })
          : null;
        mount(
          card,
          h('h2', null, t('common.verifikasiDuaLangkah')),
          notice('success', t('twoFactor.verifikasiDuaLangkahTelah')),
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
  const code = codeInput('disable-code', t('twoFactor.kodeVerifikasiAtauKode'));
  code.required = false;
  const password = h('input', { type: 'password', name: 'disable-password', autocomplete: 'current-password' });
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-danger' }, t('common.nonaktifkan'));
  const renew = button(
    t('twoFactor.buatKodePemulihanBaru'),
    () => {
      if (!code.value.trim()) {
        mount(status, notice('error', t('twoFactor.isiKodeVerifikasiDari')));
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
    { class: 'stack', aria: { label: t('twoFactor.nonaktifkanVerifikasiDuaLangkah') } },
    field(t('twoFactor.kodeVerifikasiAtauKode'), code),
    field(t('twoFactor.atauKataSandiSaat'), password),
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

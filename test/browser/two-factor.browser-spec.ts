import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, browserRun } from './run-info.js';
import { launchBrowser, loginAs, openContext, screenshot, seriousViolations, submitLogin, visit } from './support.js';

async function call<T>(method: string, path: string, body: unknown, token = ''): Promise<T> {
  const response = await fetch(`${browserRun().url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return (text ? JSON.parse(text) : {}) as T;
}

/** The code an authenticator app shows `steps` time steps from now (the server accepts one step either side). */
function codeAt(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

describe('Verifikasi dua langkah in the browser', () => {
  let browser: Browser;
  /** The pimpinan the first test enrols; the second resets it as an admin would for a lost phone. */
  let enrolled = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should enrol on Akun with the secret shown as text, then sign in with a code', async () => {
    // A pimpinan of its own, so the seeded accounts the other suites sign in with keep a one-step login.
    const { accessToken: admin } = await call<{ accessToken: string }>('POST', '/api/auth/login', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    const username = `pimpinan-2fa-${randomBytes(3).toString('hex')}`;
    enrolled = username;
    const password = `Sandi-${randomBytes(8).toString('hex')}`;
    await call('POST', '/api/users', { username, displayName: 'Uji dua langkah', role: 'pimpinan', password }, admin);
    const { page, context, seen } = await openContext(browser);
    // The first login changes the password the admin set, then reaches the overview.
    await submitLogin(page, username, password);
    const newPassword = `${password}-baru`;
    await page.getByLabel('Kata sandi saat ini').fill(password);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(newPassword);
    await page.getByLabel('Ulangi kata sandi baru').fill(newPassword);
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByRole('heading', { name: 'Ringkasan', level: 1 }).waitFor();

    await visit(page, '/akun');
    await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
    const secretText = await page.locator('.totp-secret').textContent();
    const secret = (secretText ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }).getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    await screenshot(page, '2fa-01-pendaftaran');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Kode verifikasi', { exact: true }).fill(await codeAt(secret));
    await page.getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByText('Verifikasi dua langkah telah aktif').waitFor();
    const codes = await page.getByRole('list', { name: 'Kode pemulihan' }).locator('li').allTextContents();
    expect(codes).toHaveLength(10);
    await screenshot(page, '2fa-02-kode-pemulihan');

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await submitLogin(page, username, newPassword);
    const codeField = page.getByRole('textbox', { name: 'Kode verifikasi' });
    await codeField.waitFor();
    await screenshot(page, '2fa-03-langkah-kode');
    expect(await seriousViolations(page)).toEqual([]);
    await codeField.fill('000000' === (await codeAt(secret, 1)) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Kode verifikasi salah');
    await codeField.fill(await codeAt(secret, 1));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByRole('heading', { name: 'Ringkasan', level: 1 }).waitFor();
    expect(seen.errors.filter((error) => !/401|Unauthorized|400|Bad Request/.test(error))).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    await context.close();
  });

  it('should let an admin reset a lost authenticator from Pengguna', async () => {
    expect(enrolled).not.toBe('');
    const { page, context, seen } = await loginAs(browser, 'admin');
    await visit(page, '/admin/pengguna');
    const row = page.getByRole('row').filter({ hasText: enrolled });
    await expect(row.getByRole('cell', { name: 'Tidak aktif', exact: true }).count()).resolves.toBe(0);
    await page
      .getByRole('button', { name: `Atur ulang verifikasi dua langkah ${enrolled} (perangkat hilang)` })
      .click();
    await row.getByRole('cell', { name: 'Tidak aktif', exact: true }).waitFor();
    await expect(
      page.getByRole('button', { name: `Atur ulang verifikasi dua langkah ${enrolled} (perangkat hilang)` }).count(),
    ).resolves.toBe(0);
    await screenshot(page, '2fa-04-atur-ulang-admin');
    expect(await seriousViolations(page)).toEqual([]);
    const { accessToken: admin } = await call<{ accessToken: string }>('POST', '/api/auth/login', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    const users = (await (
      await fetch(`${browserRun().url}/api/users`, { headers: { Authorization: `Bearer ${admin}` } })
    ).json()) as { username: string; twoFactorEnabled: boolean }[];
    expect(users.find((u) => u.username === enrolled)).toMatchObject({ twoFactorEnabled: false });
    // The login form's first session check answers 401 before signing in, as in the test above.
    expect(seen.errors.filter((error) => !/401|Unauthorized/.test(error))).toEqual([]);
    await context.close();
  });
});

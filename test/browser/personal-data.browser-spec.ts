import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, browserRun, XSS } from './run-info.js';
import { injected, launchBrowser, loginAs, screenshot, seriousViolations, type Session, visit } from './support.js';

async function call<T>(method: string, path: string, body: unknown, token = ''): Promise<T> {
  const response = await fetch(`${browserRun().url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return (text ? JSON.parse(text) : {}) as T;
}

/**
 * Admin → Data pribadi against the shared server: posts of its own (a source and two authors no other suite reads,
 * with hostile text in the source name and one handle), downloaded as JSON, erased and anonymised through the
 * confirmation that repeats the handle.
 */
describe('Data pribadi (UU PDP) in the browser', () => {
  let browser: Browser;
  let admin: Session;
  let token: string;
  const suffix = randomBytes(3).toString('hex');
  const sourceName = `Uji PDP ${suffix} ${XSS.svg}`;
  const erased = `pdp.subjek.${suffix}`;
  const anonymised = `pdp${suffix}${XSS.img}`;
  let sourceId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    token = (
      await call<{ accessToken: string }>('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })
    ).accessToken;
    const at = Date.now() - 30 * 60_000;
    const posts = [
      ...[0, 1, 2].map((i) => ({ externalId: `pdp-${suffix}-e${i}`, author: erased })),
      ...[0, 1].map((i) => ({ externalId: `pdp-${suffix}-a${i}`, author: anonymised })),
    ].map((post, i) => ({
      ...post,
      text: `Lampu jalan di Jalan Pahlawan padam sejak kemarin (laporan ${i})`,
      createdAt: new Date(at - i * 60_000).toISOString(),
      url: `https://contoh.id/${suffix}/${i}`,
    }));
    const { jobId } = await call<{ jobId: string }>('POST', '/api/ingest', { source: sourceName, posts }, token);
    for (let i = 0; ; i++) {
      const { state } = await call<{ state: string }>('GET', `/api/ingest/${jobId}`, undefined, token);
      if (state === 'completed') {
        break;
      }
      if (state === 'failed' || i > 600) {
        throw new Error(`ingest job ${jobId} ended ${state}`);
      }
      await new Promise((done) => setTimeout(done, 200));
    }
    const { items } = await call<{ items: { id: string; name: string }[] }>('GET', '/api/sources', undefined, token);
    sourceId = items.find((item) => item.name === sourceName)?.id ?? '';
    expect(sourceId).not.toBe('');
    admin = await loginAs(browser, 'admin');
    // The login form's own /api/auth/me before signing in answers 401: not this page's error.
    admin.seen.errors.length = 0;
  });

  afterAll(async () => {
    await admin?.context.close();
    await browser?.close();
  });

  const held = (handle: string) =>
    call<{ posts: { author: string }[] }>(
      'POST',
      '/api/admin/personal-data/export',
      { source: sourceId, handle },
      token,
    );

  it('should download what is held about a handle as JSON', async () => {
    const { page, seen } = admin;
    await visit(page, '/admin/data-pribadi');
    await page.getByLabel('Sumber').selectOption(sourceId);
    await page.getByLabel('Nama akun penulis').fill(`@${erased.toUpperCase()}`);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh data (JSON)' }).click(),
    ]);
    const exported = JSON.parse(await readFile(await file.path(), 'utf8')) as {
      source: { id: string; name: string };
      posts: { externalId: string; author: string }[];
    };
    expect(exported.source).toEqual({ id: sourceId, name: sourceName });
    expect(exported.posts.map((post) => post.author)).toEqual([erased, erased, erased]);
    await page.getByText('Berkas diunduh: 3 unggahan, 0 koreksi, 0 isu.').waitFor();
    expect(seen.dialogs).toEqual([]);
  });

  it('should erase only after the handle is typed again', async () => {
    const { page } = admin;
    await page.getByLabel('Nama akun penulis').fill(erased);
    await page.getByRole('button', { name: 'Hapus semua data…' }).click();
    const confirm = page.getByRole('button', { name: 'Hapus semua data', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel('Ketik ulang nama akun untuk mengonfirmasi').fill('pdp.orang.lain');
    expect(await confirm.isDisabled()).toBe(true);
    // Cancelling changes nothing.
    await page.getByRole('button', { name: 'Batal' }).click();
    expect((await held(erased)).posts).toHaveLength(3);

    await page.getByRole('button', { name: 'Hapus semua data…' }).click();
    await page.getByLabel('Ketik ulang nama akun untuk mengonfirmasi').fill(erased);
    await screenshot(page, '5b-admin-data-pribadi-konfirmasi');
    await confirm.click();
    await page.getByText('Data dihapus: 3 unggahan, 0 keanggotaan isu, 0 koreksi, 3 data deteksi.').waitFor();
    expect((await held(erased)).posts).toEqual([]);
  });

  it('should anonymise a hostile handle, showing it as text only', async () => {
    const { page, seen } = admin;
    await page.getByLabel('Nama akun penulis').fill(anonymised);
    await page.getByRole('button', { name: 'Anonimkan…' }).click();
    const form = page.getByRole('form', { name: 'Konfirmasi: Anonimkan' });
    expect(await form.innerText()).toContain(`Akun "${anonymised}" pada sumber "${sourceName}".`);
    expect(await injected(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Ketik ulang nama akun untuk mengonfirmasi').fill(anonymised);
    await page.getByRole('button', { name: 'Anonimkan', exact: true }).click();
    await page.getByText('Data dianonimkan: 2 unggahan').waitFor();
    expect((await held(anonymised)).posts).toEqual([]);
    expect((await held('[ANONIM]')).posts).toHaveLength(2);
    await screenshot(page, '5c-admin-data-pribadi-selesai');
    expect({ dialogs: seen.dialogs, errors: seen.errors, injected: await injected(page) }).toEqual({
      dialogs: [],
      errors: [],
      injected: [],
    });
  });

  it('should refuse an unknown source with the field named', async () => {
    const response = await fetch(`${browserRun().url}/api/admin/personal-data/export`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ source: `tidak-ada-${suffix}`, handle: erased }),
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string[] }).message).toEqual(['source: sumber tidak ditemukan']);
  });
});

/**
 * The README's pictures of the dashboard (docs/screenshots/), taken in Chromium from a running server with the demo
 * stream once its flood has become an issue: Ringkasan, the flood's Detail isu, Telusuri for "banjir", a telaahan
 * drafted from the flood in its editor, and a tracked topic being written with its live preview (not saved).
 *
 *   PANTAU_DATA_DIR=/tmp/pantau-demo PANTAU_ADMIN_PASSWORD=… npm start      (wait ~20 min for the flood issue)
 *   PANTAU_URL=http://127.0.0.1:3000 PANTAU_PASSWORD=… npm run screenshots:readme
 *
 * It drafts one telaahan on that server (as the admin). PANTAU_SCREENSHOT_DIR writes elsewhere.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.js';

const URL_BASE = process.env.PANTAU_URL ?? 'http://127.0.0.1:3000';
const USERNAME = process.env.PANTAU_USER ?? 'admin';
const PASSWORD = process.env.PANTAU_PASSWORD ?? '';
const OUT = resolve(process.env.PANTAU_SCREENSHOT_DIR ?? 'docs/screenshots');

interface IssueItem {
  id: string;
  label: string;
  category: string | null;
  campaign: boolean;
  postCount: number;
}

async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 60_000 });
  // Chart.js animates its first draw (about 1 s).
  await page.waitForTimeout(1500);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
    const login = await context.request.post(`${URL_BASE}/api/auth/login`, {
      data: { username: USERNAME, password: PASSWORD },
      headers: { 'X-Requested-With': 'pantau-dashboard' },
    });
    if (!login.ok()) {
      throw new Error(`Login: ${login.status()} ${await login.text()}`);
    }
    const { items } = (await (await context.request.get(`${URL_BASE}/api/issues?limit=50`)).json()) as {
      items: IssueItem[];
    };
    const flood = items
      .filter((issue) => !issue.campaign && /banjir/i.test(issue.label))
      .sort((a, b) => b.postCount - a.postCount)[0];
    if (!flood) {
      throw new Error(`No flood issue yet (issues: ${items.map((issue) => issue.label).join('; ') || 'none'})`);
    }
    const page = await context.newPage();
    const shot = (name: string) => page.screenshot({ path: resolve(OUT, `${name}.png`) });

    await page.goto(`${URL_BASE}/`);
    await settled(page);
    await page.locator('.map-card canvas').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    await shot('ringkasan');

    await page.goto(`${URL_BASE}/isu/${flood.id}`);
    await settled(page);
    await shot('isu-detail');

    await page.goto(`${URL_BASE}/telusuri?q=banjir`);
    await settled(page);
    await shot('telusuri');

    await page.goto(`${URL_BASE}/admin/topik`);
    await settled(page);
    await page.getByLabel('Nama topik').fill('Banjir Samarinda');
    await page.getByLabel('Kueri').fill('banjir AND (samarinda OR kunjang OR "lok bahu")');
    await page.locator('.preview mark').first().waitFor({ timeout: 60_000 });
    await page.getByLabel('Kueri').scrollIntoViewIfNeeded();
    await shot('topik');

    await page.goto(`${URL_BASE}/isu/${flood.id}`);
    await settled(page);
    await page.getByRole('button', { name: 'Buat telaahan' }).click();
    await page.getByRole('heading', { name: 'TELAAHAN STAF', exact: true }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    await shot('telaahan');
    console.log(`Screenshots of ${URL_BASE} (flood issue "${flood.label}") in ${OUT}`);
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../bench/browser.js';
import { englishTexts, indonesianOnlyPatterns } from './catalogues.js';
import { browserRun, SCREENSHOT_DIR } from './run-info.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type RoleName = 'admin' | 'analyst' | 'pimpinan';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}

/** What a page did that it must not: dialogs, uncaught errors, console errors (a CSP violation is one). */
export interface Watch {
  dialogs: string[];
  errors: string[];
}

export function watch(page: Page): Watch {
  const seen: Watch = { dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      seen.errors.push(`console: ${message.text()}`);
    }
  });
  return seen;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  seen: Watch;
}

/** A fresh browser context (own cookies) with a page on the login form. */
export async function openContext(browser: Browser, viewport = { width: 1366, height: 900 }): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${browserRun().url}/`);
  return { context, page, seen };
}

export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** Signs in through the login form as the seeded account of a role and waits for the overview. */
export async function loginAs(
  browser: Browser,
  role: RoleName,
  viewport?: { width: number; height: number },
): Promise<Session> {
  const session = await openContext(browser, viewport);
  const account = browserRun().accounts[role];
  await submitLogin(session.page, account.username, account.password);
  await session.page.getByRole('heading', { name: 'Ringkasan', level: 1 }).waitFor();
  return session;
}

/** Opens an in-app path and waits until the page has rendered (no "Memuat…" left). */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${browserRun().url}${path}`);
  await page.locator('main h1').first().waitFor();
  // A locator, not waitForFunction: polling a string predicate needs eval, which the page's CSP rightly refuses.
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 30_000 });
}

/** A full-page screenshot of every page into the run's folder (the README's pictures: npm run screenshots:readme). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core run in the page (injected through the DevTools protocol, so the page's CSP stays as strict as served). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

/** Signs of injected markup: a global set by a payload, elements or attributes no page of ours ever renders. */
export async function injected(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const found = [];
    if (window.__xss !== undefined) found.push('window.__xss = ' + String(window.__xss));
    if (document.querySelector('img[src="x"]')) found.push('img[src=x]');
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(element.tagName + '[' + attribute.name + ']');
      }
    }
    for (const script of document.querySelectorAll('script')) {
      if (!script.src) found.push('inline script: ' + script.textContent.slice(0, 40));
    }
    for (const link of document.querySelectorAll('a[href]')) {
      if (/^\\s*javascript:/i.test(link.getAttribute('href'))) found.push('javascript: link');
    }
    if (document.querySelector('main svg')) found.push('svg in main');
    return found;
  })()`);
}

const INDONESIAN_ONLY = JSON.stringify(indonesianOnlyPatterns().map(({ key, pattern }) => [key, pattern]));
const ENGLISH_TEXTS = JSON.stringify(englishTexts());

/**
 * Indonesian messages of the catalogue that the page shows although English is selected: every text node, the
 * document title and the aria-label, title and placeholder attributes, each matched whole against the Indonesian
 * messages whose English differs. Text inside an element marked lang="id" (the telaahan preview, an official
 * Indonesian document) is the exception. Server-given text (posts, category and OPD names, API errors) is not in the
 * catalogue and so never matches.
 */
export async function untranslated(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`((patterns, english) => {
    const alsoEnglish = new Set(english);
    const messages = patterns.map(([key, pattern]) => [key, new RegExp(pattern)]);
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest('[lang="id"], script, style')) texts.push(node.textContent);
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (element.closest('[lang="id"]')) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        if (element.getAttribute(name)) texts.push(element.getAttribute(name));
      }
    }
    const found = new Set();
    for (const raw of texts) {
      const text = raw.trim();
      for (const [key, pattern] of text && !alsoEnglish.has(text) ? messages : []) {
        if (pattern.test(text)) found.add(key + ': ' + text.slice(0, 80));
      }
    }
    return [...found];
  })(${INDONESIAN_ONLY}, ${ENGLISH_TEXTS})`);
}

/** Clicks the ID / EN switch in the top bar (or above the login form) and waits for the page drawn in that language. */
export async function switchLanguage(page: Page, language: 'id' | 'en'): Promise<void> {
  await page.locator(`.lang-switch [data-locale="${language}"]`).first().click();
  await page.locator(`html[lang="${language}"]`).waitFor();
  await page.locator(`.lang-switch [data-locale="${language}"][aria-pressed="true"]`).first().waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 30_000 });
}

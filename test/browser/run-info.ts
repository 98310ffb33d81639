import { resolve } from 'node:path';

/** What global setup hands to the suites (through PANTAU_BROWSER_RUN): the server and the seeded accounts. */
export interface BrowserRun {
  url: string;
  accounts: Record<'admin' | 'analyst' | 'pimpinan', { username: string; password: string }>;
  /** An analyst created by an admin who has not signed in yet: the first login must change the password. */
  pending: { username: string; password: string };
  issueId: string;
  /** A telaahan drafted from the issue (its title and quotes carry the hostile text). */
  briefId: string;
  /** The daily report that was due at the start, composed after the seeding. */
  reportId: string;
  xssSource: string;
  xssTopicId: string;
}

export const ADMIN_PASSWORD = 'Admin-browser-run-1';
export const SCREENSHOT_DIR = resolve('test-results/screenshots');

/** Every payload sets window.__xss or opens a dialog if it ever runs. */
export const XSS = {
  script: '<script>window.__xss="script"</script>',
  img: '<img src=x onerror="window.__xss=\'img\'">',
  svg: '<svg onload="window.__xss=\'svg\'"></svg>',
  link: 'javascript:window.__xss="link"',
  quotes: '"\'><img src=x onerror=alert(1)>',
  attr: "' onmouseover='alert(2)' data-x='",
};

export const XSS_TEXT = Object.values(XSS).join(' ');

/**
 * A post link that breaks out of an attribute if ever written as HTML. The ingest API refuses links that are not
 * http(s) (a javascript: link is answered 400, test/http/hostile-input.e2e-spec.ts), so this is the worst one it stores.
 */
export const XSS_URL = `https://contoh.id/a"><svg/onload=window.__xss='url'>`;

export function browserRun(): BrowserRun {
  const raw = process.env.PANTAU_BROWSER_RUN;
  if (!raw) {
    throw new Error('PANTAU_BROWSER_RUN is not set: run the browser tests with npm run test:browser');
  }
  return JSON.parse(raw) as BrowserRun;
}

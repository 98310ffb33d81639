import { BUCKET_MS, floodStream } from '../issues/issue-stream.ts';
import { ADMIN_PASSWORD, type BrowserRun, XSS, XSS_TEXT, XSS_URL } from './run-info.ts';

type Json = Record<string, unknown>;

class Api {
  constructor(
    private readonly base: string,
    private token = '',
  ) {}

  async call<T = Json>(method: string, path: string, body?: unknown, expected = [200, 201, 202, 204]): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expected.includes(response.status)) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : {}) as T;
  }

  async login(username: string, password: string): Promise<Api> {
    const { accessToken } = await this.call<{ accessToken: string }>('POST', '/api/auth/login', { username, password });
    return new Api(this.base, accessToken);
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 120): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((done) => setTimeout(done, 500));
  }
}

/** An account made by the admin, signed in once to replace its temporary password (as its owner would). */
async function account(admin: Api, anonymous: Api, username: string, role: string, password: string): Promise<void> {
  const temporary = `Sementara-${username}-1`;
  await admin.call('POST', '/api/users', { username, displayName: `Uji ${role}`, role, password: temporary });
  const user = await anonymous.login(username, temporary);
  await user.call('POST', '/api/auth/password', { currentPassword: temporary, newPassword: password });
}

/**
 * The run's data, through the public API only: accounts of every role, a flood story that the detector turns into an
 * issue, an alert rule that fires on it, and hostile text in every place untrusted text appears (post text, author,
 * link, source name, topic name, issue label, alert evidence).
 */
export async function seed(url: string): Promise<Omit<BrowserRun, 'url'>> {
  const anonymous = new Api(url);
  const admin = await anonymous.login('admin', ADMIN_PASSWORD);
  const accounts: BrowserRun['accounts'] = {
    admin: { username: 'admin', password: ADMIN_PASSWORD },
    analyst: { username: 'analis', password: 'Analis-browser-run-1' },
    pimpinan: { username: 'pimpinan', password: 'Pimpinan-browser-run-1' },
  };
  await account(admin, anonymous, accounts.analyst.username, 'analyst', accounts.analyst.password);
  await account(admin, anonymous, accounts.pimpinan.username, 'pimpinan', accounts.pimpinan.password);
  const pending = { username: 'analis_baru', password: 'Sementara-baru-1' };
  await admin.call('POST', '/api/users', {
    username: pending.username,
    displayName: 'Analis Baru',
    role: 'analyst',
    password: pending.password,
  });

  await admin.call('POST', '/api/alerts/rules', {
    name: `Aturan ${XSS.svg}`,
    conditions: { minSeverity: 0, states: ['emerging', 'trending', 'declining', 'dormant'] },
    channels: [{ type: 'email', to: ['redaksi@example.org'] }],
  });

  const start = Math.floor((Date.now() - 13 * 3600_000) / BUCKET_MS) * BUCKET_MS;
  const { posts } = floodStream(start, { prefix: 'uji' });
  let hostile = 0;
  for (const post of posts) {
    if (post.author?.includes('warga_banjir') && hostile < 6) {
      post.text = `${post.text} ${Object.values(XSS)[hostile % 6]}`;
      post.author = `${post.author}${XSS.quotes}`;
      post.url = XSS_URL;
      hostile++;
    }
  }
  const jobs: string[] = [];
  for (let i = 0; i < posts.length; i += 500) {
    const { jobId } = await admin.call<{ jobId: string }>('POST', '/api/ingest', {
      source: 'warga-samarinda',
      posts: posts.slice(i, i + 500),
    });
    jobs.push(jobId);
  }
  const xssSource = `Sumber ${XSS.img}`;
  const now = Date.now();
  const xssPosts = Array.from({ length: 8 }, (_, i) => ({
    externalId: `xss-${i}`,
    text: `Laporan banjir ${i}: ${XSS_TEXT}`,
    createdAt: new Date(now - (i + 1) * 60_000).toISOString(),
    author: `${XSS.svg}${XSS.attr}`,
    url: XSS_URL,
  }));
  jobs.push((await admin.call<{ jobId: string }>('POST', '/api/ingest', { source: xssSource, posts: xssPosts })).jobId);
  for (const jobId of jobs) {
    await until(`ingest job ${jobId}`, async () => {
      const status = await admin.call<{ state: string }>('GET', `/api/ingest/${jobId}`);
      if (status.state === 'failed') {
        throw new Error(`ingest job ${jobId} failed`);
      }
      return status.state === 'completed' ? true : undefined;
    });
  }

  const topic = await admin.call<{ id: string }>('POST', '/api/topics', {
    name: `Topik ${XSS.quotes}`,
    query: 'banjir',
  });

  const detect = await admin.call<{ created: { id: string }[] }>('POST', '/api/issues/detect');
  const { items } = await admin.call<{ items: { id: string; category: string; postCount: number }[] }>(
    'GET',
    '/api/issues?limit=50',
  );
  const flood =
    [...items].sort((a, b) => b.postCount - a.postCount).find((issue) => issue.category === 'bencana') ?? items[0];
  if (!flood) {
    throw new Error(`The detector found no issue in the seeded stream (created: ${JSON.stringify(detect.created)})`);
  }
  await admin.call('POST', `/api/issues/${flood.id}/rename`, { label: `Banjir ${XSS.img} Sungai Kunjang` });
  await until(
    'an alert on the flood',
    async () => {
      const alerts = await admin.call<{ items: unknown[] }>('GET', `/api/alerts?issueId=${flood.id}`);
      return alerts.items.length > 0 ? true : undefined;
    },
    60,
  );
  const brief = await admin.call<{ id: string }>('POST', `/api/issues/${flood.id}/briefs`);
  const report = await admin.call<{ id: string }>('POST', '/api/reports/daily', {});
  return {
    accounts,
    pending,
    issueId: flood.id,
    briefId: brief.id,
    reportId: report.id,
    xssSource,
    xssTopicId: topic.id,
  };
}

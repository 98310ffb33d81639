import { createHmac } from 'node:crypto';
import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { AlertsService } from '../../src/alerts/alerts.service.js';
import { IssueAlertsListener } from '../../src/alerts/issue-alerts.listener.js';
import type { AlertableIssue } from '../../src/alerts/alert.types.js';
import type { IssueView } from '../../src/issues/dto/issue-view.js';
import { IssueEvents } from '../../src/issues/issue-events.js';
import { loginAs } from '../support/auth.js';
import { queueBackendsUnderTest, startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';
import {
  decodeMail,
  fakeTelegram,
  fakeWebhookReceiver,
  FakeSmtpServer,
  type RecordingHttpServer,
} from './local-servers.js';

jest.setTimeout(120_000);

const PUBLIC_URL = 'https://pantau.example.go.id';
const BOT_TOKEN = '123456:uji-token-bot';
const WEBHOOK_SECRET = 'rahasia-webhook-uji-0123456789';

/** Inserts an issue row (the alert references it) and returns the alertable view of it. */
async function storeIssue(db: pg.Client, overrides: Partial<AlertableIssue> = {}): Promise<AlertableIssue> {
  const issue: AlertableIssue = {
    id: '',
    label: 'banjir <b>sungai kunjang</b> & "pengungsi"',
    state: 'emerging',
    severity: 78,
    severityLevel: 'tinggi',
    category: 'bencana',
    opd: 'BPBD',
    postCount: 140,
    authorCount: 96,
    firstDetectedAt: new Date().toISOString(),
    campaign: false,
    places: [{ code: '64.72.05', name: 'Sungai Kunjang' }],
    sentiment: { positive: 5, neutral: 25, negative: 110 },
    topPosts: [
      {
        url: 'https://sosmed.example/p/1?a=1&b=2',
        text: 'Air sudah <script>alert(1)</script> setinggi dada & terus naik',
        author: '@warga<smd>',
      },
      { url: 'https://sosmed.example/p/2', text: 'Pengungsi butuh selimut di posko "Masjid Raya"', author: 'relawan' },
    ],
    ...overrides,
  };
  const [row] = (
    await db.query<{ id: string }>(
      `INSERT INTO issues (label, state, severity, category, opd, post_count, author_count, campaign,
                           first_seen_at, first_detected_at, last_activity_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), now(), now()) RETURNING id`,
      [
        issue.label,
        issue.state,
        issue.severity,
        issue.category,
        issue.opd,
        issue.postCount,
        issue.authorCount,
        issue.campaign,
      ],
    )
  ).rows;
  return { ...issue, id: row.id };
}

/** The issues module's view of the same issue, as IssueEvents carries it. */
function issueView(issue: AlertableIssue): IssueView {
  return {
    id: issue.id,
    label: issue.label,
    state: issue.state,
    lifecycle: 'emerging',
    outcome: null,
    severity: issue.severity,
    severityLevel: 'tinggi',
    category: issue.category ?? 'lainnya',
    opd: issue.opd ?? '',
    postCount: issue.postCount,
    authors: issue.authorCount,
    firstSeenAt: issue.firstDetectedAt,
    firstDetectedAt: issue.firstDetectedAt,
    lastActivityAt: issue.firstDetectedAt,
    campaign: issue.campaign,
    nearDuplicateShare: 0,
    negativeShare: 0,
    regions: issue.places.map((place) => place.code),
    mergedInto: null,
    updatedAt: issue.firstDetectedAt,
    keys: [],
    timeline: [],
    sentiment: issue.sentiment,
    places: issue.places.map((place) => ({ ...place, posts: 3 })),
    topPosts: issue.topPosts.map((post, index) => ({
      id: String(index + 1),
      externalId: null,
      sourceId: null,
      author: post.author ?? null,
      text: post.text,
      url: post.url ?? null,
      reach: 10,
      createdAt: issue.firstDetectedAt,
      sentiment: 'negative',
    })),
    severityDetail: { score: issue.severity, level: 'tinggi', factors: [] },
    stateHistory: [],
    mergedFrom: [],
    splitFrom: null,
    dispositions: [],
    link: `${PUBLIC_URL}/#/issues/${issue.id}`,
  };
}

describe.each(queueBackendsUnderTest())('Alerts end to end (queue on %s)', (backend) => {
  let running: TestSystem;
  let db: pg.Client;
  let telegram: RecordingHttpServer;
  let webhook: RecordingHttpServer;
  let smtp: FakeSmtpServer;
  let admin: string;
  let analyst: string;
  let pimpinan: string;
  let ruleId: string;

  const api = () => request(running.url);
  const alertsOf = async (issueId: string) =>
    (await api().get(`/api/alerts?issueId=${issueId}`).auth(analyst, { type: 'bearer' }).expect(200)).body.items as {
      id: string;
      evidence: { link: string; issue: { label: string } };
      deliveries: { channelType: string; status: string; attempts: number; lastError: string | null }[];
      acknowledged: { by: string } | null;
      falsePositive: { by: string } | null;
    }[];
  const settled = (issueId: string) =>
    waitUntil(
      () => alertsOf(issueId),
      (items) => items.length === 1 && items[0].deliveries.every((d) => d.status === 'sent' || d.status === 'failed'),
      { what: `deliveries of the alert on issue ${issueId}`, timeoutMs: 60_000 },
    );
  /** Through IssueEvents when the issues module provides it, else through the service's entry point. */
  const raise = async (issue: AlertableIssue) => {
    if (running.system.app.get(IssueAlertsListener).subscribed) {
      running.system.app.get(IssueEvents, { strict: false }).emit({ type: 'created', issue: issueView(issue) });
    } else {
      await running.system.app.get(AlertsService).handleIssueEvent({ type: 'created', issue });
    }
  };

  beforeAll(async () => {
    [telegram, webhook, smtp] = await Promise.all([
      fakeTelegram(),
      fakeWebhookReceiver(),
      new FakeSmtpServer().start(),
    ]);
    running = await startTestSystem({
      backend,
      env: {
        PANTAU_PUBLIC_URL: PUBLIC_URL,
        PANTAU_TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        PANTAU_TELEGRAM_API_BASE: telegram.url,
        PANTAU_SMTP_URL: `smtp://127.0.0.1:${smtp.port}?from=pantau@kominfo.example.go.id`,
        // The local webhook receiver listens on 127.0.0.1.
        PANTAU_ALLOW_PRIVATE_SOURCES: 'true',
      },
    });
    db = new pg.Client(running.database.url);
    await db.connect();
    [admin, analyst, pimpinan] = await Promise.all([
      loginAs(running, 'admin'),
      loginAs(running, 'analyst'),
      loginAs(running, 'pimpinan'),
    ]);
  });

  afterAll(async () => {
    await db?.end();
    await running?.stop();
    await Promise.all([telegram?.stop(), webhook?.stop(), smtp?.stop()]);
  });

  it('should let only admins write rules, analysts read them, and refuse pimpinan', async () => {
    const body = { name: 'Uji', conditions: {}, channels: [{ type: 'telegram', chatId: '-100200' }] };
    await api().post('/api/alerts/rules').auth(analyst, { type: 'bearer' }).send(body).expect(403);
    await api().get('/api/alerts/rules').auth(pimpinan, { type: 'bearer' }).expect(403);
    await api().get('/api/alerts/rules').auth(analyst, { type: 'bearer' }).expect(200);
    await api().get('/api/alerts').auth(pimpinan, { type: 'bearer' }).expect(200);
    await api().get('/api/alerts').expect(401);
  });

  it('should refuse malformed rules with Indonesian messages naming the field', async () => {
    const response = await api()
      .post('/api/alerts/rules')
      .auth(admin, { type: 'bearer' })
      .send({
        name: 'Salah',
        conditions: { minSeverity: 130, regionCodes: ['64.7'], states: ['dismissed'] },
        channels: [{ type: 'email', to: ['bukan alamat'] }],
      })
      .expect(400);
    expect(response.body.message).toEqual(
      expect.arrayContaining([
        'conditions.minSeverity: maksimal 100',
        'conditions.regionCodes: harus kode wilayah Kemendagri seperti 64 atau 64.72',
        'conditions.states: harus emerging, trending, declining, atau dormant',
      ]),
    );
    const channels = await api()
      .post('/api/alerts/rules')
      .auth(admin, { type: 'bearer' })
      .send({ name: 'Salah', conditions: {}, channels: [{ type: 'email', to: ['bukan alamat'] }] })
      .expect(400);
    expect(channels.body.message).toEqual(['channels.0.to: alamat e-mail tidak valid']);
  });

  it('should create a rule with the three channels and never show the webhook secret', async () => {
    const response = await api()
      .post('/api/alerts/rules')
      .auth(admin, { type: 'bearer' })
      .send({
        name: 'Bencana di Kalimantan Timur',
        conditions: { minSeverity: 60, categories: ['bencana'], regionCodes: ['64'], minNegativeShare: 0.5 },
        channels: [
          { type: 'telegram', chatId: '-1001234567890' },
          { type: 'email', to: ['humas@kominfo.example.go.id', 'bpbd@example.go.id'] },
          { type: 'webhook', url: `${webhook.url}/hook?src=pantau`, secret: WEBHOOK_SECRET },
        ],
        cooldownMinutes: 120,
      })
      .expect(201);
    ruleId = response.body.id;
    expect(response.body.channels[2]).toEqual({
      type: 'webhook',
      url: `${webhook.url}/hook?src=pantau`,
      secretSet: true,
    });
    expect(JSON.stringify(response.body)).not.toContain(WEBHOOK_SECRET);
    const stored = await db.query<{ channels: string }>(`SELECT channels::text FROM alert_rules WHERE id = $1`, [
      ruleId,
    ]);
    expect(stored.rows[0].channels).not.toContain(WEBHOOK_SECRET);
    const asAnalyst = await api().get(`/api/alerts/rules/${ruleId}`).auth(analyst, { type: 'bearer' }).expect(200);
    expect(asAnalyst.body.channels[2]).toEqual({ type: 'webhook', url: `${webhook.url}/…`, secretSet: true });
  });

  it('should deliver an alert with escaped evidence and the issue link to Telegram, e-mail and a webhook', async () => {
    const issue = await storeIssue(db);
    const before = { telegram: telegram.requests.length, webhook: webhook.requests.length, mail: smtp.mails.length };
    await raise(issue);
    const [alert] = await settled(issue.id);
    expect(alert.deliveries.map((d) => [d.channelType, d.status, d.attempts])).toEqual([
      ['telegram', 'sent', 1],
      ['email', 'sent', 1],
      ['webhook', 'sent', 1],
    ]);
    const link = `${PUBLIC_URL}/#/issues/${issue.id}`;
    expect(alert.evidence.link).toBe(link);

    // Telegram: HTML parse mode, every untrusted text escaped.
    const sent = telegram.requests.slice(before.telegram);
    expect(sent).toHaveLength(1);
    expect(sent[0].path).toBe(`/bot${BOT_TOKEN}/sendMessage`);
    const message = JSON.parse(sent[0].body) as { chat_id: string; text: string; parse_mode: string };
    expect(message.chat_id).toBe('-1001234567890');
    expect(message.parse_mode).toBe('HTML');
    expect(message.text).toContain('banjir &lt;b&gt;sungai kunjang&lt;/b&gt; &amp; &quot;pengungsi&quot;');
    expect(message.text).toContain('Air sudah &lt;script&gt;alert(1)&lt;/script&gt; setinggi dada &amp; terus naik');
    expect(message.text).toContain('@warga&lt;smd&gt;');
    expect(message.text).toContain('<a href="https://sosmed.example/p/1?a=1&amp;b=2">tautan</a>');
    expect(message.text).toContain(`<a href="${link}">Buka isu di Pantau Isu</a>`);
    expect(message.text).toContain('Jumlah unggahan:</b> 140 dari 96 akun');
    expect(message.text).not.toContain('<script>');

    // E-mail: both recipients, plain text and escaped HTML.
    const mails = smtp.mails.slice(before.mail);
    expect(mails).toHaveLength(1);
    expect(mails[0].from).toBe('pantau@kominfo.example.go.id');
    expect(mails[0].to.sort()).toEqual(['bpbd@example.go.id', 'humas@kominfo.example.go.id']);
    const mail = decodeMail(mails[0].data);
    expect(mail.subject).toBe('[Pantau Isu] Peringatan isu: banjir <b>sungai kunjang</b> & "pengungsi"');
    expect(mail.text).toContain('"Air sudah <script>alert(1)</script> setinggi dada & terus naik" — @warga<smd>');
    expect(mail.text).toContain(`Buka isu di Pantau Isu: ${link}`);
    expect(mail.html).toContain('Air sudah &lt;script&gt;alert(1)&lt;/script&gt; setinggi dada &amp; terus naik');
    expect(mail.html).toContain(`<a href="${link}">Buka isu di Pantau Isu</a>`);
    expect(mail.html).not.toContain('<script>');

    // Webhook: JSON evidence, signed with the rule's secret.
    const hooks = webhook.requests.slice(before.webhook);
    expect(hooks).toHaveLength(1);
    expect(hooks[0].path).toBe('/hook?src=pantau');
    const signature = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(hooks[0].body).digest('hex')}`;
    expect(hooks[0].headers['x-pantau-signature-256']).toBe(signature);
    const payload = JSON.parse(hooks[0].body);
    expect(payload).toMatchObject({ event: 'alert.created', alertId: alert.id });
    expect(payload.evidence).toMatchObject({
      link,
      rule: { id: ruleId, name: 'Bencana di Kalimantan Timur' },
      issue: { id: issue.id, label: issue.label, severity: 78, postCount: 140, authorCount: 96, category: 'bencana' },
      sentiment: { negative: 110, negativeShare: 0.786 },
      places: [{ code: '64.72.05', name: 'Sungai Kunjang' }],
    });
    expect(payload.evidence.topPosts[0]).toEqual({
      url: 'https://sosmed.example/p/1?a=1&b=2',
      text: issue.topPosts[0].text,
      author: '@warga<smd>',
    });
    expect(payload.evidence.matched.map((check: { condition: string }) => check.condition)).toEqual([
      'states',
      'minSeverity',
      'categories',
      'regionCodes',
      'minNegativeShare',
    ]);
  });

  it('should hold a second alert for the same issue during the cooldown and skip issues the rule does not match', async () => {
    const service = running.system.app.get(AlertsService);
    const issue = await storeIssue(db);
    const first = await service.handleIssueEvent({ type: 'created', issue });
    expect(first.find((o) => o.ruleId === ruleId)?.outcome).toBe('alerted');
    const second = await service.handleIssueEvent({ type: 'updated', issue: { ...issue, severity: 90 } });
    expect(second.find((o) => o.ruleId === ruleId)).toMatchObject({ outcome: 'cooling_down' });
    const elsewhere = await storeIssue(db, { places: [{ code: '33.74', name: 'Semarang' }] });
    const third = await service.handleIssueEvent({ type: 'created', issue: elsewhere });
    expect(third.find((o) => o.ruleId === ruleId)?.outcome).toBe('not_matched');
    await settled(issue.id);
    expect(await alertsOf(elsewhere.id)).toEqual([]);
  });

  it('should retry after Telegram 429 (retry_after) and a webhook 500, then succeed', async () => {
    telegram.failNext({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      },
    });
    webhook.failNext({ status: 500, body: { error: 'sementara' } });
    const issue = await storeIssue(db);
    await raise(issue);
    const [alert] = await settled(issue.id);
    const byType = Object.fromEntries(alert.deliveries.map((d) => [d.channelType, d]));
    expect(byType.telegram).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(byType.webhook).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(byType.email).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('should fail a delivery refused with a permanent 4xx at once, without retrying, and record why', async () => {
    webhook.failNext({ status: 410, body: { error: 'hilang' } });
    telegram.failNext({
      status: 400,
      body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
    });
    const issue = await storeIssue(db);
    const before = { telegram: telegram.requests.length, webhook: webhook.requests.length };
    await raise(issue);
    const [alert] = await settled(issue.id);
    const byType = Object.fromEntries(alert.deliveries.map((d) => [d.channelType, d]));
    expect(byType.webhook).toMatchObject({ status: 'failed', attempts: 1 });
    expect(byType.webhook.lastError).toMatch(/HTTP 410/);
    expect(byType.telegram).toMatchObject({ status: 'failed', attempts: 1 });
    expect(byType.telegram.lastError).toContain('chat not found');
    expect(byType.telegram.lastError).not.toContain(BOT_TOKEN);
    expect(telegram.requests.length - before.telegram).toBe(1);
    expect(webhook.requests.length - before.webhook).toBe(1);
  });

  it('should record acknowledgements and false positives (audited) and count them per rule', async () => {
    const issue = await storeIssue(db);
    await raise(issue);
    const [alert] = await settled(issue.id);
    await api().post(`/api/alerts/${alert.id}/acknowledge`).auth(pimpinan, { type: 'bearer' }).send({}).expect(403);
    const acked = await api()
      .post(`/api/alerts/${alert.id}/acknowledge`)
      .auth(analyst, { type: 'bearer' })
      .send({ note: 'Sudah diteruskan ke BPBD' })
      .expect(200);
    expect(acked.body.acknowledged.by).toMatch(/^analyst-/);
    const before = (await api().get(`/api/alerts/rules/${ruleId}`).auth(admin, { type: 'bearer' })).body.stats;
    const marked = await api()
      .post(`/api/alerts/${alert.id}/false-positive`)
      .auth(analyst, { type: 'bearer' })
      .send({})
      .expect(200);
    expect(marked.body.falsePositive.by).toMatch(/^analyst-/);
    const rules = (await api().get('/api/alerts/rules').auth(analyst, { type: 'bearer' }).expect(200)).body.items as {
      id: string;
      stats: { falsePositives: number; alerts: number };
      conditions: unknown;
      active: boolean;
    }[];
    const rule = rules.find((r) => r.id === ruleId);
    expect(rule?.stats.falsePositives).toBe(before.falsePositives + 1);
    // Counted, not tuned: the rule is unchanged.
    expect(rule).toMatchObject({
      active: true,
      conditions: { minSeverity: 60, categories: ['bencana'], regionCodes: ['64'], minNegativeShare: 0.5 },
    });
    const audit = await db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'alert' AND target_id = $1 ORDER BY id`,
      [alert.id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['alert.acknowledge', 'alert.false_positive']);
    const open = (await api().get('/api/alerts?status=false_positive').auth(pimpinan, { type: 'bearer' }).expect(200))
      .body;
    expect(open.items.map((item: { id: string }) => item.id)).toContain(alert.id);
    await api()
      .post('/api/alerts/7d1e2f3a-0000-4000-8000-000000000000/acknowledge')
      .auth(analyst, { type: 'bearer' })
      .send({})
      .expect(404);
  });
});

describe('Alerts: webhook addresses pass the private-network guard', () => {
  let running: TestSystem;
  let db: pg.Client;
  let webhook: RecordingHttpServer;
  let admin: string;

  beforeAll(async () => {
    webhook = await fakeWebhookReceiver();
    running = await startTestSystem({ env: { PANTAU_PUBLIC_URL: PUBLIC_URL } });
    db = new pg.Client(running.database.url);
    await db.connect();
    admin = await loginAs(running, 'admin');
  });

  afterAll(async () => {
    await db?.end();
    await running?.stop();
    await webhook?.stop();
  });

  it('should refuse a private webhook address without PANTAU_ALLOW_PRIVATE_SOURCES', async () => {
    for (const url of [`${webhook.url}/hook`, 'http://169.254.169.254/latest/meta-data', 'http://[::1]:8080/x']) {
      const response = await api(running)
        .post('/api/alerts/rules')
        .auth(admin, { type: 'bearer' })
        .send({ name: 'Privat', conditions: {}, channels: [{ type: 'webhook', url }] })
        .expect(400);
      expect(response.body.message[0]).toMatch(/^channels\.0\.url: .*jaringan privat atau internal/);
    }
    expect(Number((await db.query(`SELECT count(*) FROM alert_rules`)).rows[0].count)).toBe(0);
  });

  it('should refuse telegram and e-mail channels when their senders are not configured', async () => {
    const response = await api(running)
      .post('/api/alerts/rules')
      .auth(admin, { type: 'bearer' })
      .send({
        name: 'Tanpa kanal',
        conditions: {},
        channels: [
          { type: 'telegram', chatId: '1' },
          { type: 'email', to: ['a@b.id'] },
        ],
      })
      .expect(400);
    expect(response.body.message).toEqual([
      'channels.0: bot Telegram belum dikonfigurasi (PANTAU_TELEGRAM_BOT_TOKEN)',
      'channels.1: server e-mail belum dikonfigurasi (PANTAU_SMTP_URL)',
    ]);
  });

  it('should refuse at delivery time a private webhook stored before the flag was turned off', async () => {
    const [rule] = (
      await db.query<{ id: string }>(
        `INSERT INTO alert_rules (name, conditions, channels) VALUES ('Lama', '{}', $1) RETURNING id`,
        [JSON.stringify([{ type: 'webhook', url: `${webhook.url}/hook` }])],
      )
    ).rows;
    const issue = await storeIssue(db);
    const outcomes = await running.system.app.get(AlertsService).handleIssueEvent({ type: 'created', issue });
    expect(outcomes).toEqual([expect.objectContaining({ ruleId: rule.id, outcome: 'alerted' })]);
    const delivery = await waitUntil(
      async () =>
        (
          await db.query<{ status: string; attempts: number; last_error: string }>(
            `SELECT d.status, d.attempts, d.last_error FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.issue_id = $1`,
            [issue.id],
          )
        ).rows[0],
      (row) => row?.status === 'failed',
      { what: 'the refused delivery' },
    );
    expect(delivery.attempts).toBe(1);
    expect(delivery.last_error).toMatch(/jaringan privat atau internal/);
    expect(webhook.requests).toHaveLength(0);
  });
});

function api(running: TestSystem) {
  return request(running.url);
}

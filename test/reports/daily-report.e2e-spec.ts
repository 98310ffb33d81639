import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { DailyReportScheduler } from '../../src/reports/daily-report.scheduler.js';
import { DailyReportsService } from '../../src/reports/daily-reports.service.js';
import { dueReportDate, periodOf } from '../../src/reports/report-period.js';
import { decodeMail, FakeSmtpServer, fakeTelegram, type RecordingHttpServer } from '../alerts/local-servers.js';
import { readDocx, readPdf, squash } from '../briefs/document-text.js';
import { floodStream } from '../issues/issue-stream.js';
import { createUser, login, loginAs } from '../support/auth.js';
import { ingestInBatches } from '../support/ingest-batches.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

jest.setTimeout(240_000);

const BOT_TOKEN = '123456:uji-laporan-harian';
const REPORT_TIME = { hour: 6, minute: 0 };
const ZONE = 'Asia/Makassar';
const DAY_MS = 86_400_000;

function binary(res: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

function dayBefore(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The daily report end to end: profile fields, the report of a day of posts built when the scheduler's tick fires,
 * its figures against SQL written here, delivery to a local SMTP server and a Telegram stub, exactly one report per
 * date when two generations race, and the roles of every route.
 */
describe('Daily report (Laporan Harian Monitoring Isu)', () => {
  let running: TestSystem;
  let db: pg.Client;
  let smtp: FakeSmtpServer;
  let telegram: RecordingHttpServer;
  let admin: string;
  let analyst: string;
  let pimpinan: string;
  let pimpinanId: string;
  // Yesterday's report (today's may already have been built by the catch-up at boot, over an empty database).
  const reportDate = dayBefore(dueReportDate(new Date(), REPORT_TIME, ZONE));
  const period = periodOf(reportDate, REPORT_TIME, ZONE);
  const api = () => request(running.url);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    [smtp, telegram] = await Promise.all([new FakeSmtpServer().start(), fakeTelegram()]);
    running = await startTestSystem({
      env: {
        PANTAU_HOME_REGION: '64.72',
        PANTAU_REPORT_TIME: '06:00',
        PANTAU_REPORT_EMAILS: 'Sekda@Uji.go.id',
        PANTAU_SMTP_URL: `smtp://127.0.0.1:${smtp.port}?from=pantau@kominfo.example.go.id`,
        PANTAU_TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        PANTAU_TELEGRAM_API_BASE: telegram.url,
      },
    });
    db = new pg.Client(running.database.url);
    await db.connect();
    [admin, analyst] = await Promise.all([loginAs(running, 'admin'), loginAs(running, 'analyst')]);
    const leader = await createUser(running, { role: 'pimpinan' });
    pimpinanId = leader.id;
    pimpinan = await login(running, leader.username, leader.password);

    const ingest = running.system.app.get(IngestService);
    const source = await ingest.findOrCreatePushSource('uji-laporan');
    // A quiet morning the day before the period (the "previous" figures) and a flood inside the period.
    const earlier = floodStream(period.from.getTime() - 20 * 3_600_000, {
      hours: 2,
      prefix: 'pra',
      floodPerBucket: [],
    });
    const flood = floodStream(period.from.getTime() + 4 * 3_600_000, { prefix: 'lap' });
    for (const posts of [earlier.posts, flood.posts]) {
      await ingestInBatches(ingest, source.id, posts);
    }
    expect((await api().post('/api/issues/detect').set(as(admin)).send()).status).toBe(200);
  });

  afterAll(async () => {
    await db?.end();
    await running?.stop();
    await Promise.all([smtp?.stop(), telegram?.stop()]);
  });

  describe('profile fields', () => {
    it('should let each user edit their own delivery fields, naming the field of a bad value', async () => {
      const bad = await api().patch('/api/account/profile').set(as(pimpinan)).send({ email: 'bukan-email' });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual(['email: harus alamat e-mail yang valid']);
      const ok = await api()
        .patch('/api/account/profile')
        .set(as(pimpinan))
        .send({ email: 'Wali.Kota@Uji.go.id', telegramChatId: '-100123456', dailyReportOptIn: true });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        id: pimpinanId,
        email: 'wali.kota@uji.go.id',
        telegramChatId: '-100123456',
        dailyReportOptIn: true,
      });
      expect((await api().get('/api/account/profile').set(as(pimpinan))).body.email).toBe('wali.kota@uji.go.id');
    });

    it("should let admins edit anyone's profile and nobody else", async () => {
      const other = await createUser(running, { role: 'pimpinan' });
      expect((await api().patch(`/api/users/${other.id}/profile`).set(as(analyst)).send({})).status).toBe(403);
      expect((await api().patch(`/api/users/${other.id}/profile`).set(as(pimpinan)).send({})).status).toBe(403);
      const edited = await api()
        .patch(`/api/users/${other.id}/profile`)
        .set(as(admin))
        .send({ telegramChatId: '@bukan_pelanggan', dailyReportOptIn: false });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ telegramChatId: '@bukan_pelanggan', dailyReportOptIn: false });
      const audit = await db.query(`SELECT details FROM audit_log WHERE action = 'user.profile' AND target_id = $1`, [
        other.id,
      ]);
      expect(audit.rows.map((r) => r.details)).toEqual([expect.objectContaining({ fields: ['telegramChatId'] })]);
    });
  });

  describe('when the schedule fires', () => {
    let reportId: string;

    beforeAll(async () => {
      const result = await running.system.app
        .get(DailyReportScheduler)
        .tick(new Date(period.to.getTime() + 60_000), 'scheduled');
      expect(result).toMatchObject({ reportDate, created: true });
      reportId = result!.id;
    });

    it('should deliver the report by e-mail to the opted-in pimpinan and the configured address', async () => {
      const mails = await waitUntil(
        async () => smtp.mails.filter((mail) => decodeMail(mail.data).subject.includes(reportDate)),
        (found) => found.length >= 2,
        { what: 'two report e-mails' },
      );
      expect(mails.flatMap((mail) => mail.to).sort()).toEqual(['sekda@uji.go.id', 'wali.kota@uji.go.id']);
      expect(decodeMail(mails[0].data).subject).toBe(`[Pantau Isu] Laporan Harian Monitoring Isu ${reportDate}`);
      // multipart/mixed (the attachments) around multipart/alternative (text and HTML): read the inner part.
      const inner = mails[0].data.slice(mails[0].data.indexOf('Content-Type: multipart/alternative'));
      expect(decodeMail(inner).text).toContain(`#/reports/${reportId}`);
      for (const mail of mails) {
        expect(mail.data).toContain(`filename=laporan-harian-${reportDate}.docx`);
        expect(mail.data).toContain(`filename=laporan-harian-${reportDate}.pdf`);
        expect(mail.data).toContain('Content-Type: application/pdf');
      }
    });

    it('should send a short Telegram summary with a link, and log every delivery', async () => {
      const sent = await waitUntil(
        async () =>
          telegram.requests
            .map((r) => JSON.parse(r.body) as { chat_id: string; text: string })
            .filter((m) => m.text.includes('Laporan Harian Monitoring Isu')),
        (found) => found.some((m) => m.chat_id === '-100123456' && m.text.includes(reportId)),
        { what: 'the Telegram summary' },
      );
      expect(telegram.requests[0].path).toBe(`/bot${BOT_TOKEN}/sendMessage`);
      expect(sent.find((m) => m.chat_id === '-100123456')?.text).toContain('<a href="');
      const deliveries = await waitUntil(
        async () =>
          (
            await db.query(
              `SELECT channel, recipient, status, attempts FROM report_deliveries WHERE report_id = $1
                ORDER BY channel, recipient`,
              [reportId],
            )
          ).rows,
        (rows) => rows.every((r) => r.status === 'sent'),
        { what: 'every delivery sent' },
      );
      const username = (await db.query(`SELECT username FROM users WHERE id = $1`, [pimpinanId])).rows[0].username;
      expect(deliveries).toEqual([
        { channel: 'email', recipient: 'sekda@uji.go.id', status: 'sent', attempts: 1 },
        { channel: 'email', recipient: 'wali.kota@uji.go.id', status: 'sent', attempts: 1 },
        { channel: 'inbox', recipient: username, status: 'sent', attempts: 0 },
        { channel: 'telegram', recipient: '-100123456', status: 'sent', attempts: 1 },
      ]);
    });

    it('should state figures that match SQL over the posts, issues and dispositions of the period', async () => {
      const response = await api().get(`/api/reports/${reportId}`).set(as(pimpinan));
      expect(response.status).toBe(200);
      const content = response.body.content;
      expect(content.period).toMatchObject({
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        timeZoneAbbreviation: 'WITA',
      });
      const window = [period.from, period.to];
      const [totals] = (
        await db.query(
          `SELECT count(*) FILTER (WHERE created_at >= $1 AND created_at < $2)::int AS posts,
                  count(*) FILTER (WHERE created_at >= $1::timestamptz - interval '24 hours' AND created_at < $1)::int
                    AS previous,
                  count(*) FILTER (WHERE created_at >= $1 AND created_at < $2 AND sentiment = 'negative')::int AS negative
             FROM posts`,
          window,
        )
      ).rows;
      expect(totals.posts).toBeGreaterThan(0);
      expect(totals.previous).toBeGreaterThan(0);
      expect(content.overview.posts).toMatchObject({ value: totals.posts, previous: totals.previous });
      expect(content.overview.negativeShare).toBeCloseTo(totals.negative / totals.posts, 3);

      const categories = (
        await db.query(
          `SELECT category AS key, count(*)::int AS posts,
                  count(*) FILTER (WHERE sentiment = 'negative')::int AS negative_posts,
                  count(*) FILTER (WHERE sentiment = 'neutral')::int AS neutral_posts,
                  count(*) FILTER (WHERE sentiment = 'positive')::int AS positive_posts,
                  count(*) FILTER (WHERE sentiment = 'negative')::float / count(*) AS negative,
                  count(*) FILTER (WHERE sentiment = 'positive')::float / count(*) AS positive
             FROM posts WHERE created_at >= $1 AND created_at < $2 GROUP BY 1 ORDER BY 2 DESC, 1`,
          window,
        )
      ).rows;
      expect(content.categories.map((c: { key: string; posts: number }) => [c.key, c.posts])).toEqual(
        categories.map((c) => [c.key, c.posts]),
      );
      categories.forEach((c, i) => {
        expect(content.categories[i].negativeShare).toBeCloseTo(c.negative, 3);
        expect(content.categories[i].positiveShare).toBeCloseTo(c.positive, 3);
        // The counts behind the chart of volume and tone by category.
        expect(content.categories[i].tone).toEqual({
          negative: c.negative_posts,
          neutral: c.neutral_posts,
          positive: c.positive_posts,
        });
      });
      const sources = (
        await db.query(
          `SELECT source_id::text AS id, count(*)::int AS posts FROM posts WHERE created_at >= $1 AND created_at < $2
            GROUP BY 1 ORDER BY 2 DESC`,
          window,
        )
      ).rows;
      expect(content.sources.map((s: { id: string; posts: number }) => ({ id: s.id, posts: s.posts }))).toEqual(
        sources,
      );

      // Top issues: the most severe issues active in the period (not dismissed or merged), posts in and before it.
      const issues = (
        await db.query(
          `SELECT id, label, opd FROM issues
            WHERE last_activity_at >= $1 AND first_seen_at < $2 AND state NOT IN ('dismissed', 'merged')
              AND merged_into IS NULL
            ORDER BY severity DESC, first_detected_at DESC LIMIT 5`,
          window,
        )
      ).rows;
      expect(issues.length).toBeGreaterThan(0);
      expect(content.topIssues.map((i: { id: string }) => i.id)).toEqual(issues.map((i) => i.id));
      for (const [index, issue] of issues.entries()) {
        const [counts] = (
          await db.query(
            `SELECT count(*) FILTER (WHERE post_created_at >= $2 AND post_created_at < $3)::int AS value,
                    count(*) FILTER (WHERE post_created_at >= $2::timestamptz - interval '24 hours'
                                       AND post_created_at < $2)::int AS previous
               FROM issue_posts WHERE issue_id = $1`,
            [issue.id, ...window],
          )
        ).rows;
        const top = content.topIssues[index];
        expect(top.posts).toMatchObject(counts);
        // Tone and places of the issue's posts in the period.
        const [tone] = (
          await db.query(
            `SELECT count(*) FILTER (WHERE p.sentiment = 'positive')::float / nullif(count(p.sentiment), 0) AS positive,
                    count(*) FILTER (WHERE p.sentiment = 'negative')::float / nullif(count(p.sentiment), 0) AS negative
               FROM issue_posts ip JOIN posts p ON p.id = ip.post_id
              WHERE ip.issue_id = $1 AND ip.post_created_at >= $2 AND ip.post_created_at < $3`,
            [issue.id, ...window],
          )
        ).rows;
        expect(top.sentiment.positive).toBeCloseTo(tone.positive ?? 0, 3);
        expect(top.sentiment.negative).toBeCloseTo(tone.negative ?? 0, 3);
        const places = (
          await db.query(
            `SELECT loc->>'code' AS code, count(DISTINCT p.id)::int AS n
               FROM issue_posts ip JOIN posts p ON p.id = ip.post_id, jsonb_array_elements(p.locations) loc
              WHERE ip.issue_id = $1 AND ip.post_created_at >= $2 AND ip.post_created_at < $3
              GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3`,
            [issue.id, ...window],
          )
        ).rows;
        expect(top.places.map((p: { code: string }) => p.code)).toEqual(places.map((p) => p.code));
        expect(top.opd).toBe(issue.opd);
        expect(top.recommendation).toMatch(/\.$/);
      }
      const flood = content.topIssues.find((i: { category: string }) => i.category === 'bencana');
      expect(flood?.recommendation).toBe(
        'BPBD mengerahkan tim reaksi cepat ke lokasi terdampak dan melaporkan kondisi terkini.',
      );

      const alerts = await db.query(
        `SELECT count(*)::int AS n FROM alerts WHERE created_at >= $1 AND created_at < $2`,
        window,
      );
      expect(content.newAlerts).toHaveLength(alerts.rows[0].n);
      const overdue = await db.query(
        `SELECT opd, count(*)::int AS overdue FROM issue_dispositions
          WHERE responded_at IS NULL AND respond_due_at < now() GROUP BY 1 ORDER BY 1`,
      );
      expect(
        content.overdueDispositions.map((o: { opd: string; overdue: number }) => [o.opd, o.overdue]).sort(),
      ).toEqual(overdue.rows.map((o) => [o.opd, o.overdue]));
      expect(content.summary).toContain(`tercatat ${totals.posts.toLocaleString('id-ID')} unggahan`);
    });

    it('should list the report in the inbox, by date, for every role', async () => {
      for (const token of [pimpinan, analyst, admin]) {
        const list = await api().get(`/api/reports?from=${reportDate}&to=${reportDate}`).set(as(token));
        expect(list.status).toBe(200);
        expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([reportId]);
      }
      expect((await api().get('/api/reports?from=2026-13-01').set(as(pimpinan))).status).toBe(400);
      expect((await api().get(`/api/reports/${reportId}`)).status).toBe(401);
      const view = await api().get(`/api/reports/${reportId}`).set(as(pimpinan));
      expect(view.body.deliveries.map((d: { recipient: string }) => d.recipient)).toContain('w***@uji.go.id');
    });

    it('should export the report as DOCX and PDF with its sections and figures, for every role', async () => {
      const content = (await api().get(`/api/reports/${reportId}`).set(as(pimpinan))).body.content;
      const [totals] = (
        await db.query(`SELECT count(*)::int AS posts FROM posts WHERE created_at >= $1 AND created_at < $2`, [
          period.from,
          period.to,
        ])
      ).rows;
      const totalsByCategory = (
        await db.query(
          `SELECT category, count(*)::int AS posts FROM posts WHERE created_at >= $1 AND created_at < $2
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
          [period.from, period.to],
        )
      ).rows;
      const expected = [
        'LAPORAN HARIAN MONITORING ISU',
        'Ringkasan',
        'Isu Menonjol',
        'Pemilahan Isu',
        'Peringatan Baru',
        'Volume dan Sentimen per Kategori',
        'Disposisi Melewati Batas Waktu per OPD',
        `tercatat ${totals.posts.toLocaleString('id-ID')} unggahan`,
        content.topIssues[0].label,
        `${content.topIssues[0].posts.value.toLocaleString('id-ID')} unggahan`,
        'Gambar 1. Volume unggahan per jam',
        'Gambar 2. Volume dan sentimen unggahan per kategori',
        `Kategori terbanyak: ${content.categories[0].label} ${totalsByCategory[0].posts.toLocaleString('id-ID')} unggahan`,
      ];
      const docx = await api()
        .get(`/api/reports/${reportId}/export?format=docx`)
        .set(as(pimpinan))
        .buffer(true)
        .parse(binary);
      expect(docx.status).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      const word = await readDocx(docx.body as Buffer);
      expect(word.files.filter((file) => file.startsWith('word/media/'))).toHaveLength(2);
      for (const phrase of expected) {
        expect(squash(word.text)).toContain(phrase);
      }
      const pdf = await api()
        .get(`/api/reports/${reportId}/export?format=pdf`)
        .set(as(analyst))
        .buffer(true)
        .parse(binary);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const { text } = await readPdf(pdf.body as Buffer);
      for (const phrase of expected) {
        expect(text).toContain(phrase);
      }
      expect((await api().get(`/api/reports/${reportId}/export?format=odt`).set(as(admin))).status).toBe(400);
      expect((await api().get(`/api/reports/${reportId}/export?format=pdf`)).status).toBe(401);
    });

    it('should not build or deliver the same date again when the schedule fires twice', async () => {
      const again = await running.system.app
        .get(DailyReportScheduler)
        .tick(new Date(period.to.getTime() + 120_000), 'scheduled');
      expect(again).toBeNull();
      const rows = await db.query(`SELECT count(*)::int AS n FROM daily_reports WHERE report_date = $1`, [reportDate]);
      expect(rows.rows[0].n).toBe(1);
    });
  });

  it('should produce one report for a date when two generations race', async () => {
    const date = dayBefore(reportDate, 2);
    const service = running.system.app.get(DailyReportsService);
    const results = await Promise.all([
      service.generate(date, 'scheduled', null),
      service.generate(date, 'catch-up', null),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0].id).toBe(results[1].id);
    const rows = await db.query(`SELECT id FROM daily_reports WHERE report_date = $1`, [date]);
    expect(rows.rows.map((r) => r.id)).toEqual([results[0].id]);
    const deliveries = await db.query(
      `SELECT channel, count(*)::int AS n FROM report_deliveries WHERE report_id = $1 GROUP BY 1 ORDER BY 1`,
      [results[0].id],
    );
    expect(deliveries.rows).toEqual([
      { channel: 'email', n: 2 },
      { channel: 'inbox', n: 1 },
      { channel: 'telegram', n: 1 },
    ]);
  });

  it('should regenerate on demand for analysts and admins only, without delivering again', async () => {
    const date = dayBefore(reportDate, 2);
    const [{ id, generation }] = (
      await db.query(`SELECT id, generation FROM daily_reports WHERE report_date = $1`, [date])
    ).rows;
    expect((await api().post('/api/reports/daily').set(as(pimpinan)).send({ date })).status).toBe(403);
    expect((await api().post('/api/reports/daily').send({ date })).status).toBe(401);
    const regenerated = await api().post('/api/reports/daily').set(as(analyst)).send({ date });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body).toMatchObject({ id, reportDate: date, generation: generation + 1 });
    const deliveries = await db.query(`SELECT count(*)::int AS n FROM report_deliveries WHERE report_id = $1`, [id]);
    expect(deliveries.rows[0].n).toBe(4);
    const future = await api().post('/api/reports/daily').set(as(admin)).send({ date: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.message).toEqual([
      'date: laporan untuk tanggal ini belum dapat disusun (periodenya belum berakhir)',
    ]);
    const bad = await api().post('/api/reports/daily').set(as(admin)).send({ date: '2026-02-30' });
    expect(bad.status).toBe(400);
  });
});

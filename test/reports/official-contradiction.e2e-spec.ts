import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';
import { IssuesRepository } from '../../src/issues/issues.repository.js';
import { dueReportDate, periodOf } from '../../src/reports/report-period.js';
import { readDocx, squash } from '../briefs/document-text.js';
import { floodStream } from '../issues/issue-stream.js';
import { loginAs } from '../support/auth.js';
import { ingestInBatches } from '../support/ingest-batches.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';

jest.setTimeout(240_000);

const ZONE = 'Asia/Makassar';
const MINUTE = 60_000;

function binary(res: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * "Perlu klarifikasi" for citizens' claims contradicting an official statement, through the report: a flood is
 * detected, the city's news portal (an official source) says the water has receded, citizens answer that it has
 * not; with the portal configured as official the report lists the flood under perlu klarifikasi with counts that
 * SQL written here recomputes, and without it the rule does not fire.
 */
describe('Daily report: claims contradicting an official statement', () => {
  let running: TestSystem;
  let db: pg.Client;
  let admin: string;
  let analyst: string;
  let floodId: string;
  let portalId: string;
  const reportDate = new Date(
    Date.parse(`${dueReportDate(new Date(), { hour: 6, minute: 0 }, ZONE)}T00:00:00Z`) - 86_400_000,
  )
    .toISOString()
    .slice(0, 10);
  const period = periodOf(reportDate, { hour: 6, minute: 0 }, ZONE);
  const api = () => request(running.url);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    running = await startTestSystem({ env: { PANTAU_HOME_REGION: '64.72', PANTAU_REPORT_TIME: '06:00' } });
    db = new pg.Client(running.database.url);
    await db.connect();
    [admin, analyst] = await Promise.all([loginAs(running, 'admin'), loginAs(running, 'analyst')]);
    const ingest = running.system.app.get(IngestService);
    const citizens = await ingest.findOrCreatePushSource('uji-warga');
    const portal = await ingest.findOrCreatePushSource('portal-pemkot');
    portalId = portal.id;
    const flood = floodStream(period.from.getTime() + 4 * 3_600_000, { prefix: 'ofc' });
    await ingestInBatches(ingest, citizens.id, flood.posts);
    expect((await api().post('/api/issues/detect').set(as(admin)).send()).status).toBe(200);
    floodId = (
      await db.query(
        `SELECT ip.issue_id FROM issue_posts ip JOIN posts p ON p.id = ip.post_id
          WHERE p.author LIKE 'ofc_warga_banjir_%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      )
    ).rows[0].issue_id;

    // After the flood: the portal's statement, then citizens saying otherwise and others thanking the volunteers.
    const last = Date.parse(flood.posts[flood.posts.length - 1].createdAt);
    const at = (minutes: number) => new Date(last + minutes * MINUTE).toISOString();
    const statement: IngestPostPayload = {
      externalId: 'ofc-resmi-1',
      text: 'Banjir di Sungai Kunjang sudah surut, warga dapat kembali ke rumah masing-masing.',
      createdAt: at(5),
    };
    const replies: IngestPostPayload[] = Array.from({ length: 16 }, (_, i) => ({
      externalId: `ofc-balas-${i}`,
      text:
        i < 11
          ? `Faktanya air masih sepinggang di Sungai Kunjang RT ${i + 1}, mohon BPBD datang`
          : `Terima kasih relawan yang membantu warga Sungai Kunjang ${i}`,
      createdAt: at(10 + i * 3),
      author: `ofc_penjawab_${i}`,
    }));
    // An official account on the citizens' source, before the portal and not a statement: not the first statement.
    const account: IngestPostPayload = {
      externalId: 'ofc-akun-1',
      text: 'Petugas BPBD memantau banjir di Sungai Kunjang',
      createdAt: at(2),
      author: 'HumasPemkot',
    };
    await ingestInBatches(ingest, portal.id, [statement]);
    await ingestInBatches(ingest, citizens.id, [account, ...replies]);
    const added = await db.query(`SELECT id::text FROM posts WHERE external_id ~ '^ofc-(resmi|balas|akun)-'`);
    expect(added.rows).toHaveLength(18);
    await running.system.app.get(IssuesRepository).addPosts(
      running.system.app.get(DataSource).manager,
      floodId,
      added.rows.map((r) => r.id),
    );
  });

  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  it('should take official sources and accounts in the template, admin only, naming a wrong field', async () => {
    const current = (await api().get('/api/settings/brief-template').set(as(admin))).body;
    expect(current.official).toEqual({ sources: [], accounts: [] });
    const wrong = await api()
      .put('/api/settings/brief-template')
      .set(as(admin))
      .send({ ...current, official: { sources: ['bukan-uuid'], accounts: ['akun dengan spasi'] } });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body.message)).toContain('setiap sumber harus id sumber (UUID)');
    expect(JSON.stringify(wrong.body.message)).toContain('official.accounts');
    const official = { sources: [portalId], accounts: ['@HumasPemkot'] };
    expect(
      (
        await api()
          .put('/api/settings/brief-template')
          .set(as(analyst))
          .send({ ...current, official })
      ).status,
    ).toBe(403);
    const put = await api()
      .put('/api/settings/brief-template')
      .set(as(admin))
      .send({ ...current, official });
    expect(put.status).toBe(200);
    expect(put.body.official).toEqual({ sources: [portalId], accounts: ['humaspemkot'] });
  });

  it('should list the flood under perlu klarifikasi with the statement and counts SQL recomputes', async () => {
    const generated = await api().post('/api/reports/daily').set(as(analyst)).send({ date: reportDate });
    expect(generated.status).toBe(200);
    const content = generated.body.content;
    const item = content.groups.perluKlarifikasi.find((i: { issueId: string }) => i.issueId === floodId);
    expect(item).toBeDefined();

    const window = [period.from, period.to];
    const official = `(p.source_id = $4 OR lower(p.author) = 'humaspemkot')`;
    const [first] = (
      await db.query(
        `SELECT p.id, p.created_at FROM issue_posts ip JOIN posts p ON p.id = ip.post_id
          WHERE ip.issue_id = $1 AND p.created_at >= $2 AND p.created_at < $3 AND ${official}
            AND p.text ILIKE '%sudah surut%'
          ORDER BY p.created_at LIMIT 1`,
        [floodId, ...window, portalId],
      )
    ).rows;
    const [after] = (
      await db.query(
        `SELECT count(*)::int AS citizens,
                count(*) FILTER (WHERE p.text ~* '\\m(masih|belum|tetap|nyatanya|faktanya|kenyataannya|bohong|tidak benar|hoaks|omong kosong)\\M')::int
                  AS claims
           FROM issue_posts ip JOIN posts p ON p.id = ip.post_id
          WHERE ip.issue_id = $1 AND p.created_at > $2 AND p.created_at < $3 AND NOT ${official.replace('$4', '$4::uuid')}`,
        [floodId, first.created_at, period.to, portalId],
      )
    ).rows;
    expect(after).toEqual({ citizens: 16, claims: 11 });
    const time = new Intl.DateTimeFormat('id-ID', {
      timeZone: ZONE,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(first.created_at))
      .reduce<Record<string, string>>((parts, part) => ({ ...parts, [part.type]: part.value }), {});
    expect(item.reason).toBe(
      `Pernyataan resmi portal-pemkot (${time.day} ${time.month} ${time.year} pukul ${time.hour}.${time.minute} WITA) ` +
        `membantah atau menyatakan sudah ditangani, tetapi ${after.claims} dari ${after.citizens} unggahan warga ` +
        'sesudahnya menyatakan sebaliknya.',
    );

    const docx = await api()
      .get(`/api/reports/${generated.body.id}/export?format=docx`)
      .set(as(analyst))
      .buffer(true)
      .parse(binary);
    expect(squash((await readDocx(docx.body as Buffer)).text)).toContain(
      `tetapi ${after.claims} dari ${after.citizens} unggahan warga sesudahnya menyatakan sebaliknya`,
    );
  });

  it('should not fire when no official voice is configured', async () => {
    const current = (await api().get('/api/settings/brief-template').set(as(admin))).body;
    await api()
      .put('/api/settings/brief-template')
      .set(as(admin))
      .send({ ...current, official: { sources: [], accounts: [] } })
      .expect(200);
    const generated = await api().post('/api/reports/daily').set(as(analyst)).send({ date: reportDate });
    expect(generated.status).toBe(200);
    const reasons = Object.values(generated.body.content.groups as Record<string, { reason: string }[]>)
      .flat()
      .map((i) => i.reason);
    expect(reasons.some((reason) => reason.startsWith('Pernyataan resmi'))).toBe(false);
  });
});

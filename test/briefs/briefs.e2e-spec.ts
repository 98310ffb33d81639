import pg from 'pg';
import request from 'supertest';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { BUCKET_MS, floodStream } from '../issues/issue-stream.js';
import { loginAs } from '../support/auth.js';
import { ingestInBatches } from '../support/ingest-batches.js';
import { startTestSystem, TestSystem } from '../support/test-system.js';
import { readDocx, readPdf, squash } from './document-text.js';
import { count, dateTimeWita, hourWita, sectionText, share, workingDaysAfterWita } from './brief-expectations.js';

/** supertest: collect a binary response body as a Buffer. */
function binary(res: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Telaahan staf from a detected issue: every figure of the draft recomputed here by SQL over the test database, the
 * workflow (edit, submit, return, approve) with its 409s and roles, versions, audit, template settings.
 */
describe('Briefs: telaahan staf from a detected issue', () => {
  let running: TestSystem;
  let db: pg.Client;
  let admin: string;
  let analyst: string;
  let pimpinan: string;
  let floodId: string;
  let briefId: string;
  const start = Math.floor((Date.now() - 20 * 3600_000) / BUCKET_MS) * BUCKET_MS;
  const api = () => request(running.url);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    running = await startTestSystem({ env: { PANTAU_HOME_REGION: '64.72' } });
    db = new pg.Client(running.database.url);
    await db.connect();
    [admin, analyst, pimpinan] = await Promise.all([
      loginAs(running, 'admin'),
      loginAs(running, 'analyst'),
      loginAs(running, 'pimpinan'),
    ]);
    const ingest = running.system.app.get(IngestService);
    const source = await ingest.findOrCreatePushSource('uji-telaahan');
    const { posts } = floodStream(start, { prefix: 'tel' });
    await ingestInBatches(ingest, source.id, posts);
    expect((await api().post('/api/issues/detect').set(as(admin)).send()).status).toBe(200);
    const list = await api().get('/api/issues?category=bencana').set(as(analyst));
    const flood = list.body.items.find((i: { label: string }) => /banjir|kunjang/iu.test(i.label));
    floodId = flood.id;
    // Earlier issues: one related (same category, shared place, 30 days before), one too old, one of another category.
    const [{ region_codes: regions, first_detected_at: detected }] = (
      await db.query(`SELECT region_codes, first_detected_at FROM issues WHERE id = $1`, [floodId])
    ).rows;
    const earlier = (days: number, category: string, label: string) =>
      db.query(
        `INSERT INTO issues (label, state, lifecycle, outcome, outcome_at, category, opd, first_seen_at,
                             first_detected_at, last_activity_at, region_codes)
         VALUES ($1, 'followed_up', 'dormant', 'followed_up', $2, $3, 'BPBD', $2, $2, $2, $4)`,
        [label, new Date(detected.getTime() - days * 86_400_000), category, regions],
      );
    await earlier(30, 'bencana', 'Banjir Sungai Kunjang bulan lalu');
    await earlier(120, 'bencana', 'Banjir lama sekali');
    await earlier(10, 'kesehatan', 'Demam berdarah di Sungai Kunjang');
  });

  afterAll(async () => {
    await db?.end();
    await running?.stop();
  });

  it('should draft a telaahan whose every figure matches SQL over the issue posts', async () => {
    const created = await api().post(`/api/issues/${floodId}/briefs`).set(as(analyst)).send();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ issueId: floodId, state: 'draft', version: 1 });
    expect(Object.keys(created.body.sections).sort()).toEqual(
      ['analisis', 'fakta', 'kesimpulan', 'persoalan', 'praanggapan', 'saran'].sort(),
    );
    expect(created.body.header).toMatchObject({ sifat: expect.any(String), hal: expect.stringContaining('"') });
    briefId = created.body.id;
    const fakta = sectionText(created.body.sections.fakta);
    const figures = created.body.figures;

    const join = `FROM issue_posts ip JOIN posts p ON p.id = ip.post_id WHERE ip.issue_id = $1`;
    const [totals] = (
      await db.query(
        `SELECT count(*)::int AS posts, count(DISTINCT coalesce(p.author, p.id::text))::int AS authors,
                min(p.created_at) AS first, max(p.created_at) AS last,
                count(*) FILTER (WHERE p.sentiment = 'negative')::int AS neg,
                count(*) FILTER (WHERE p.sentiment = 'neutral')::int AS neu,
                count(*) FILTER (WHERE p.sentiment = 'positive')::int AS pos ${join}`,
        [floodId],
      )
    ).rows;
    expect(totals.posts).toBeGreaterThanOrEqual(30);
    expect(figures).toMatchObject({ posts: totals.posts, authors: totals.authors, zoneLabel: 'WITA' });
    expect(fakta).toContain(
      `pertama kali terpantau pada ${dateTimeWita(totals.first)} dan terakhir pada ${dateTimeWita(totals.last)}, ` +
        `dengan ${count(totals.posts)} unggahan dari ${count(totals.authors)} akun berbeda`,
    );

    const [period] = (
      await db.query(
        `SELECT count(*) FILTER (WHERE p.created_at > $2::timestamptz - interval '24 hours')::int AS current,
                count(*) FILTER (WHERE p.created_at <= $2::timestamptz - interval '24 hours'
                                   AND p.created_at > $2::timestamptz - interval '48 hours')::int AS previous ${join}`,
        [floodId, totals.last],
      )
    ).rows;
    expect(figures).toMatchObject({ currentPeriodPosts: period.current, previousPeriodPosts: period.previous });
    expect(fakta).toContain(
      `Dalam 24 jam terakhir hingga unggahan terakhir terdapat ${count(period.current)} unggahan`,
    );
    expect(period.previous).toBe(0);
    expect(fakta).toContain('pada 24 jam sebelumnya belum ada unggahan');

    const [peak] = (
      await db.query(
        `SELECT to_char(date_trunc('hour', p.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24":00:00Z"') AS hour,
                count(*)::int AS n ${join}
          GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
        [floodId],
      )
    ).rows;
    expect(Date.parse(figures.peak.hourStart)).toBe(Date.parse(peak.hour));
    expect(fakta).toContain(
      `Puncak percakapan terjadi pada ${hourWita(new Date(peak.hour))} dengan ${count(peak.n)} unggahan`,
    );

    const scored = totals.neg + totals.neu + totals.pos;
    expect(fakta).toContain(
      `negatif ${share(totals.neg, scored)} (${count(totals.neg)}), netral ${share(totals.neu, scored)} ` +
        `(${count(totals.neu)}), positif ${share(totals.pos, scored)} (${count(totals.pos)})`,
    );

    const places = (
      await db.query(
        `SELECT l->>'code' AS code, min(l->>'name') AS name, count(DISTINCT p.id)::int AS n
           FROM issue_posts ip JOIN posts p ON p.id = ip.post_id, jsonb_array_elements(p.locations) l
          WHERE ip.issue_id = $1 GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 5`,
        [floodId],
      )
    ).rows;
    expect(places.length).toBeGreaterThan(0);
    expect(places.some((p) => /kunjang/iu.test(p.name))).toBe(true);
    for (const p of places) {
      expect(fakta).toContain(`${p.name} (kode ${p.code}; ${count(p.n)} unggahan)`);
    }

    const [category] = (
      await db.query(`SELECT c.name, c.opd FROM issues i JOIN categories c ON c.slug = i.category WHERE i.id = $1`, [
        floodId,
      ])
    ).rows;
    expect(fakta).toContain(`Kategori utama ${category.name} dengan OPD penanggung jawab ${category.opd}`);

    const [dup] = (
      await db.query(
        `SELECT coalesce(sum(n), 0)::int AS n FROM (SELECT count(*) AS n ${join} AND p.near_duplicate_key IS NOT NULL
          GROUP BY p.near_duplicate_key HAVING count(*) > 1) d`,
        [floodId],
      )
    ).rows;
    expect(fakta).toContain(`Sebanyak ${count(dup.n)} unggahan (${share(dup.n, totals.posts)}) berupa salinan`);

    expect(figures.quotes.length).toBeGreaterThanOrEqual(3);
    expect(figures.quotes.length).toBeLessThanOrEqual(5);
    for (const q of figures.quotes) {
      const { rows } = await db.query(
        `SELECT p.text, p.author, p.url, p.created_at, s.name AS source
           FROM issue_posts ip JOIN posts p ON p.id = ip.post_id JOIN sources s ON s.id = p.source_id
          WHERE ip.issue_id = $1 AND p.id = $2`,
        [floodId, q.postId],
      );
      expect(rows).toHaveLength(1);
      expect(q).toMatchObject({ text: rows[0].text, author: rows[0].author, url: rows[0].url, source: rows[0].source });
      expect(Date.parse(q.createdAt)).toBe(rows[0].created_at.getTime());
    }
    expect(new Set(figures.quotes.map((q: { author: string }) => q.author)).size).toBe(figures.quotes.length);
    const first = figures.quotes[0];
    expect(fakta).toContain(
      `(${first.author}, uji-telaahan, ${dateTimeWita(new Date(first.createdAt))}, ${first.url})`,
    );

    expect(fakta).toContain('Isu serupa dalam 90 hari sebelumnya: "Banjir Sungai Kunjang bulan lalu"');
    expect(fakta).toContain('telah ditindaklanjuti');
    expect(fakta).not.toContain('Banjir lama sekali');
    expect(fakta).not.toContain('Demam berdarah');

    const [issue] = (await db.query(`SELECT first_detected_at FROM issues WHERE id = $1`, [floodId])).rows;
    expect(fakta).toContain(
      `Isu belum didisposisikan; batas disposisi kepada ${category.opd} adalah ` +
        `${dateTimeWita(workingDaysAfterWita(issue.first_detected_at, 3))} (3 hari kerja sejak terdeteksi)`,
    );
    expect(created.body.sections.fakta.blocks.some((b: { type: string }) => b.type === 'chart')).toBe(true);
    expect(sectionText(created.body.sections.saran)).toContain('BPBD');
    expect(sectionText(created.body.sections.saran)).toContain('Dinas Sosial');
  });

  it('should refuse a draft to the pimpinan and to anonymous callers, and an unknown issue', async () => {
    expect((await api().post(`/api/issues/${floodId}/briefs`).set(as(pimpinan)).send()).status).toBe(403);
    expect((await api().post(`/api/issues/${floodId}/briefs`).send()).status).toBe(401);
    const missing = await api().post('/api/issues/00000000-0000-4000-8000-000000000000/briefs').set(as(analyst));
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('tidak ditemukan');
  });

  it('should validate a PATCH and name the field in Indonesian', async () => {
    const bad = async (body: object, field: string) => {
      const res = await api().patch(`/api/briefs/${briefId}`).set(as(analyst)).send(body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
      return res;
    };
    await bad(
      { sections: { fakta: { blocks: [{ type: 'html', html: '<b>x</b>' }] } } },
      'sections.fakta.blocks[0].type',
    );
    await bad({ sections: { ringkasan: { blocks: [] } } }, 'sections.ringkasan');
    await bad({ sections: { analisis: { blocks: [{ type: 'paragraph', runs: [{ text: 1 }] }] } } }, 'runs[0].text');
    await bad({ sections: { kesimpulan: null } }, 'sections.kesimpulan');
    await bad({ header: { tanggal: 'kemarin' } }, 'header.tanggal');
    const res = await bad({ header: { warna: 'merah' } }, 'header.warna');
    expect(JSON.stringify(res.body.message)).toContain('kolom tidak dikenal');
  });

  it('should run the workflow: edit, submit, return, edit, submit, approve; 409 where the state forbids', async () => {
    const edit = (token: string, text: string) =>
      api()
        .patch(`/api/briefs/${briefId}`)
        .set(as(token))
        .send({
          sections: { kesimpulan: { blocks: [{ type: 'paragraph', runs: [{ text, bold: true }] }] } },
          header: { nomor: '000.1/123/Diskominfo', penandatangan: { nama: 'Dra. Siti Aminah, M.Si.' } },
        });
    const edited = await edit(analyst, 'BPBD segera menangani banjir.');
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ state: 'draft', version: 2 });
    expect(edited.body.sections.kesimpulan.blocks[0].runs[0]).toEqual({
      text: 'BPBD segera menangani banjir.',
      bold: true,
    });
    expect(edited.body.header.penandatangan.nama).toBe('Dra. Siti Aminah, M.Si.');
    expect(edited.body.header.penandatangan.jabatan).toBeTruthy();
    expect((await edit(pimpinan, 'tidak boleh')).status).toBe(403);

    expect((await api().post(`/api/briefs/${briefId}/approve`).set(as(pimpinan)).send()).status).toBe(409);
    expect((await api().post(`/api/briefs/${briefId}/submit`).set(as(pimpinan)).send()).status).toBe(403);
    const submitted = await api().post(`/api/briefs/${briefId}/submit`).set(as(analyst)).send();
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    const locked = await edit(analyst, 'diubah setelah diajukan');
    expect(locked.status).toBe(409);
    expect(locked.body.message).toContain('diajukan');
    expect((await api().post(`/api/briefs/${briefId}/submit`).set(as(analyst)).send()).status).toBe(409);

    expect((await api().post(`/api/briefs/${briefId}/return`).set(as(analyst)).send({ comment: 'x' })).status).toBe(
      403,
    );
    const noComment = await api().post(`/api/briefs/${briefId}/return`).set(as(pimpinan)).send({});
    expect(noComment.status).toBe(400);
    expect(JSON.stringify(noComment.body.message)).toContain('comment');
    const returned = await api()
      .post(`/api/briefs/${briefId}/return`)
      .set(as(pimpinan))
      .send({ comment: 'Lengkapi saran untuk Dinas Sosial.' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'returned', decisionNote: 'Lengkapi saran untuk Dinas Sosial.' });

    expect((await edit(analyst, 'BPBD dan Dinas Sosial segera bertindak.')).status).toBe(200);
    expect((await api().post(`/api/briefs/${briefId}/submit`).set(as(analyst)).send()).status).toBe(200);
    const approved = await api().post(`/api/briefs/${briefId}/approve`).set(as(pimpinan)).send({});
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');

    expect((await edit(analyst, 'setelah disetujui')).status).toBe(409);
    expect((await api().post(`/api/briefs/${briefId}/return`).set(as(pimpinan)).send({ comment: 'x' })).status).toBe(
      409,
    );
    expect((await api().post(`/api/briefs/${briefId}/approve`).set(as(admin)).send({})).status).toBe(409);

    const versions = await api().get(`/api/briefs/${briefId}/versions`).set(as(pimpinan));
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { action: string }) => v.action)).toEqual([
      'create',
      'edit',
      'submit',
      'return',
      'edit',
      'submit',
      'approve',
    ]);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(versions.body.items[3]).toMatchObject({ state: 'returned', comment: 'Lengkapi saran untuk Dinas Sosial.' });
    expect(sectionText(versions.body.items[1].sections.kesimpulan)).toBe('BPBD segera menangani banjir.');
    expect(versions.body.items[6].actorUsername).toMatch(/^pimpinan-/u);

    const audit = await db.query(
      `SELECT action FROM audit_log WHERE target_type = 'brief' AND target_id = $1 ORDER BY id`,
      [briefId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'brief.create',
      'brief.edit',
      'brief.submit',
      'brief.return',
      'brief.edit',
      'brief.submit',
      'brief.approve',
    ]);

    const listed = await api().get(`/api/briefs?state=approved&issueId=${floodId}`).set(as(pimpinan));
    expect(listed.body.items.map((b: { id: string }) => b.id)).toEqual([briefId]);
    expect((await api().get('/api/briefs?state=draft').set(as(pimpinan))).body.items).toEqual([]);
    expect((await api().get('/api/briefs?state=unknown').set(as(pimpinan))).status).toBe(400);
  });

  it('should start a revision of an approved brief as a new linked draft', async () => {
    const revision = await api().post(`/api/briefs/${briefId}/revisions`).set(as(analyst)).send();
    expect(revision.status).toBe(201);
    expect(revision.body).toMatchObject({ state: 'draft', revisionOf: briefId, version: 1 });
    expect(revision.body.sections).toEqual((await api().get(`/api/briefs/${briefId}`).set(as(analyst))).body.sections);
    expect((await api().post(`/api/briefs/${revision.body.id}/revisions`).set(as(analyst)).send()).status).toBe(409);
  });

  it('should keep an approved brief readable after retention purged its posts', async () => {
    const before = await api().get(`/api/briefs/${briefId}`).set(as(pimpinan));
    await db.query(`DELETE FROM posts WHERE id IN (SELECT post_id FROM issue_posts WHERE issue_id = $1)`, [floodId]);
    const after = await api().get(`/api/briefs/${briefId}`).set(as(pimpinan));
    expect(after.body.figures).toEqual(before.body.figures);
    expect(after.body.figures.quotes.length).toBeGreaterThanOrEqual(3);
    expect(after.body.sections).toEqual(before.body.sections);
  });

  it('should export the approved brief as DOCX and PDF with kop, header, sections, figures and signature', async () => {
    const brief = (await api().get(`/api/briefs/${briefId}`).set(as(pimpinan))).body;
    const f = brief.figures;
    const expected = [
      'TELAAHAN STAF',
      'DINAS KOMUNIKASI DAN INFORMATIKA',
      'Yth. Kepala Daerah',
      '000.1/123/Diskominfo',
      brief.header.hal,
      'I. Persoalan',
      'II. Praanggapan',
      'III. Fakta-fakta yang Mempengaruhi',
      'IV. Analisis',
      'V. Kesimpulan',
      'VI. Saran Tindak',
      'BPBD dan Dinas Sosial segera bertindak.',
      `dengan ${count(f.posts)} unggahan dari ${count(f.authors)} akun berbeda`,
      `dengan ${count(f.peak.posts)} unggahan`,
      `(${count(f.sentiment.negative)})`,
      `${f.places[0].name} (kode ${f.places[0].code}; ${count(f.places[0].posts)} unggahan)`,
      `Sebanyak ${count(f.nearDuplicatePosts)} unggahan (${share(f.nearDuplicatePosts, f.posts)})`,
      'Dra. Siti Aminah, M.Si.',
      `${brief.header.penandatangan.jabatan},`,
      'NIP.',
      'Gambar 1. Volume unggahan per jam',
    ];

    const docx = await api()
      .get(`/api/briefs/${briefId}/export?format=docx`)
      .set(as(pimpinan))
      .buffer(true)
      .parse(binary);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toMatch(/attachment; filename="telaahan-.*\.docx"/u);
    const word = await readDocx(docx.body as Buffer);
    const wordText = squash(word.text);
    for (const phrase of expected) {
      expect(wordText).toContain(squash(phrase));
    }
    expect(word.text).toContain('Kepada\n:\nYth. Kepala Daerah');
    expect(word.files.some((name) => /^word\/media\/.+\.png$/u.test(name))).toBe(true);
    expect(word.documentXml).toContain('w:ascii="Arial"');
    expect(word.documentXml).toContain('<w:u ');
    if (f.quotes.length > 3) {
      expect(wordText).toContain('LAMPIRAN TELAAHAN STAF');
      expect(wordText).toContain(squash(f.quotes[3].text));
    }

    const pdf = await api().get(`/api/briefs/${briefId}/export?format=pdf`).set(as(analyst)).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text, pages } = await readPdf(pdf.body as Buffer);
    for (const phrase of expected) {
      expect(text).toContain(squash(phrase));
    }
    expect(text).toContain(`Halaman 1 dari ${pages}`);
    expect(pages).toBeGreaterThanOrEqual(2);

    expect((await api().get(`/api/briefs/${briefId}/export?format=odt`).set(as(pimpinan))).status).toBe(400);
    expect((await api().get(`/api/briefs/${briefId}/export?format=pdf`)).status).toBe(401);
  });

  it('should let only an admin read and change the template, with errors naming the field', async () => {
    expect((await api().get('/api/settings/brief-template').set(as(analyst))).status).toBe(403);
    const current = await api().get('/api/settings/brief-template').set(as(admin));
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ paper: 'A4', margins: { top: 2, bottom: 2.5, left: 3, right: 2 } });
    const wrong = await api()
      .put('/api/settings/brief-template')
      .set(as(admin))
      .send({ ...current.body, paper: 'Letter' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body.message)).toContain('paper');
    const changed = {
      ...current.body,
      paper: 'F4',
      docxEmbedFonts: true,
      titles: { kesimpulan: 'Simpulan', saran: 'Saran' },
      sections: { dasar: true, praanggapan: false },
      letterhead: { ...current.body.letterhead, government: 'PEMERINTAH KOTA SAMARINDA' },
      defaults: { ...current.body.defaults, kepada: 'Yth. Wali Kota Samarinda' },
    };
    const put = await api().put('/api/settings/brief-template').set(as(admin)).send(changed);
    expect(put.status).toBe(200);
    expect((await api().get('/api/settings/brief-template').set(as(admin))).body).toEqual(changed);
    const draft = await api().post(`/api/issues/${floodId}/briefs`).set(as(admin)).send();
    expect(draft.status).toBe(201);
    expect(draft.body.header.kepada).toBe('Yth. Wali Kota Samarinda');
    expect(Object.keys(draft.body.sections)).toContain('dasar');
    expect(Object.keys(draft.body.sections)).not.toContain('praanggapan');
    const docx = await api()
      .get(`/api/briefs/${draft.body.id}/export?format=docx`)
      .set(as(admin))
      .buffer(true)
      .parse(binary);
    const word = await readDocx(docx.body as Buffer);
    expect(word.files.filter((name) => /^word\/fonts\//u.test(name)).length).toBeGreaterThanOrEqual(3);
    expect(word.documentXml).toContain('w:ascii="Arimo"');
    expect(word.documentXml).toContain('w:w="12189"');
    expect(squash(word.text)).toContain('PEMERINTAH KOTA SAMARINDA');
    expect(squash(word.text)).toContain('V. Simpulan');
  });
});

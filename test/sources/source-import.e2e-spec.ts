import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { runImportCommand } from '../../src/cli/commands/import.command.js';
import { loginAs } from '../support/auth.js';
import { startTestSystem, TestSystem, uniqueName } from '../support/test-system.js';
import { waitUntil } from '../support/wait.js';

const CSV = [
  'tweet_id;full_text;created_at;screen_name;favorite_count',
  '101;"Jalan di Sempaja rusak parah; lubangnya dalam";2025-05-01 08:00;@warga1;12',
  '102;;2025-05-01 08:05;@warga2;1',
  '103;Air PDAM mati sejak pagi di Sidodadi;kemarin sore;@warga3;0',
  '104;Banjir setinggi lutut di Sungai Kunjang;01/05/2025 09:15;@warga4;1.2K',
  '101;"Jalan di Sempaja rusak parah; lubangnya dalam";2025-05-01 08:00;@warga1;12',
].join('\n');

describe('File import', () => {
  let running: TestSystem;
  let admin: string;
  let analyst: string;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startTestSystem({ env: { PANTAU_HOME_REGION: '64.72' } });
    admin = await loginAs(running, 'admin');
    analyst = await loginAs(running, 'analyst');
    db = new pg.Client(running.database.url);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await running.stop();
  });

  describe('POST /api/sources/import', () => {
    it('should import an uploaded CSV and report read, stored, duplicates and rejected rows with line numbers', async () => {
      const source = uniqueName('arsip');
      const started = await request(running.url)
        .post(`/api/sources/import?source=${source}&fileName=ekspor.csv`)
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'text/csv')
        .send(CSV)
        .expect(202);
      expect(started.body.id).toMatch(/^[0-9a-f-]{36}$/);
      const done = await waitUntil(
        async () =>
          (
            await request(running.url)
              .get(`/api/sources/import/${started.body.id}`)
              .set('Authorization', `Bearer ${analyst}`)
          ).body,
        (body) => body.status !== 'running',
        { what: 'the import to finish' },
      );
      expect(done).toMatchObject({ status: 'completed', read: 5, stored: 2, duplicates: 1, rejected: 2, percent: 100 });
      expect(done.rejections).toEqual([
        { line: 3, reason: 'teks kosong' },
        { line: 4, reason: 'waktu "kemarin sore" tidak dapat dibaca' },
      ]);
      const rows = (
        await db.query(
          `SELECT p.external_id, p.author, p.likes, p.created_at, p.category FROM posts p JOIN sources s ON s.id = p.source_id
            WHERE s.name = $1 ORDER BY p.external_id`,
          [source],
        )
      ).rows;
      expect(rows.map((row) => row.external_id)).toEqual(['101', '104']);
      expect(rows[0]).toMatchObject({ author: 'warga1', likes: 12 });
      // No zone in the file: read in the home region's zone (Samarinda, WITA, UTC+8).
      expect(rows[0].created_at.toISOString()).toBe('2025-05-01T00:00:00.000Z');
      expect(rows[1]).toMatchObject({ likes: 1200 });
      expect(rows[0].category).toBe('infrastruktur');
    });

    it('should refuse a body whose format cannot be told, and analysts', async () => {
      await request(running.url)
        .post(`/api/sources/import?source=x`)
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'application/octet-stream')
        .send(Buffer.from('a,b\n1,2\n'))
        .expect(400);
      await request(running.url)
        .post(`/api/sources/import?source=x&format=csv`)
        .set('Authorization', `Bearer ${analyst}`)
        .set('Content-Type', 'text/csv')
        .send(CSV)
        .expect(403);
    });
  });

  describe('pantau import', () => {
    it('should import JSONL into the database through the ingest path and summarise it', async () => {
      const file = join(tmpdir(), `${uniqueName('import')}.jsonl`);
      const lines = [
        JSON.stringify({
          id: 'j1',
          text: 'Sampah menumpuk di TPS Pasar Segiri sudah seminggu',
          date: '2025-05-02T01:00:00Z',
          user: 'a',
        }),
        '{"id": "j2", "text": "terpotong',
        JSON.stringify({ id: 'j3', message: 'Lampu jalan padam di Jl. Juanda', timestamp: 1746147600, author: 'b' }),
        JSON.stringify({
          id: 'j1',
          text: 'Sampah menumpuk di TPS Pasar Segiri sudah seminggu',
          date: '2025-05-02T01:00:00Z',
          user: 'a',
        }),
      ];
      writeFileSync(file, lines.join('\n'));
      const source = uniqueName('cli');
      const env = {
        DATABASE_URL: running.database.url,
        PANTAU_SECRET: running.config.secret,
        PANTAU_LOG_LEVEL: 'warn',
      };
      const first = await runImportCommand({ file, source, quiet: true }, env);
      expect(first).toMatchObject({ read: 4, stored: 2, duplicates: 1, rejected: 1 });
      expect(first.rejections).toEqual([{ line: 2, reason: 'JSON tidak valid' }]);
      const again = await runImportCommand({ file, source, quiet: true }, env);
      expect(again).toMatchObject({ stored: 0, duplicates: 3, rejected: 1 });
      const stored = (
        await db.query(
          `SELECT count(*)::int AS n FROM posts p JOIN sources s ON s.id = p.source_id WHERE s.name = $1`,
          [source],
        )
      ).rows[0].n;
      expect(stored).toBe(2);
    });
  });
});

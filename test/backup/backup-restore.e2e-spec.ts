import { jest } from '@jest/globals';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { boot, RunningSystem } from '../../src/bootstrap/boot.js';
import { runBackup, runRestore } from '../../src/cli/commands/backup.command.js';
import { loadAppConfig } from '../../src/config/app-config.js';
import { IngestService } from '../../src/ingestion/ingest.service.js';
import { BUCKET_MS, floodStream } from '../issues/issue-stream.js';
import { makePosts } from '../support/factories.js';
import { waitUntil } from '../support/wait.js';

// Two embedded PostgreSQL servers are initialised and started in turn on a busy 2-core machine.
jest.setTimeout(600_000);

const ADMIN_PASSWORD = 'Admin-backup-restore-1';
const PASSPHRASE = 'frasa-sandi-cadangan-uji-panjang';

function bootEmbedded(dataDir: string): Promise<RunningSystem> {
  return boot(
    loadAppConfig(
      {
        PANTAU_DATA_DIR: dataDir,
        PANTAU_ADMIN_PASSWORD: ADMIN_PASSWORD,
        PANTAU_DEMO: 'false',
        PANTAU_HOME_REGION: '64.72',
        PANTAU_LOG_LEVEL: 'warn',
        PANTAU_LOG_JSON: 'false',
        PORT: '0',
      },
      [],
    ),
  );
}

function freshDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pantau-${name}-`));
  // Run as root, the embedded PostgreSQL runs as the postgres user, which must reach its folder inside.
  chmodSync(dir, 0o755);
  return dir;
}

interface Held {
  postIds: string[];
  issueIds: string[];
  briefIds: string[];
}

async function held(url: string, token: string): Promise<Held> {
  const as = { Authorization: `Bearer ${token}` };
  const issues = await request(url).get('/api/issues?limit=200').set(as).expect(200);
  const briefs = await request(url).get('/api/briefs').set(as).expect(200);
  const postIds: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await request(url)
      .get(`/api/posts?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      .set(as)
      .expect(200);
    postIds.push(...(page.body.items as { id: string }[]).map((post) => post.id));
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  const briefItems = (Array.isArray(briefs.body) ? briefs.body : briefs.body.items) as { id: string }[];
  return {
    postIds: postIds.sort(),
    issueIds: (issues.body.items as { id: string }[]).map((issue) => issue.id).sort(),
    briefIds: briefItems.map((brief) => brief.id).sort(),
  };
}

/**
 * `pantau backup` of a running embedded system with posts, an issue and a brief, then `pantau restore` into a fresh
 * data directory, and Pantau Isu started on it: every post, issue and brief is there, the same password signs in
 * and a session token issued before the backup is still valid (the generated secret came along).
 */
describe('backup and restore of the embedded default', () => {
  const original = freshDir('backup-src');
  const restored = freshDir('backup-dst');
  const backupFile = join(freshDir('backup-file'), 'cadangan.pantau');
  let before: Held;
  let oldToken: string;

  afterAll(() => {
    for (const dir of [original, restored]) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should back up a running system and restore every post, issue and brief into a fresh data directory', async () => {
    const system = await bootEmbedded(original);
    try {
      const url = system.url as string;
      const login = await request(url).post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
      oldToken = login.body.accessToken as string;
      const as = { Authorization: `Bearer ${oldToken}` };
      const ingest = system.app.get(IngestService);
      const source = await ingest.findOrCreatePushSource('uji-cadangan');
      const start = Math.floor((Date.now() - 20 * 3600_000) / BUCKET_MS) * BUCKET_MS;
      const { posts } = floodStream(start, { prefix: 'bak' });
      for (let i = 0; i < posts.length; i += 1000) {
        const jobId = await ingest.enqueueBatch(source.id, posts.slice(i, i + 1000));
        await waitUntil(
          () => ingest.jobStatus(jobId),
          (status) => status.state === 'completed',
          { what: `ingest job ${jobId}`, timeoutMs: 300_000 },
        );
      }
      // Posts of months long past: their partitions exist only in the original until the restore makes them.
      const old = await ingest.enqueueBatch(
        source.id,
        makePosts(40, { prefix: 'bak-lama', createdAt: new Date(Date.now() - 100 * 86_400_000) }),
      );
      await waitUntil(
        () => ingest.jobStatus(old),
        (status) => status.state === 'completed',
        { what: `ingest job ${old}`, timeoutMs: 300_000 },
      );
      await request(url).post('/api/issues/detect').set(as).send().expect(200);
      const issues = await request(url).get('/api/issues').set(as).expect(200);
      expect(issues.body.items.length).toBeGreaterThan(0);
      await request(url).post(`/api/issues/${issues.body.items[0].id}/briefs`).set(as).send().expect(201);
      before = await held(url, oldToken);
      expect(before.postIds.length).toBeGreaterThan(100);
      expect(before.briefIds).toHaveLength(1);

      // Online: the system keeps running while the snapshot is copied.
      const manifest = await runBackup(backupFile, { PANTAU_DATA_DIR: original, PANTAU_BACKUP_PASSPHRASE: PASSPHRASE });
      expect(manifest.tables.find((table) => table.name === 'posts')?.rows).toBe(before.postIds.length);
    } finally {
      await system.stop();
    }
    const bytes = readFileSync(backupFile);
    // Encrypted: neither a post text nor the secret is readable in the file.
    expect(bytes.includes(Buffer.from(posts0Text()))).toBe(false);
    expect(bytes.includes(Buffer.from(readFileSync(join(original, 'secret'), 'utf8').trim()))).toBe(false);

    // A wrong passphrase: a clear message in Indonesian, and the target directory stays untouched.
    await expect(
      runRestore(backupFile, false, {
        PANTAU_DATA_DIR: restored,
        PANTAU_BACKUP_PASSPHRASE: 'bukan-frasanya-sama-sekali',
      }),
    ).rejects.toThrow('Frasa sandi salah, atau berkas ini bukan cadangan Pantau Isu yang utuh. Tidak ada yang diubah.');
    expect(readdirSync(restored)).toEqual([]);
    // A non-empty directory is refused unless forced.
    await expect(
      runRestore(backupFile, false, { PANTAU_DATA_DIR: original, PANTAU_BACKUP_PASSPHRASE: PASSPHRASE }),
    ).rejects.toThrow(/tidak kosong/);

    const summary = await runRestore(backupFile, false, {
      PANTAU_DATA_DIR: restored,
      PANTAU_BACKUP_PASSPHRASE: PASSPHRASE,
    });
    expect(summary.migratedAfter).toEqual([]);
    expect(readFileSync(join(restored, 'secret'), 'utf8')).toBe(readFileSync(join(original, 'secret'), 'utf8').trim());

    const again = await bootEmbedded(restored);
    try {
      const url = again.url as string;
      // The session issued before the backup is still valid: same secret, same sessions row.
      await request(url).get('/api/auth/me').set('Authorization', `Bearer ${oldToken}`).expect(200);
      const login = await request(url)
        .post('/api/auth/login')
        .send({ username: 'admin', password: ADMIN_PASSWORD })
        .expect(200);
      expect(await held(url, login.body.accessToken as string)).toEqual(before);
      // Identity sequences were carried over: new rows do not collide with restored ones.
      await request(url).get('/api/audit?limit=1').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
      // So was posts' own sequence: a new post gets an id above every restored one.
      const ingest = again.app.get(IngestService);
      const source = await ingest.findOrCreatePushSource('uji-cadangan');
      const fresh = await ingest.processBatch('setelah-pulih', source.id, makePosts(1, { prefix: 'bak-baru' }));
      expect(fresh.stored).toBe(1);
      const newest = Math.max(...before.postIds.map(Number));
      expect(Number(fresh.inserted[0].id)).toBeGreaterThan(newest);
    } finally {
      await again.stop();
    }
  });

  it('should refuse a damaged file and leave the target directory empty', async () => {
    const damaged = `${backupFile}.rusak`;
    const bytes = readFileSync(backupFile);
    bytes[bytes.length - 40] ^= 0xff;
    writeFileSync(damaged, bytes);
    const target = freshDir('backup-damaged');
    try {
      await expect(
        runRestore(damaged, false, { PANTAU_DATA_DIR: target, PANTAU_BACKUP_PASSPHRASE: PASSPHRASE }),
      ).rejects.toThrow();
      expect(existsSync(join(target, 'postgres', 'PG_VERSION'))).toBe(false);
      expect(readdirSync(target)).toEqual([]);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});

function posts0Text(): string {
  return floodStream(0, { prefix: 'bak' }).posts[0].text.slice(0, 40);
}

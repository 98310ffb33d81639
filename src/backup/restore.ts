import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { dataSourceOptions, runMigrations } from '../database/data-source.js';
import { createPostPartitions, monthsWithPosts, type SqlRunner } from '../ingestion/post-partitions.js';
import { EmbeddedPostgresServer } from '../database/embedded-postgres.server.js';
import { openBackup, readManifest } from './backup-reader.js';
import { quoteIdent } from './backup-writer.js';

export interface RestoreSummary {
  createdAt: string;
  tables: number;
  rows: number;
  /** Migrations newer than the backup, applied after the load. */
  migratedAfter: string[];
}

/** Refuses a data directory with anything in it, unless forced (then it is emptied; never one in use). */
function prepareDataDir(dataDir: string, force: boolean): void {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) {
    return;
  }
  if (!force) {
    throw new Error(
      `Direktori data ${dataDir} tidak kosong. Pulihkan ke direktori baru (PANTAU_DATA_DIR), atau pakai --force untuk menghapus isinya.`,
    );
  }
  const owner = join(dataDir, 'pantau.pid');
  if (existsSync(owner)) {
    const pid = Number(readFileSync(owner, 'utf8'));
    try {
      process.kill(pid, 0);
      throw new Error(`Pantau Isu (proses ${pid}) sedang memakai ${dataDir}; hentikan terlebih dahulu.`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
        throw error;
      }
    }
  }
  for (const entry of readdirSync(dataDir)) {
    rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
}

/** The schema exactly as the backup's system had it: its own migrations, none newer. */
async function migrateTo(url: string, names: string[]): Promise<void> {
  const known = MIGRATIONS.map((Migration) => new Migration().name);
  if (names.some((name, index) => known[index] !== name)) {
    throw new Error(
      'Cadangan ini dibuat oleh versi Pantau Isu yang lebih baru atau berbeda; pakai versi itu untuk memulihkan.',
    );
  }
  const dataSource = new DataSource({ ...dataSourceOptions(url), migrations: MIGRATIONS.slice(0, names.length) });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * `pantau restore`: a backup into a fresh embedded data directory. The passphrase is checked before anything is
 * touched; the rows load in one transaction that commits only once the whole file has been read and its GCM tag
 * verified, so a damaged file leaves an empty directory behind, never half the data.
 */
export async function restoreBackup(
  file: string,
  dataDir: string,
  passphrase: string,
  force = false,
): Promise<RestoreSummary> {
  if (!existsSync(file)) {
    throw new Error(`berkas ${file} tidak ditemukan`);
  }
  const { lines } = await openBackup(file, passphrase);
  const manifest = await readManifest(lines);
  prepareDataDir(dataDir, force);
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  const server = new EmbeddedPostgresServer(dataDir);
  let loaded = false;
  try {
    if (manifest.secret) {
      writeFileSync(join(dataDir, 'secret'), manifest.secret, { mode: 0o600 });
    }
    const url = await server.start();
    await migrateTo(url, manifest.migrations);
    const rows = await load(url, manifest.tables, manifest.sequences, lines);
    loaded = true;
    const migratedAfter = await runMigrations(url);
    return { createdAt: manifest.createdAt, tables: manifest.tables.length, rows, migratedAfter };
  } finally {
    await server.stop();
    if (!loaded) {
      for (const entry of readdirSync(dataDir)) {
        rmSync(join(dataDir, entry), { recursive: true, force: true });
      }
    }
  }
}

async function load(
  url: string,
  tables: { name: string; columns: string[]; rows: number }[],
  sequences: { name: string; value: string | null }[],
  lines: AsyncIterator<string>,
): Promise<number> {
  const client = new pg.Client({ connectionString: url, application_name: 'pantau-restore' });
  await client.connect();
  let total = 0;
  /** The COPY under way: a failure in its middle must end it (CopyFail) before ROLLBACK can run on this client. */
  let copy: ReturnType<typeof copyFrom> | undefined;
  try {
    await client.query('BEGIN');
    // Rows arrive table by table, not in foreign-key order: triggers and FK checks are off for this load.
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(`TRUNCATE ${tables.map((table) => quoteIdent(table.name)).join(', ')} CASCADE`);
    const byName = new Map(tables.map((table) => [table.name, table]));
    for (;;) {
      const next = await lines.next();
      if (next.done) {
        throw new Error('Cadangan terpotong: akhir berkas tidak ditemukan');
      }
      const marker = JSON.parse(next.value) as { table?: string; end?: boolean };
      if (marker.end) {
        break;
      }
      const table = byName.get(marker.table ?? '');
      if (!table) {
        throw new Error('Cadangan rusak: tabel tidak dikenal');
      }
      const columns = table.columns.map(quoteIdent).join(', ');
      // A partitioned posts takes rows only for months that have a partition: they go through a staging table first.
      const staged = table.name === 'posts' && (await isPartitioned(client, 'posts'));
      if (staged) {
        await client.query(`CREATE TEMP TABLE posts_restore (LIKE posts) ON COMMIT DROP`);
      }
      copy = client.query(
        copyFrom(`COPY ${staged ? 'posts_restore' : quoteIdent(table.name)} (${columns}) FROM STDIN`),
      );
      for (;;) {
        const row = await lines.next();
        if (row.done) {
          throw new Error('Cadangan terpotong di tengah tabel');
        }
        if (row.value === '\\.') {
          break;
        }
        total += 1;
        if (!copy.write(`${row.value}\n`)) {
          await once(copy, 'drain');
        }
      }
      copy.end();
      await once(copy, 'finish');
      copy = undefined;
      if (staged) {
        const runner = rowsOf(client);
        await createPostPartitions(runner, await monthsWithPosts(runner, 'posts_restore'));
        await client.query(`INSERT INTO posts (${columns}) SELECT ${columns} FROM posts_restore`);
        await client.query(`DROP TABLE posts_restore`);
      }
    }
    // The file must end here and its tag verify (the iterator throws otherwise) before anything is kept.
    while (!(await lines.next()).done) {
      // nothing follows the end marker in a file this code wrote
    }
    for (const sequence of sequences) {
      if (sequence.value !== null) {
        await client.query(`SELECT setval($1::regclass, $2::bigint, true)`, [
          quoteIdent(sequence.name),
          sequence.value,
        ]);
      }
    }
    await client.query('COMMIT');
    return total;
  } catch (error) {
    if (copy && !copy.destroyed) {
      copy.destroy(error as Error);
      await finished(copy).catch(() => undefined);
    }
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function isPartitioned(client: pg.Client, table: string): Promise<boolean> {
  const result = await client.query<{ kind: string }>(`SELECT relkind AS kind FROM pg_class WHERE oid = $1::regclass`, [
    table,
  ]);
  return result.rows[0]?.kind === 'p';
}

/** A pg client as a SqlRunner (whose query resolves to the rows). */
function rowsOf(client: pg.Client): SqlRunner {
  return { query: async (sql, params) => (await client.query(sql, params)).rows };
}

import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { newBackupCipher, TAG_BYTES } from './backup-crypto.js';

/** What a backup holds besides the rows (the payload's first line). */
export interface BackupManifest {
  createdAt: string;
  /** Applied migrations, in order: the restore builds the schema up to exactly these, loads, then migrates on. */
  migrations: string[];
  /** The generated deployment secret (sessions, encrypted credentials, 2FA secrets); null when PANTAU_SECRET is set. */
  secret: string | null;
  tables: { name: string; columns: string[]; rows: number }[];
  sequences: { name: string; value: string | null }[];
}

const END_OF_TABLE = '\\.\n';

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Exports every table of the schema `public` with COPY inside one REPEATABLE READ snapshot (a consistent copy of a
 * running system), gzip-compressed and encrypted. File: header line, ciphertext, 16-byte GCM tag. Written to a
 * temporary name and renamed at the end, so an interrupted backup leaves no file that looks whole.
 */
export async function writeBackup(
  databaseUrl: string,
  outFile: string,
  passphrase: string,
  secret: string | null,
): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'pantau-backup' });
  await client.connect();
  const temporary = `${outFile}.partial`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await client.query<{ name: string; columns: string[] }>(
      `SELECT c.relname AS name,
              array_agg(a.attname::text ORDER BY a.attnum) AS columns
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND c.relname <> 'schema_migrations'
        GROUP BY c.relname ORDER BY c.relname`,
    );
    const migrations = await client.query<{ name: string }>(`SELECT name FROM schema_migrations ORDER BY id`);
    const sequences = await client.query<{ name: string; value: string | null }>(
      `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'
        ORDER BY sequencename`,
    );
    const counts = new Map<string, number>();
    for (const table of tables.rows) {
      const [{ count }] = (await client.query<{ count: string }>(`SELECT count(*) FROM ${quoteIdent(table.name)}`))
        .rows;
      counts.set(table.name, Number(count));
    }
    const manifest: BackupManifest = {
      createdAt: new Date().toISOString(),
      migrations: migrations.rows.map((row) => row.name),
      secret,
      tables: tables.rows.map((table) => ({ ...table, rows: counts.get(table.name) ?? 0 })),
      sequences: sequences.rows,
    };

    const { headerLine, cipher } = newBackupCipher(passphrase);
    const file = createWriteStream(temporary, { mode: 0o600 });
    file.write(`${headerLine}\n`);
    const gzip = createGzip();
    const done = pipeline(
      gzip,
      cipher,
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          if (file.write(chunk)) {
            callback();
          } else {
            file.once('drain', () => callback());
          }
        },
      }),
    );
    const write = async (text: string | Buffer) => {
      if (!gzip.write(text)) {
        await once(gzip, 'drain');
      }
    };
    await write(`${JSON.stringify(manifest)}\n`);
    for (const table of manifest.tables) {
      await write(`${JSON.stringify({ table: table.name })}\n`);
      const columns = table.columns.map(quoteIdent).join(', ');
      const copy = client.query(copyTo(`COPY (SELECT ${columns} FROM ${quoteIdent(table.name)}) TO STDOUT`));
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        await write(chunk);
      }
      await write(END_OF_TABLE);
    }
    await write(`${JSON.stringify({ end: true })}\n`);
    gzip.end();
    await done;
    file.write(cipher.getAuthTag().subarray(0, TAG_BYTES));
    file.end();
    await once(file, 'finish');
    await client.query('COMMIT');
    renameSync(temporary, outFile);
    return manifest;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

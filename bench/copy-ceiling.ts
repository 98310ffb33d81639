/**
 * The ceiling of a write-path benchmark: the columns the ingest worker wrote, read back as stored, COPY'd into a table
 * with the posts table's indexes and defaults (LIKE posts INCLUDING ALL), in the same run and database. Returns rows/s.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { postgresCpuMs } from './cpu-time.js';

export interface Ceiling {
  rowsPerSecond: number;
  /** CPU ms the PostgreSQL cluster spent per 1,000 rows copied (when its directory was given). */
  postgresCpuPerThousand?: number;
}

const COLUMNS =
  'id, source_id, external_id, created_at, text, author, url, lang, likes, replies, reposts, views, raw, demo, ' +
  'analyzed_at, sentiment, sentiment_score, category, opd, locations, analysis';

/**
 * COPY rate of the newest `rows` stored posts (read into memory first, so only the write is timed), and the cluster's
 * CPU time for it when `clusterDir` is given.
 */
export async function copyCeiling(databaseUrl: string, rows: number, clusterDir?: string): Promise<Ceiling> {
  const db = new pg.Client(databaseUrl);
  await db.connect();
  try {
    const chunks: Buffer[] = [];
    await pipeline(
      db.query(copyTo(`COPY (SELECT ${COLUMNS} FROM posts ORDER BY id DESC LIMIT ${Math.floor(rows)}) TO STDOUT`)),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    await db.query('DROP TABLE IF EXISTS bench_copy');
    await db.query('CREATE TABLE bench_copy (LIKE posts INCLUDING ALL)');
    const cpuBefore = clusterDir ? postgresCpuMs(clusterDir) : 0;
    const started = performance.now();
    await pipeline(Readable.from(chunks), db.query(copyFrom(`COPY bench_copy (${COLUMNS}) FROM STDIN`)));
    const seconds = (performance.now() - started) / 1000;
    const cpu = clusterDir ? postgresCpuMs(clusterDir) - cpuBefore : undefined;
    const copied = Number((await db.query('SELECT count(*) AS n FROM bench_copy')).rows[0].n);
    await db.query('DROP TABLE bench_copy');
    return {
      rowsPerSecond: copied / seconds,
      postgresCpuPerThousand: cpu === undefined ? undefined : (cpu * 1000) / copied,
    };
  } finally {
    await db.end();
  }
}

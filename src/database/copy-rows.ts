/**
 * COPY … FROM STDIN through the connection of a TypeORM transaction (pg-copy-streams), for the hot write paths: the
 * rows go in PostgreSQL's text format, one write, no per-row statements or array parameters.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { QueryFailedError, type EntityManager } from 'typeorm';

/** A value of one column: null is NULL; objects are not accepted (stringify JSON first). */
export type CopyValue = string | number | boolean | Date | null | undefined;

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escape = (char: string): string => ESCAPED[char];

/** One field in COPY text format. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) {
    return '\\N';
  }
  if (typeof value === 'string') {
    // One pass over the text, and only for a text that needs it (JSON documents carry backslashes).
    return SPECIAL.test(value) ? value.replace(SPECIALS, escape) : value;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  return String(value);
}

/** Copies `rows` with `COPY <target> FROM STDIN` (target: `table (col, …)`, written by the caller, never user data). */
export async function copyRows(manager: EntityManager, target: string, rows: CopyValue[][]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const runner = manager.queryRunner;
  if (!runner) {
    throw new Error('copyRows needs a transaction (an EntityManager with its own query runner)');
  }
  const client = (await runner.connect()) as pg.PoolClient;
  const lines: string[] = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    lines[i] = rows[i].map(copyField).join('\t');
  }
  const statement = `COPY ${target} FROM STDIN`;
  try {
    await pipeline(Readable.from([lines.join('\n') + '\n']), client.query(copyFrom(statement)));
  } catch (error) {
    // Logged and thrown as TypeORM does for a failed query (callers classify refusals by it), without the rows: they
    // hold personal data.
    if (error instanceof Error && 'code' in error) {
      manager.connection.logger.logQueryError(error, statement, [], runner);
      throw new QueryFailedError(statement, undefined, error);
    }
    throw error;
  }
}

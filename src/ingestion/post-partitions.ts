/**
 * `posts` is partitioned by RANGE (created_at), one partition per UTC month named `posts_yYYYYmMM`
 * (migrations/1764000003900-PartitionPosts.ts). A post can be stored only once the partition of its month exists:
 * the scheduler creates the current month and the next two ahead (`ensureAhead`, at boot and nightly), and PostStore
 * creates the partition of an older or later month on demand (`ensureFor`) before its batch transaction.
 */
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What runs SQL: a QueryRunner, an EntityManager or a DataSource. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The rows of a SELECT, typed (QueryRunner.query has no type parameter). */
export async function select<T>(runner: SqlRunner, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await runner.query(sql, params)) as T[];
}

/** How many months ahead of the current one `ensureAhead` keeps partitions for. */
export const MONTHS_AHEAD = 2;

/** First instant (UTC) of the month holding `at`. */
export function monthOf(at: Date | string | number): Date {
  const date = new Date(at);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/** First instant (UTC) of the month after the one starting at `month`, `count` months on. */
export function nextMonth(month: Date, count = 1): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + count, 1));
}

/** `posts_y2026m12` for December 2026 (UTC). */
export function partitionName(month: Date): string {
  const start = monthOf(month);
  const year = String(start.getUTCFullYear()).padStart(4, '0');
  const number = String(start.getUTCMonth() + 1).padStart(2, '0');
  return `posts_y${year}m${number}`;
}

/** The month a partition name stands for, or undefined for any other name. */
export function monthOfPartition(name: string): Date | undefined {
  const match = /^posts_y(\d{4})m(\d{2})$/u.exec(name);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : undefined;
}

/** The UTC months that posts of `table` (posts itself, or a table shaped like it) fall in. */
export async function monthsWithPosts(runner: SqlRunner, table: string): Promise<Date[]> {
  const rows = await select<{ month: Date }>(
    runner,
    `SELECT DISTINCT date_trunc('month', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month FROM ${table}`,
  );
  return rows.map((row) => new Date(row.month));
}

export interface PostPartition {
  name: string;
  /** First instant of its month (inclusive lower bound). */
  month: Date;
}

/** The partitions attached to `posts`, oldest first. */
export async function listPostPartitions(runner: SqlRunner): Promise<PostPartition[]> {
  const rows = await select<{ name: string }>(
    runner,
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'public.posts'::regclass`,
  );
  return rows
    .map((row) => ({ name: row.name, month: monthOfPartition(row.name) }))
    .filter((row): row is PostPartition => row.month !== undefined)
    .sort((a, b) => a.month.getTime() - b.month.getTime());
}

/**
 * Creates the missing partitions of these months, in the caller's transaction, under a transaction-scoped advisory
 * lock so that concurrent workers do not race to create the same one. CREATE TABLE … PARTITION OF takes an ACCESS
 * EXCLUSIVE lock on `posts`: run it in a short transaction of its own, never inside a batch. Returns the names created.
 */
export async function createPostPartitions(runner: SqlRunner, months: Date[]): Promise<string[]> {
  const wanted = new Map(months.map((at) => [partitionName(at), monthOf(at)]));
  if (wanted.size === 0) {
    return [];
  }
  await runner.query(`SELECT pg_advisory_xact_lock(hashtext('pantau-isu:post-partitions'))`);
  const existing = new Set((await listPostPartitions(runner)).map((partition) => partition.name));
  const created: string[] = [];
  for (const [name, month] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    if (existing.has(name)) {
      continue;
    }
    await runner.query(
      `CREATE TABLE ${name} PARTITION OF posts FOR VALUES FROM ('${month.toISOString()}') TO ('${nextMonth(month).toISOString()}')`,
    );
    created.push(name);
  }
  return created;
}

/** PostgreSQL's error for a row whose partition does not exist ("no partition of relation … found for row"). */
function isMissingPartition(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === '23514' && /no partition of relation/u.test(message ?? '');
}

/**
 * Partitions of `posts` as the writers see them: an in-process cache of the months known to exist, so that a batch
 * of already covered months costs no query; a missing month is created in its own short transaction before the
 * batch's transaction begins.
 */
@Injectable()
export class PostPartitions {
  private readonly logger = new Logger(PostPartitions.name);
  private readonly known = new Set<string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Makes sure the partitions of these posts' months exist. */
  async ensureFor(dates: (Date | string)[]): Promise<void> {
    const missing = new Map<string, Date>();
    for (const at of dates) {
      const month = monthOf(at);
      const name = partitionName(month);
      if (!this.known.has(name)) {
        missing.set(name, month);
      }
    }
    if (missing.size > 0) {
      await this.create([...missing.values()]);
    }
  }

  /** The current month's partition and MONTHS_AHEAD months after it (at boot and nightly). */
  async ensureAhead(now = new Date()): Promise<string[]> {
    const current = monthOf(now);
    const months = Array.from({ length: MONTHS_AHEAD + 1 }, (_, index) => nextMonth(current, index));
    return this.create(months);
  }

  /**
   * Runs `write` once the partitions of `dates` exist. A partition retired by another process after this one cached
   * it (retention dropped its month) fails the write with "no partition": the cache forgets, the partition is made
   * again and the write runs once more.
   */
  async writing<T>(dates: (Date | string)[], write: () => Promise<T>): Promise<T> {
    await this.ensureFor(dates);
    try {
      return await write();
    } catch (error) {
      if (!isMissingPartition(error)) {
        throw error;
      }
      this.known.clear();
      await this.ensureFor(dates);
      return write();
    }
  }

  /** Forgets partitions retired by this process (retention). */
  forget(names: string[]): void {
    for (const name of names) {
      this.known.delete(name);
    }
  }

  private async create(months: Date[]): Promise<string[]> {
    const created = await this.dataSource.transaction((manager) => createPostPartitions(manager, months));
    for (const month of months) {
      this.known.add(partitionName(month));
    }
    if (created.length > 0) {
      this.logger.log(`Posts partitions created: ${created.join(', ')}`);
    }
    return created;
  }
}

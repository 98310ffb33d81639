import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, QueryRunner, Repository } from 'typeorm';
import { Source, SourceStatus } from './entities/source.entity.js';
import type { SourceCursor } from './connectors/connector.types.js';

export interface NewSource {
  id: string;
  name: string;
  type: string;
  config: Record<string, unknown>;
  credentialsEncrypted: string | null;
  intervalSeconds: number;
  demo?: boolean;
  state?: Record<string, unknown>;
}

/** Unique violation of `sources_name_key` (another live source has this name). */
export class SourceNameTakenError extends Error {}

@Injectable()
export class SourcesRepository {
  constructor(
    @InjectRepository(Source) private readonly sources: Repository<Source>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async insert(source: NewSource): Promise<Source> {
    try {
      await this.dataSource.query(
        `INSERT INTO sources (id, name, type, config, credentials_encrypted, interval_seconds, demo, state, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active')`,
        [
          source.id,
          source.name,
          source.type,
          JSON.stringify(source.config),
          source.credentialsEncrypted,
          source.intervalSeconds,
          source.demo ?? false,
          JSON.stringify(source.state ?? {}),
        ],
      );
    } catch (error) {
      throw translateUniqueViolation(error);
    }
    return (await this.findById(source.id)) as Source;
  }

  findById(id: string): Promise<Source | null> {
    return this.sources.findOneBy({ id });
  }

  /** Sources an admin sees: everything not deleted, oldest first. */
  findListed(): Promise<Source[]> {
    return this.sources
      .createQueryBuilder('s')
      .where(`s.status <> 'deleted'`)
      .orderBy('s.created_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  /** Live source by name, case-insensitive (names are unique among live sources). */
  findLiveByName(name: string): Promise<Source | null> {
    return this.sources
      .createQueryBuilder('s')
      .where(`lower(s.name) = lower(:name)`, { name })
      .andWhere(`s.status <> 'deleted'`)
      .getOne();
  }

  /** Every demo source ever created, deleted included (an admin's delete must stick). */
  findAnyDemoSource(): Promise<Source | null> {
    return this.sources.createQueryBuilder('s').where('s.demo').orderBy('s.created_at', 'ASC').getOne();
  }

  findActive(): Promise<Source[]> {
    return this.sources.findBy({ status: 'active' });
  }

  async updateDefinition(
    id: string,
    change: Partial<Pick<Source, 'name' | 'config' | 'credentialsEncrypted' | 'intervalSeconds'>>,
  ): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE sources SET name = COALESCE($2, name), interval_seconds = COALESCE($3, interval_seconds),
           config = CASE WHEN $4::boolean THEN $5::jsonb ELSE config END,
           credentials_encrypted = CASE WHEN $4::boolean THEN $6 ELSE credentials_encrypted END,
           updated_at = now()
         WHERE id = $1`,
        [
          id,
          change.name ?? null,
          change.intervalSeconds ?? null,
          change.config !== undefined,
          JSON.stringify(change.config ?? {}),
          change.credentialsEncrypted ?? null,
        ],
      );
    } catch (error) {
      throw translateUniqueViolation(error);
    }
  }

  async setStatus(id: string, status: SourceStatus): Promise<void> {
    await this.sources.update(
      { id },
      { status, updatedAt: new Date(), ...(status === 'deleted' ? { deletedAt: new Date(), nextRunAt: null } : {}) },
    );
  }

  async setState(id: string, state: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(`UPDATE sources SET state = $2 WHERE id = $1`, [id, JSON.stringify(state)]);
  }

  /**
   * After the fetched posts were enqueued: the new cursor and the health in one statement (so a
   * crash before it only re-fetches; the ingest drops the duplicates).
   */
  async recordSuccess(
    runner: QueryRunner,
    id: string,
    result: {
      cursor: SourceCursor;
      fetched: number;
      at: Date;
      nextRunAt: Date;
      quota?: { remaining?: number; resetAt?: string };
    },
  ): Promise<void> {
    await runner.query(
      `UPDATE sources SET state = $2, posts_fetched = posts_fetched + $3, last_run_at = $4, last_success_at = $4,
         consecutive_failures = 0, next_run_at = CASE WHEN status = 'active' THEN $5::timestamptz END,
         quota = COALESCE($6::jsonb, quota)
       WHERE id = $1`,
      [
        id,
        JSON.stringify(result.cursor),
        result.fetched,
        result.at,
        result.nextRunAt,
        result.quota ? JSON.stringify(result.quota) : null,
      ],
    );
  }

  /** A failed fetch: the cursor stays; the error (Indonesian words) and the back-off are recorded. */
  async recordFailure(
    runner: QueryRunner,
    id: string,
    failure: { message: string; at: Date; delayMs: number },
  ): Promise<void> {
    await runner.query(
      `UPDATE sources SET last_run_at = $2, last_error_at = $2, last_error = $3,
         consecutive_failures = consecutive_failures + 1,
         next_run_at = CASE WHEN status = 'active' THEN $2::timestamptz + make_interval(secs => $4::double precision / 1000) END
       WHERE id = $1`,
      [id, failure.at, failure.message, failure.delayMs],
    );
  }

  /** The back-off delay that `recordFailure` will apply needs the failure count after this one. */
  async failuresSoFar(id: string): Promise<number> {
    const source = await this.sources.findOne({ where: { id }, select: { id: true, consecutiveFailures: true } });
    return source?.consecutiveFailures ?? 0;
  }

  createRunner(): QueryRunner {
    return this.dataSource.createQueryRunner();
  }
}

function translateUniqueViolation(error: unknown): unknown {
  const code =
    (error as { code?: string; driverError?: { code?: string } }).driverError?.code ??
    (error as { code?: string }).code;
  const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
  if (code === '23505' && (constraint === undefined || constraint === 'sources_name_key')) {
    return new SourceNameTakenError('name taken');
  }
  return error;
}

/**
 * The guarantee that no ingest batch keeps the analysis of a configuration older than the one a history job
 * (topic backfill, re-analysis) started from, whichever process or analysis thread analysed it:
 *
 * - every ingest batch transaction takes the fence's lock SHARED (folded into its job-lock statement), then reads the
 *   configuration version in a statement of its own (a snapshot taken after the lock was granted) and refuses to
 *   store analyses made under another version (`StaleAnalysisError`: the batch is re-analysed with a fresh analyzer
 *   and stored again; nothing was written yet);
 * - a history job, after the configuration change it follows has committed and before it reads the last post id it
 *   will cover, takes the same lock EXCLUSIVE for one statement (`waitForBatchesInFlight`): every batch transaction
 *   that might have checked an older version has committed by then (its posts are below the job's last id), and
 *   every later one reads the new version.
 *
 * One cheap statement per batch (the version read); no per-post work. No Nest, no database handle of its own.
 */
import type { DataSource, EntityManager } from 'typeorm';

/** Advisory-lock key of the fence (the two-int key space; the batch job lock uses one int key). */
const FENCE_CLASS = 7301;
const FENCE_KEY = 1;

/** The configuration version: topics, categories, analysis settings and active models (AnalyzerRegistry's check). */
export const CONFIGURATION_VERSION_SQL = `
  SELECT concat_ws('|',
    (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM topics),
    (SELECT coalesce(max(updated_at)::text, '') FROM categories),
    (SELECT coalesce(max(updated_at)::text, '') FROM settings WHERE key LIKE 'analysis.%'),
    (SELECT coalesce(string_agg(id::text, ','), '') FROM analysis_models WHERE active)
  ) AS version`;

/** The SQL call that takes the fence's lock shared until the transaction ends (to fold into a batch's first statement). */
export const FENCE_SHARED_LOCK_CALL = `pg_advisory_xact_lock_shared(${FENCE_CLASS}, ${FENCE_KEY})`;

/** A batch analysed under a configuration that is no longer the one in force: re-analyse it and store it again. */
export class StaleAnalysisError extends Error {
  constructor(
    readonly analysedWith: string,
    readonly inForce: string,
  ) {
    super('Konfigurasi analisis berubah saat batch dianalisis');
    this.name = 'StaleAnalysisError';
  }
}

export async function readConfigurationVersion(runner: DataSource | EntityManager): Promise<string> {
  const [row] = await runner.query<{ version: string }[]>(CONFIGURATION_VERSION_SQL);
  return row.version;
}

/**
 * In a batch transaction that already holds `FENCE_SHARED_LOCK_CALL`: throws `StaleAnalysisError` unless the
 * batch was analysed under the version in force now.
 */
export async function assertAnalysedWith(manager: EntityManager, analysedWith: string): Promise<void> {
  const inForce = await readConfigurationVersion(manager);
  if (inForce !== analysedWith) {
    throw new StaleAnalysisError(analysedWith, inForce);
  }
}

/** Waits until every ingest batch transaction in flight now has ended (a history job calls it before its last id). */
export async function waitForBatchesInFlight(dataSource: DataSource): Promise<void> {
  // One autocommit statement: granted once every shared holder has committed, released at once.
  await dataSource.query(`SELECT pg_advisory_xact_lock(${FENCE_CLASS}, ${FENCE_KEY})`);
}

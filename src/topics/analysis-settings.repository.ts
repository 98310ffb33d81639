import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Settings keys of the analysis configuration (the analyzer registry watches `analysis.%`). */
export const SETTING_LEXICON = 'analysis.lexicon';
export const SETTING_SLANG = 'analysis.slang';

/** Lexicon and slang overrides, stored as JSON objects in `settings`. */
@Injectable()
export class AnalysisSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read<T extends Record<string, unknown>>(key: string): Promise<{ value: T; updatedAt: string | null }> {
    const [row] = await this.dataSource.query<{ value: T; updated_at: Date }[]>(
      `SELECT value, updated_at FROM settings WHERE key = $1`,
      [key],
    );
    return row
      ? { value: row.value, updatedAt: new Date(row.updated_at).toISOString() }
      : { value: {} as T, updatedAt: null };
  }

  async write(key: string, value: Record<string, unknown>): Promise<void> {
    // clock_timestamp(): two writes in one transaction still change the version the registry watches.
    await this.dataSource.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, clock_timestamp())
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [key, JSON.stringify(value)],
    );
  }
}

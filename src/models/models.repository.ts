import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from '../topics/analysis-jobs.repository.js';

export type ModelKind = 'sentiment' | 'category';

export interface ModelView {
  id: string;
  kind: ModelKind;
  version: number;
  active: boolean;
  trainedOn: number;
  trainedBy: string | null;
  createdAt: string;
  activatedAt: string | null;
  metrics: Record<string, unknown>;
  labels: string[];
  features: number;
}

interface ModelRow {
  id: string;
  kind: ModelKind;
  version: number;
  active: boolean;
  trained_on: number;
  trained_by_name: string | null;
  created_at: Date;
  activated_at: Date | null;
  metrics: Record<string, unknown>;
  labels: string[] | null;
  features: number | null;
}

const SELECT_MODEL = `
  SELECT m.id, m.kind, m.version, m.active, m.trained_on, u.username AS trained_by_name, m.created_at, m.activated_at,
         m.metrics, ARRAY(SELECT jsonb_array_elements_text(m.model -> 'labels')) AS labels,
         jsonb_array_length(m.model -> 'features') AS features
  FROM analysis_models m LEFT JOIN users u ON u.id = m.trained_by`;

/** Trained models, versioned per kind; at most one active per kind (a partial unique index). */
@Injectable()
export class ModelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(kind?: ModelKind): Promise<ModelView[]> {
    const rows = await this.dataSource.query<ModelRow[]>(
      `${SELECT_MODEL} WHERE ($1::text IS NULL OR m.kind = $1) ORDER BY m.kind, m.version DESC`,
      [kind ?? null],
    );
    return rows.map(toView);
  }

  async find(id: string): Promise<ModelView | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const [row] = await this.dataSource.query<ModelRow[]>(`${SELECT_MODEL} WHERE m.id = $1`, [id]);
    return row ? toView(row) : undefined;
  }

  async active(kind: ModelKind): Promise<ModelView | undefined> {
    const [row] = await this.dataSource.query<ModelRow[]>(`${SELECT_MODEL} WHERE m.kind = $1 AND m.active`, [kind]);
    return row ? toView(row) : undefined;
  }

  async latestCreatedAt(kind: ModelKind): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ at: Date | null }[]>(
      `SELECT max(created_at) AS at FROM analysis_models WHERE kind = $1`,
      [kind],
    );
    return row.at ? new Date(row.at) : null;
  }

  /** Stores a new version (unique per kind); activates it in the same transaction when asked. */
  async insert(input: {
    kind: ModelKind;
    version: number;
    model: unknown;
    metrics: Record<string, unknown>;
    trainedOn: number;
    trainedBy: string | null;
    activate: boolean;
  }): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO analysis_models (kind, version, model, metrics, trained_on, trained_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          input.kind,
          input.version,
          JSON.stringify(input.model),
          JSON.stringify(input.metrics),
          input.trainedOn,
          input.trainedBy,
        ],
      );
      if (input.activate) {
        await manager.query(`UPDATE analysis_models SET active = false WHERE kind = $1 AND active`, [input.kind]);
        await manager.query(`UPDATE analysis_models SET active = true, activated_at = now() WHERE id = $1`, [row.id]);
      }
      return row.id;
    });
  }

  async nextVersion(kind: ModelKind): Promise<number> {
    const [{ next }] = await this.dataSource.query<{ next: number }[]>(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM analysis_models WHERE kind = $1`,
      [kind],
    );
    return next;
  }

  /** Makes this version the one in use (the previous active one of its kind is deactivated). */
  async activate(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ kind: ModelKind }[]>(`SELECT kind FROM analysis_models WHERE id = $1`, [id]);
      await manager.query(`UPDATE analysis_models SET active = false WHERE kind = $1 AND active`, [row.kind]);
      await manager.query(`UPDATE analysis_models SET active = true, activated_at = now() WHERE id = $1`, [id]);
    });
  }

  /** No model of this kind in use: the lexicon (sentiment) or the keyword rules (category) decide. */
  async deactivate(kind: ModelKind): Promise<boolean> {
    const [rows] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE analysis_models SET active = false WHERE kind = $1 AND active RETURNING id`,
      [kind],
    );
    return rows.length > 0;
  }
}

function toView(row: ModelRow): ModelView {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    active: row.active,
    trainedOn: row.trained_on,
    trainedBy: row.trained_by_name,
    createdAt: new Date(row.created_at).toISOString(),
    activatedAt: row.activated_at ? new Date(row.activated_at).toISOString() : null,
    metrics: row.metrics,
    labels: row.labels ?? [],
    features: row.features ?? 0,
  };
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from './principal.js';

export interface AuditEntry {
  /** Who acted: a user, a push source, or null for the system itself. */
  actor: Principal | null;
  /** Dotted verb, e.g. `user.create`, `brief.approve`. */
  action: string;
  targetType?: string;
  targetId?: string;
  /** Never put passwords, keys or post texts here. */
  details?: Record<string, unknown>;
  address?: string;
}

export interface AuditRecord {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  address: string | null;
}

/** The audit log: admin actions and brief decisions. Exported by AuthModule for every module. */
@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  async record(entry: AuditEntry): Promise<void> {
    const actor = entry.actor;
    const details = { ...(entry.details ?? {}) };
    if (actor?.kind === 'source') {
      details.sourceId = actor.sourceId;
    }
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_username, action, target_type, target_id, details, address)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        actor?.kind === 'user' ? actor.userId : null,
        actor?.kind === 'user' ? actor.username : actor?.kind === 'source' ? 'source' : 'system',
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        JSON.stringify(details),
        entry.address ?? null,
      ],
    );
  }

  /** Newest first; `cursor` is the `nextCursor` of the previous page. */
  async list(limit: number, cursor?: string): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
    // Order by the column, not the text output column of the same name ("99" > "148").
    const rows = await this.db.query<AuditRecord[]>(
      `SELECT audit_log.id::text AS id, at, actor_id AS "actorId", actor_username AS "actorUsername", action,
              target_type AS "targetType", target_id AS "targetId", details, address
         FROM audit_log WHERE ($1::bigint IS NULL OR audit_log.id < $1::bigint)
        ORDER BY audit_log.id DESC LIMIT $2`,
      [cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}

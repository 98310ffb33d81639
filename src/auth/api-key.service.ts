import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { deriveKey } from '../config/secrets.js';

const KEY_PREFIX = 'pik_';
const KEY_SHAPE = /^pik_[A-Za-z0-9_-]{32}$/;

/**
 * API keys of push sources. Only an HMAC-SHA256 of the key (key derived for 'api-key-hashing') is
 * stored: a database dump does not reveal usable keys. The key itself is shown once, at issue.
 */
@Injectable()
export class ApiKeyService {
  private readonly hashKey: Buffer;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hashKey = deriveKey(config.secret, 'api-key-hashing');
  }

  private hash(key: string): string {
    return createHmac('sha256', this.hashKey).update(key).digest('hex');
  }

  async issue(sourceId: string): Promise<{ id: string; key: string }> {
    const key = KEY_PREFIX + randomBytes(24).toString('base64url');
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO source_api_keys (source_id, key_prefix, key_hash) VALUES ($1, $2, $3) RETURNING id`,
      [sourceId, key.slice(0, 8), this.hash(key)],
    );
    return { id: row.id, key };
  }

  /** Returns whether a live key was revoked. */
  async revoke(id: string): Promise<boolean> {
    const [, count] = await this.db.query<[unknown, number]>(
      `UPDATE source_api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
    return count > 0;
  }

  /** The source a key belongs to, or null (unknown, revoked, or its source deleted). */
  async verify(key: string): Promise<{ sourceId: string } | null> {
    if (!KEY_SHAPE.test(key)) {
      return null;
    }
    const rows = await this.db.query<{ id: string; sourceId: string; stale: boolean }[]>(
      `SELECT k.id, k.source_id AS "sourceId",
              (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute') AS stale
         FROM source_api_keys k JOIN sources s ON s.id = k.source_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND s.status <> 'deleted'`,
      [this.hash(key)],
    );
    const found = rows[0];
    if (!found) {
      return null;
    }
    if (found.stale) {
      // At most one write a minute per key: the ingest path stays read-only here.
      await this.db.query(`UPDATE source_api_keys SET last_used_at = now() WHERE id = $1`, [found.id]);
    }
    return { sourceId: found.sourceId };
  }
}

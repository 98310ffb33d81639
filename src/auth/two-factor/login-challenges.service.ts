import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LOGIN_CHALLENGE_MINUTES } from '../auth.constants.js';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The state between the password step and the code step of a login: a random token handed to the client (only its
 * hash is stored), valid for a few minutes and used once. Owns login_challenges.
 */
@Injectable()
export class LoginChallengesService {
  constructor(private readonly db: DataSource) {}

  async create(userId: string, address: string, userAgent?: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.query(
      `INSERT INTO login_challenges (token_hash, user_id, address, user_agent, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
      [tokenHash(token), userId, address, userAgent?.slice(0, 300) ?? null, LOGIN_CHALLENGE_MINUTES],
    );
    return token;
  }

  /** The user a live challenge belongs to, or undefined. */
  async userOf(token: string): Promise<string | undefined> {
    const rows = await this.db.query<{ userId: string }[]>(
      `SELECT user_id AS "userId" FROM login_challenges WHERE token_hash = $1 AND expires_at > now()`,
      [tokenHash(token)],
    );
    return rows[0]?.userId;
  }

  /** Uses the challenge up; false when another request used it first. */
  async consume(token: string): Promise<boolean> {
    const [, deleted] = await this.db.query<[unknown[], number]>(
      `DELETE FROM login_challenges WHERE token_hash = $1 AND expires_at > now()`,
      [tokenHash(token)],
    );
    return deleted > 0;
  }

  async purgeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM login_challenges WHERE expires_at < now()`);
  }
}

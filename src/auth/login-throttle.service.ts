import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOGIN_LIMITS } from './auth.constants.js';

export type ThrottleVerdict = 'allowed' | 'account-locked' | 'address-limited';

/**
 * Login throttling in PostgreSQL, so that every API process sees the same counts. The account key
 * is the lower-cased username as typed, whether or not it exists: a lock never reveals a user.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly db: DataSource) {}

  static accountKey(username: string): string {
    return username.trim().toLowerCase().slice(0, 200);
  }

  async check(account: string, address: string): Promise<ThrottleVerdict> {
    const [row] = await this.db.query<{ locked: boolean; failures: number }[]>(
      `SELECT EXISTS (SELECT 1 FROM login_locks WHERE account = $1 AND locked_until > now()) AS locked,
              (SELECT count(*)::int FROM login_attempts
                WHERE address = $2 AND NOT succeeded AND at > now() - make_interval(mins => $3)) AS failures`,
      [account, address, LOGIN_LIMITS.addressWindowMinutes],
    );
    if (row.failures >= LOGIN_LIMITS.addressFailures) {
      return 'address-limited';
    }
    return row.locked ? 'account-locked' : 'allowed';
  }

  /** Records a failure; the account is locked once it has failed too often since its last success (then true). */
  async recordFailure(account: string, address: string): Promise<boolean> {
    await this.db.query(`INSERT INTO login_attempts (account, address, succeeded) VALUES ($1, $2, false)`, [
      account,
      address,
    ]);
    const locked = await this.db.query<{ account: string }[]>(
      `INSERT INTO login_locks (account, locked_until)
       SELECT $1, now() + make_interval(mins => $3)
        WHERE (SELECT count(*) FROM login_attempts a
                WHERE a.account = $1 AND NOT a.succeeded AND a.at > now() - make_interval(mins => $3)
                  AND a.at > COALESCE((SELECT max(at) FROM login_attempts WHERE account = $1 AND succeeded), '-infinity')
              ) >= $2
       ON CONFLICT (account) DO UPDATE SET locked_until = excluded.locked_until
       RETURNING account`,
      [account, LOGIN_LIMITS.accountFailures, LOGIN_LIMITS.accountLockMinutes],
    );
    return locked.length > 0;
  }

  async recordSuccess(account: string, address: string): Promise<void> {
    await this.db.query(`INSERT INTO login_attempts (account, address, succeeded) VALUES ($1, $2, true)`, [
      account,
      address,
    ]);
    await this.db.query(`DELETE FROM login_locks WHERE account = $1`, [account]);
  }

  /** An admin reset lifts the lock and forgets the failures. */
  async clearAccount(account: string): Promise<void> {
    await this.db.query(`DELETE FROM login_locks WHERE account = $1`, [account]);
    await this.db.query(`DELETE FROM login_attempts WHERE account = $1 AND NOT succeeded`, [account]);
  }

  async purgeOld(): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE at < now() - interval '1 day'`);
    await this.db.query(`DELETE FROM login_locks WHERE locked_until < now()`);
  }
}

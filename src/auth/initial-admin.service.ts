import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { generatePassword } from './password-policy.js';
import { hashPassword } from './password-hasher.js';

export const INITIAL_ADMIN_USERNAME = 'admin';
export const INITIAL_ADMIN_PASSWORD_FILE = 'initial-admin-password';

/**
 * First start: when no admin account exists, create `admin` — with PANTAU_ADMIN_PASSWORD, or with a
 * generated password written to `<data dir>/initial-admin-password` (mode 600) and changed at first
 * login. Several API processes may start at once: the unique index on lower(username) decides, and
 * only the process whose insert committed writes the file.
 */
@Injectable()
export class InitialAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'worker') {
      return;
    }
    await this.ensureAdmin();
  }

  /** Returns true when this call created the account. */
  async ensureAdmin(): Promise<boolean> {
    const [{ present }] = await this.db.query<{ present: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin') AS present`,
    );
    if (present) {
      return false;
    }
    const given = this.config.adminPassword;
    const password = given ?? generatePassword();
    const hash = await hashPassword(password);
    const file = join(this.config.dataDir, INITIAL_ADMIN_PASSWORD_FILE);
    const created = await this.db.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO users (username, display_name, password_hash, role, must_change_password)
         VALUES ($1, 'Administrator', $2, 'admin', $3) ON CONFLICT ((lower(username))) DO NOTHING RETURNING id`,
        [INITIAL_ADMIN_USERNAME, hash, given === undefined],
      );
      if (!rows[0]) {
        return false;
      }
      if (given === undefined) {
        // Inside the transaction: if the file cannot be written, the account is not created either.
        mkdirSync(this.config.dataDir, { recursive: true });
        writeFileSync(file, `${password}\n`, { mode: 0o600 });
        chmodSync(file, 0o600); // the mode option does not apply to a file that already existed
      }
      await manager.query(
        `INSERT INTO audit_log (actor_username, action, target_type, target_id, details)
         VALUES ('system', 'user.create-initial-admin', 'user', $1, $2)`,
        [rows[0].id, JSON.stringify({ passwordFrom: given === undefined ? 'generated' : 'PANTAU_ADMIN_PASSWORD' })],
      );
      return true;
    });
    if (!created) {
      const [{ present: nowPresent }] = await this.db.query<{ present: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin') AS present`,
      );
      if (!nowPresent) {
        this.logger.warn(
          `No admin account exists and the username "${INITIAL_ADMIN_USERNAME}" is taken by another role`,
        );
      }
      return false;
    }
    if (given === undefined) {
      this.logger.log(
        `Created the "${INITIAL_ADMIN_USERNAME}" account; its initial password is in ${file} (a new one is required at first login)`,
      );
    } else {
      this.logger.log(`Created the "${INITIAL_ADMIN_USERNAME}" account with the password from PANTAU_ADMIN_PASSWORD`);
    }
    return true;
  }
}

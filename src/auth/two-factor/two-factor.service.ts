import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { deriveKey } from '../../config/secrets.js';
import { CredentialsCipher } from '../../sources/credentials-cipher.js';
import { AUTH_MESSAGES } from '../auth.constants.js';
import { Role } from '../roles.decorator.js';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes.js';
import { looksLikeTotpCode, newTotpEnrolment, TotpEnrolment, verifyTotp } from './totp.js';

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  /** An enrolment was started and awaits its first code. */
  pending: boolean;
  recoveryCodesLeft: number;
  /** PANTAU_REQUIRE_2FA names the account's role. */
  required: boolean;
}

/** What a code proved: the authenticator app, or one recovery code (now used up). */
export type SecondFactor = 'totp' | 'recovery-code';

interface Row {
  secretEncrypted: string;
  enabledAt: string | null;
  lastStep: string | null;
}

/**
 * Two-factor login (TOTP) of one account: enrolment, confirmation, recovery codes, verification and removal.
 * Secrets are stored encrypted with the credentials cipher (context `user-totp:<id>`) and never leave this class
 * except once, in the enrolment answer. Owns user_two_factor and user_recovery_codes.
 */
@Injectable()
export class TwoFactorService {
  private readonly cipher: CredentialsCipher;
  private readonly codeKey: Buffer;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cipher = new CredentialsCipher(config.secret);
    this.codeKey = deriveKey(config.secret, 'recovery-code-hashing');
  }

  isRequiredFor(role: Role): boolean {
    return this.config.requireTwoFactorRoles.includes(role);
  }

  private async row(userId: string): Promise<Row | undefined> {
    const rows = await this.db.query<Row[]>(
      `SELECT secret_encrypted AS "secretEncrypted", enabled_at AS "enabledAt", last_step::text AS "lastStep"
         FROM user_two_factor WHERE user_id = $1`,
      [userId],
    );
    return rows[0];
  }

  private secretOf(userId: string, row: Row): string {
    return this.cipher.open(`user-totp:${userId}`, row.secretEncrypted);
  }

  async isEnabled(userId: string): Promise<boolean> {
    return !!(await this.row(userId))?.enabledAt;
  }

  async status(userId: string, role: Role): Promise<TwoFactorStatus> {
    const row = await this.row(userId);
    const [{ left }] = await this.db.query<{ left: number }[]>(
      `SELECT count(*)::int AS left FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    return {
      enabled: !!row?.enabledAt,
      enabledAt: row?.enabledAt ?? null,
      pending: !!row && !row.enabledAt,
      recoveryCodesLeft: row?.enabledAt ? left : 0,
      required: this.isRequiredFor(role),
    };
  }

  /** A new secret awaiting confirmation (a previous unconfirmed one is replaced). Refused while 2FA is on. */
  async startEnrolment(userId: string, username: string): Promise<TotpEnrolment> {
    const enrolment = await newTotpEnrolment(username);
    const sealed = this.cipher.seal(`user-totp:${userId}`, enrolment.secret);
    const rows = await this.db.query<{ userId: string }[]>(
      `INSERT INTO user_two_factor (user_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = excluded.secret_encrypted, last_step = NULL,
              created_at = now()
        WHERE user_two_factor.enabled_at IS NULL
       RETURNING user_id AS "userId"`,
      [userId, sealed],
    );
    if (rows.length === 0) {
      throw new ConflictException(AUTH_MESSAGES.twoFactorAlreadyOn);
    }
    return enrolment;
  }

  /** The first code from the app turns 2FA on; returns the recovery codes (shown this once). */
  async confirm(userId: string, code: string): Promise<string[]> {
    const row = await this.row(userId);
    if (!row || row.enabledAt) {
      throw new BadRequestException([
        `code: ${row ? AUTH_MESSAGES.twoFactorAlreadyOn : AUTH_MESSAGES.twoFactorNotStarted}`,
      ]);
    }
    const step = await verifyTotp(this.secretOf(userId, row), code);
    if (step === null) {
      throw new BadRequestException([`code: ${AUTH_MESSAGES.wrongTwoFactorCode}`]);
    }
    const codes = generateRecoveryCodes();
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE user_two_factor SET enabled_at = now(), last_step = $2 WHERE user_id = $1 AND enabled_at IS NULL`,
        [userId, step],
      );
      await this.storeRecoveryCodes(manager.query.bind(manager), userId, codes);
    });
    return codes;
  }

  /** New recovery codes replace the old ones (all of them, used or not). */
  async regenerateRecoveryCodes(userId: string): Promise<string[]> {
    const codes = generateRecoveryCodes();
    await this.db.transaction(async (manager) => this.storeRecoveryCodes(manager.query.bind(manager), userId, codes));
    return codes;
  }

  private async storeRecoveryCodes(
    query: (sql: string, parameters: unknown[]) => Promise<unknown>,
    userId: string,
    codes: string[],
  ): Promise<void> {
    await query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    await query(`INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
      userId,
      codes.map((code) => hashRecoveryCode(this.codeKey, userId, code)),
    ]);
  }

  /**
   * Checks a code of an account with 2FA on: six digits are a TOTP code (each time step accepted once), anything
   * else a recovery code (each usable once). Returns what it was, or null when it is wrong.
   */
  async verifyCode(userId: string, code: string): Promise<SecondFactor | null> {
    const row = await this.row(userId);
    if (!row?.enabledAt) {
      return null;
    }
    if (looksLikeTotpCode(code)) {
      const step = await verifyTotp(
        this.secretOf(userId, row),
        code,
        row.lastStep === null ? null : Number(row.lastStep),
      );
      if (step === null) {
        return null;
      }
      // Two requests with the same code: only one moves last_step forward.
      const moved = await this.db.query<[unknown[], number]>(
        `UPDATE user_two_factor SET last_step = $2 WHERE user_id = $1 AND (last_step IS NULL OR last_step < $2)`,
        [userId, step],
      );
      return moved[1] > 0 ? 'totp' : null;
    }
    if (normalizeRecoveryCode(code).length !== 10) {
      return null;
    }
    const used = await this.db.query<[unknown[], number]>(
      `UPDATE user_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [userId, hashRecoveryCode(this.codeKey, userId, code)],
    );
    return used[1] > 0 ? 'recovery-code' : null;
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    return (await this.status(userId, Role.Analyst)).recoveryCodesLeft;
  }

  /** Turns 2FA off (own disable after proof, or an admin reset): the secret and the recovery codes are deleted. */
  async remove(userId: string): Promise<boolean> {
    const [, removed] = await this.db.query<[unknown[], number]>(`DELETE FROM user_two_factor WHERE user_id = $1`, [
      userId,
    ]);
    await this.db.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    return removed > 0;
  }
}

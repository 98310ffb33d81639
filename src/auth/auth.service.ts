import { BadRequestException, HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from './audit.service.js';
import { AUTH_MESSAGES } from './auth.constants.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { Role } from './roles.decorator.js';
import { SessionsService } from './sessions.service.js';
import { LoginChallengesService } from './two-factor/login-challenges.service.js';
import { SecondFactor, TwoFactorService } from './two-factor/two-factor.service.js';

interface Credentials {
  id: string;
  username: string;
  role: Role;
  active: boolean;
  passwordHash: string;
  mustChangePassword: boolean;
}

export interface LoginResult {
  twoFactorRequired: false;
  accessToken: string;
  mustChangePassword: boolean;
  /** PANTAU_REQUIRE_2FA names the role and the account has no 2FA yet: enrolment comes before anything else. */
  mustEnrolTwoFactor: boolean;
  sessionId: string;
  userId: string;
}

/** The password was right and the account has 2FA on: the code step follows (POST /api/auth/login/two-factor). */
export interface LoginChallenge {
  twoFactorRequired: true;
  challengeToken: string;
}

/** Login and own-password change. Messages never tell whether a username exists. */
@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly twoFactor: TwoFactorService,
    private readonly challenges: LoginChallengesService,
  ) {}

  /** A failed attempt: counted, audited (with the lock it may set off). Never records the password or the code. */
  private async recordFailure(
    account: string,
    address: string,
    userId?: string,
    step: 'password' | 'two-factor' = 'password',
  ): Promise<void> {
    const locked = await this.throttle.recordFailure(account, address);
    const target = userId ? { targetType: 'user', targetId: userId } : {};
    const details = step === 'password' ? { account } : { account, step };
    await this.audit.record({ actor: null, action: 'auth.login-failed', details, address, ...target });
    if (locked) {
      await this.audit.record({ actor: null, action: 'auth.lockout', details: { account }, address, ...target });
    }
  }

  private async credentialsOf(username: string): Promise<Credentials | undefined> {
    const rows = await this.db.query<Credentials[]>(
      `SELECT id, username, role, active, password_hash AS "passwordHash", must_change_password AS "mustChangePassword"
         FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
    return rows[0];
  }

  private async refuseIfThrottled(account: string, address: string): Promise<void> {
    const verdict = await this.throttle.check(account, address);
    if (verdict === 'address-limited') {
      throw new HttpException(AUTH_MESSAGES.addressLimited, HttpStatus.TOO_MANY_REQUESTS);
    }
    if (verdict === 'account-locked') {
      throw new HttpException(AUTH_MESSAGES.accountLocked, HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  /**
   * The password step. Without 2FA it opens the session; with 2FA on it only hands out a challenge for the code step
   * and does not count as a success for the throttle (the failures of both steps add up until a full login).
   */
  async login(
    username: string,
    password: string,
    address: string,
    userAgent?: string,
  ): Promise<LoginResult | LoginChallenge> {
    const account = LoginThrottleService.accountKey(username);
    await this.refuseIfThrottled(account, address);
    const user = await this.credentialsOf(username);
    // Unknown users cost the same argon2 verification as known ones.
    const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !matches || !user.active) {
      await this.recordFailure(account, address, user?.id);
      throw new UnauthorizedException(AUTH_MESSAGES.badCredentials);
    }
    if (await this.twoFactor.isEnabled(user.id)) {
      const challengeToken = await this.challenges.create(user.id, address, userAgent);
      await this.audit.record({
        actor: null,
        action: 'auth.two-factor.challenge',
        targetType: 'user',
        targetId: user.id,
        details: { account },
        address,
      });
      return { twoFactorRequired: true, challengeToken };
    }
    return this.openSession(user, account, address, userAgent);
  }

  /** The code step: a TOTP code or a recovery code for the challenge of a password step. Throttled as the password. */
  async loginWithCode(challengeToken: string, code: string, address: string, userAgent?: string): Promise<LoginResult> {
    const userId = await this.challenges.userOf(challengeToken);
    const [user] = userId
      ? await this.db.query<Credentials[]>(
          `SELECT id, username, role, active, password_hash AS "passwordHash",
                  must_change_password AS "mustChangePassword" FROM users WHERE id = $1`,
          [userId],
        )
      : [];
    if (!user || !user.active) {
      throw new UnauthorizedException(AUTH_MESSAGES.challengeExpired);
    }
    const account = LoginThrottleService.accountKey(user.username);
    await this.refuseIfThrottled(account, address);
    const factor = await this.twoFactor.verifyCode(user.id, code);
    if (!factor) {
      await this.recordFailure(account, address, user.id, 'two-factor');
      throw new UnauthorizedException(AUTH_MESSAGES.wrongTwoFactorCode);
    }
    if (!(await this.challenges.consume(challengeToken))) {
      throw new UnauthorizedException(AUTH_MESSAGES.challengeExpired);
    }
    if (factor === 'recovery-code') {
      await this.audit.record({
        actor: { kind: 'user', userId: user.id, username: user.username, role: user.role },
        action: 'auth.two-factor.recovery-code-used',
        targetType: 'user',
        targetId: user.id,
        details: { left: await this.twoFactor.recoveryCodesLeft(user.id) },
        address,
      });
    }
    return this.openSession(user, account, address, userAgent, factor);
  }

  private async openSession(
    user: Credentials,
    account: string,
    address: string,
    userAgent: string | undefined,
    factor?: SecondFactor,
  ): Promise<LoginResult> {
    await this.throttle.recordSuccess(account, address);
    const session = await this.sessions.create(user.id, address, userAgent);
    await this.audit.record({
      actor: { kind: 'user', userId: user.id, username: user.username, role: user.role },
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      ...(factor ? { details: { twoFactor: factor } } : {}),
      address,
    });
    return {
      twoFactorRequired: false,
      accessToken: session.token,
      mustChangePassword: user.mustChangePassword,
      mustEnrolTwoFactor: !factor && this.twoFactor.isRequiredFor(user.role),
      sessionId: session.sessionId,
      userId: user.id,
    };
  }

  /** Proof for turning 2FA off: the current password (counted by the throttle when wrong). */
  async checkPassword(userId: string, password: string, address: string): Promise<boolean> {
    const [user] = await this.db.query<{ username: string; passwordHash: string }[]>(
      `SELECT username, password_hash AS "passwordHash" FROM users WHERE id = $1`,
      [userId],
    );
    const account = LoginThrottleService.accountKey(user.username);
    await this.refuseIfThrottled(account, address);
    if (await verifyPassword(user.passwordHash, password)) {
      return true;
    }
    await this.recordFailure(account, address, userId);
    return false;
  }

  /** Proof by a code (TOTP or recovery), counted by the throttle when wrong. */
  async checkCode(userId: string, code: string, address: string): Promise<boolean> {
    const [user] = await this.db.query<{ username: string }[]>(`SELECT username FROM users WHERE id = $1`, [userId]);
    const account = LoginThrottleService.accountKey(user.username);
    await this.refuseIfThrottled(account, address);
    if (await this.twoFactor.verifyCode(userId, code)) {
      return true;
    }
    await this.recordFailure(account, address, userId, 'two-factor');
    return false;
  }

  /** Changes the caller's password; their other sessions are revoked, this one stays. */
  async changePassword(
    userId: string,
    sessionId: string | undefined,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<void> {
    const [user] = await this.db.query<{ username: string; passwordHash: string }[]>(
      `SELECT username, password_hash AS "passwordHash" FROM users WHERE id = $1`,
      [userId],
    );
    const account = LoginThrottleService.accountKey(user.username);
    await this.refuseIfThrottled(account, address);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.recordFailure(account, address, userId);
      throw new BadRequestException([`currentPassword: ${AUTH_MESSAGES.wrongCurrentPassword}`]);
    }
    const problem = passwordProblem(newPassword, user.username);
    if (problem) {
      throw new BadRequestException([`newPassword: ${problem}`]);
    }
    if (await verifyPassword(user.passwordHash, newPassword)) {
      throw new BadRequestException(['newPassword: Kata sandi baru harus berbeda dari kata sandi saat ini']);
    }
    await this.db.query(
      `UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now(),
              updated_at = now() WHERE id = $1`,
      [userId, await hashPassword(newPassword)],
    );
    await this.sessions.revokeAllOf(userId, sessionId);
  }
}

import { BadRequestException, HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from './audit.service.js';
import { AUTH_MESSAGES } from './auth.constants.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { Role } from './roles.decorator.js';
import { SessionsService } from './sessions.service.js';

interface Credentials {
  id: string;
  username: string;
  role: Role;
  active: boolean;
  passwordHash: string;
  mustChangePassword: boolean;
}

export interface LoginResult {
  accessToken: string;
  mustChangePassword: boolean;
  sessionId: string;
  userId: string;
}

/** Login and own-password change. Messages never tell whether a username exists. */
@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /** A failed attempt: counted, audited (with the lock it may set off). Never records the password. */
  private async recordFailure(account: string, address: string, userId?: string): Promise<void> {
    const locked = await this.throttle.recordFailure(account, address);
    const target = userId ? { targetType: 'user', targetId: userId } : {};
    await this.audit.record({ actor: null, action: 'auth.login-failed', details: { account }, address, ...target });
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

  async login(username: string, password: string, address: string, userAgent?: string): Promise<LoginResult> {
    const account = LoginThrottleService.accountKey(username);
    await this.refuseIfThrottled(account, address);
    const user = await this.credentialsOf(username);
    // Unknown users cost the same argon2 verification as known ones.
    const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !matches || !user.active) {
      await this.recordFailure(account, address, user?.id);
      throw new UnauthorizedException(AUTH_MESSAGES.badCredentials);
    }
    await this.throttle.recordSuccess(account, address);
    const session = await this.sessions.create(user.id, address, userAgent);
    await this.audit.record({
      actor: { kind: 'user', userId: user.id, username: user.username, role: user.role },
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      address,
    });
    return {
      accessToken: session.token,
      mustChangePassword: user.mustChangePassword,
      sessionId: session.sessionId,
      userId: user.id,
    };
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

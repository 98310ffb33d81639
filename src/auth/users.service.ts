import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DashboardLanguage } from './dashboard-language.js';
import { generatePassword, passwordProblem } from './password-policy.js';
import { hashPassword } from './password-hasher.js';
import { Role } from './roles.decorator.js';
import { SessionsService } from './sessions.service.js';
import { LoginThrottleService } from './login-throttle.service.js';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: string;
  twoFactorEnabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The delivery fields of an account (the daily report's recipients come from these). */
export interface UserProfile {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  email: string | null;
  telegramChatId: string | null;
  dailyReportOptIn: boolean;
  /** The dashboard language the user chose; null until they choose one (the browser's choice applies). */
  language: DashboardLanguage | null;
}

export interface ProfilePatch {
  email?: string | null;
  telegramChatId?: string | null;
  dailyReportOptIn?: boolean;
  language?: DashboardLanguage;
}

const PROFILE_COLUMNS = `id, username, display_name AS "displayName", role, email, telegram_chat_id AS "telegramChatId",
  daily_report_opt_in AS "dailyReportOptIn", language`;

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password?: string;
  /** Admin-created accounts must change their password at first login (the default). */
  mustChangePassword?: boolean;
}

const COLUMNS = `id, username, display_name AS "displayName", role, active,
  must_change_password AS "mustChangePassword", password_changed_at AS "passwordChangedAt",
  EXISTS (SELECT 1 FROM user_two_factor tf WHERE tf.user_id = users.id AND tf.enabled_at IS NOT NULL)
    AS "twoFactorEnabled",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Account administration (admins only, through UsersController). */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async list(): Promise<UserView[]> {
    return await this.db.query<UserView[]>(`SELECT ${COLUMNS} FROM users ORDER BY lower(username)`);
  }

  async get(id: string): Promise<UserView> {
    const rows = await this.db.query<UserView[]>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    if (!rows[0]) {
      throw new NotFoundException('Pengguna tidak ditemukan');
    }
    return rows[0];
  }

  /** Creates an account; without a password a temporary one is generated and returned (once). */
  async create(input: NewUser): Promise<{ user: UserView; temporaryPassword?: string }> {
    const password = input.password ?? generatePassword();
    const temporaryPassword = input.password === undefined ? password : undefined;
    const problem = passwordProblem(password, input.username);
    if (problem) {
      throw new BadRequestException([`password: ${problem}`]);
    }
    const rows = await this.db.query<UserView[]>(
      `INSERT INTO users (username, display_name, password_hash, role, must_change_password)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT ((lower(username))) DO NOTHING RETURNING ${COLUMNS}`,
      [input.username, input.displayName, await hashPassword(password), input.role, input.mustChangePassword ?? true],
    );
    if (!rows[0]) {
      throw new ConflictException('Nama pengguna sudah dipakai');
    }
    return temporaryPassword ? { user: rows[0], temporaryPassword } : { user: rows[0] };
  }

  /** Changes display name, role or active flag. An admin can neither deactivate nor demote themself. */
  async update(
    actorId: string,
    id: string,
    patch: { displayName?: string; role?: Role; active?: boolean },
  ): Promise<{ before: UserView; after: UserView }> {
    const before = await this.get(id);
    if (actorId === id && (patch.active === false || (patch.role !== undefined && patch.role !== Role.Admin))) {
      throw new ForbiddenException('Anda tidak dapat menonaktifkan atau menurunkan peran akun Anda sendiri');
    }
    const [rows] = await this.db.query<[UserView[], number]>(
      `UPDATE users SET display_name = COALESCE($2, display_name), role = COALESCE($3, role),
              active = COALESCE($4, active), updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, patch.displayName ?? null, patch.role ?? null, patch.active ?? null],
    );
    if (patch.active === false) {
      await this.sessions.revokeAllOf(id);
    }
    return { before, after: rows[0] };
  }

  async profile(id: string): Promise<UserProfile> {
    const rows = await this.db.query<UserProfile[]>(`SELECT ${PROFILE_COLUMNS} FROM users WHERE id = $1`, [id]);
    if (!rows[0]) {
      throw new NotFoundException('Pengguna tidak ditemukan');
    }
    return rows[0];
  }

  /** Changes the delivery fields; an absent field is kept, `null` clears it. */
  async updateProfile(id: string, patch: ProfilePatch): Promise<{ before: UserProfile; after: UserProfile }> {
    const before = await this.profile(id);
    const [rows] = await this.db.query<[UserProfile[], number]>(
      `UPDATE users SET
              email = CASE WHEN $2 THEN $3 ELSE email END,
              telegram_chat_id = CASE WHEN $4 THEN $5 ELSE telegram_chat_id END,
              daily_report_opt_in = COALESCE($6, daily_report_opt_in), language = COALESCE($7, language),
              updated_at = now()
        WHERE id = $1 RETURNING ${PROFILE_COLUMNS}`,
      [
        id,
        patch.email !== undefined,
        patch.email?.trim().toLowerCase() ?? null,
        patch.telegramChatId !== undefined,
        patch.telegramChatId?.trim() ?? null,
        patch.dailyReportOptIn ?? null,
        patch.language ?? null,
      ],
    );
    return { before, after: rows[0] };
  }

  /** Active pimpinan accounts that opted in to the daily report, with their delivery fields. */
  async dailyReportRecipients(): Promise<UserProfile[]> {
    return await this.db.query<UserProfile[]>(
      `SELECT ${PROFILE_COLUMNS} FROM users WHERE active AND role = 'pimpinan' AND daily_report_opt_in
        ORDER BY lower(username)`,
    );
  }

  /** Sets a new temporary password (returned once), revokes the user's sessions and lifts a login lock. */
  async resetPassword(id: string): Promise<{ user: UserView; temporaryPassword: string }> {
    const user = await this.get(id);
    const temporaryPassword = generatePassword();
    await this.db.query(
      `UPDATE users SET password_hash = $2, must_change_password = true, password_changed_at = now(),
              updated_at = now() WHERE id = $1`,
      [id, await hashPassword(temporaryPassword)],
    );
    await this.sessions.revokeAllOf(id);
    await this.throttle.clearAccount(LoginThrottleService.accountKey(user.username));
    return { user, temporaryPassword };
  }
}

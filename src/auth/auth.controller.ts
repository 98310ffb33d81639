import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { AllowPendingPassword, AllowPendingTwoFactor } from './allow-pending-password.decorator.js';
import { AuditService } from './audit.service.js';
import { SESSION_COOKIE } from './auth.constants.js';
import { AuthService, LoginChallenge, LoginResult } from './auth.service.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { LoginCodeDto } from './dto/two-factor.dto.js';
import type { AuthenticatedRequest } from './principal.js';
import { requestAddress } from './request-address.js';
import { ALL_ROLES, Public, Roles } from './roles.decorator.js';
import { SessionsService, SessionUser } from './sessions.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Masuk: token akses (Bearer) dan cookie sesi untuk dasbor; dengan verifikasi dua langkah aktif, challengeToken untuk langkah kode',
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginAnswer | { twoFactorRequired: true; challengeToken: string }> {
    const result = await this.auth.login(
      body.username,
      body.password,
      requestAddress(request),
      request.headers['user-agent'],
    );
    return result.twoFactorRequired ? challengeAnswer(result) : this.answer(result, response);
  }

  @Post('login/two-factor')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Masuk, langkah kedua: kode dari aplikasi autentikator atau kode pemulihan' })
  async loginWithCode(
    @Body() body: LoginCodeDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginAnswer> {
    const result = await this.auth.loginWithCode(
      body.challengeToken,
      body.code,
      requestAddress(request),
      request.headers['user-agent'],
    );
    return this.answer(result, response);
  }

  private answer(result: LoginResult, response: Response): LoginAnswer {
    response.cookie(SESSION_COOKIE, result.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.publicUrl.startsWith('https:'),
      path: '/',
      maxAge: this.sessions.ttlSeconds * 1000,
    });
    return {
      twoFactorRequired: false,
      accessToken: result.accessToken,
      mustChangePassword: result.mustChangePassword,
      mustEnrolTwoFactor: result.mustEnrolTwoFactor,
    };
  }

  @Post('logout')
  @Roles(...ALL_ROLES)
  @AllowPendingPassword()
  @AllowPendingTwoFactor()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Keluar: sesi ini dicabut' })
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (request.sessionUser) {
      await this.sessions.revoke(request.sessionUser.sessionId);
      await this.audit.record({
        actor: request.principal ?? null,
        action: 'auth.logout',
        targetType: 'user',
        targetId: request.sessionUser.userId,
        address: requestAddress(request),
      });
    }
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @AllowPendingPassword()
  @AllowPendingTwoFactor()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Akun yang sedang masuk' })
  me(@Req() request: AuthenticatedRequest) {
    const session = request.sessionUser as SessionUser;
    return {
      id: session.userId,
      username: session.username,
      displayName: session.displayName,
      role: session.role,
      mustChangePassword: session.mustChangePassword,
      twoFactorEnabled: session.twoFactorEnabled,
      mustEnrolTwoFactor: session.mustEnrolTwoFactor,
      language: session.language,
    };
  }

  @Post('password')
  @Roles(...ALL_ROLES)
  @AllowPendingPassword()
  @AllowPendingTwoFactor()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Ganti kata sandi sendiri (sesi lain dicabut)' })
  async changePassword(@Body() body: ChangePasswordDto, @Req() request: AuthenticatedRequest): Promise<void> {
    const principal = request.principal;
    if (principal?.kind !== 'user') {
      return;
    }
    const address = requestAddress(request);
    await this.auth.changePassword(
      principal.userId,
      request.sessionUser?.sessionId,
      body.currentPassword,
      body.newPassword,
      address,
    );
    await this.audit.record({
      actor: principal,
      action: 'auth.password-change',
      targetType: 'user',
      targetId: principal.userId,
      address,
    });
  }
}

interface LoginAnswer {
  twoFactorRequired: false;
  accessToken: string;
  mustChangePassword: boolean;
  mustEnrolTwoFactor: boolean;
}

function challengeAnswer(challenge: LoginChallenge): { twoFactorRequired: true; challengeToken: string } {
  return { twoFactorRequired: true, challengeToken: challenge.challengeToken };
}

import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowPendingPassword, AllowPendingTwoFactor } from '../allow-pending-password.decorator.js';
import { AuditService } from '../audit.service.js';
import { AUTH_MESSAGES } from '../auth.constants.js';
import { AuthService } from '../auth.service.js';
import { DisableTwoFactorDto, TwoFactorCodeDto } from '../dto/two-factor.dto.js';
import type { AuthenticatedRequest } from '../principal.js';
import { requestAddress } from '../request-address.js';
import { ALL_ROLES, Roles } from '../roles.decorator.js';
import { SessionsService, SessionUser } from '../sessions.service.js';
import type { TotpEnrolment } from './totp.js';
import { TwoFactorService, TwoFactorStatus } from './two-factor.service.js';

/** Two-factor login of the caller's own account (Akun). Every change goes to the audit log. */
@ApiTags('account')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('account/two-factor')
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @AllowPendingTwoFactor()
  @ApiOperation({ summary: 'Status verifikasi dua langkah akun sendiri' })
  status(@Req() request: AuthenticatedRequest): Promise<TwoFactorStatus> {
    const session = ownSession(request);
    return this.twoFactor.status(session.userId, session.role);
  }

  @Post('enrol')
  @AllowPendingTwoFactor()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Mulai pendaftaran: rahasia TOTP (teks dan kode QR) untuk aplikasi autentikator; aktif setelah dikonfirmasi',
  })
  async enrol(@Req() request: AuthenticatedRequest): Promise<TotpEnrolment> {
    const session = ownSession(request);
    const enrolment = await this.twoFactor.startEnrolment(session.userId, session.username);
    await this.record(request, 'auth.two-factor.enrol-start');
    return enrolment;
  }

  @Post('confirm')
  @AllowPendingTwoFactor()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Konfirmasi dengan kode pertama: verifikasi dua langkah aktif, kode pemulihan ditampilkan sekali, sesi lain dicabut',
  })
  async confirm(
    @Body() body: TwoFactorCodeDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ recoveryCodes: string[] }> {
    const session = ownSession(request);
    const recoveryCodes = await this.twoFactor.confirm(session.userId, body.code);
    // Sessions opened with the password alone end; this one goes on.
    await this.sessions.revokeAllOf(session.userId, session.sessionId);
    await this.record(request, 'auth.two-factor.enable');
    return { recoveryCodes };
  }

  @Post('recovery-codes')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Kode pemulihan baru (yang lama tidak berlaku lagi); perlu kode verifikasi saat ini' })
  async regenerate(
    @Body() body: TwoFactorCodeDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ recoveryCodes: string[] }> {
    const session = ownSession(request);
    await this.requireEnabled(session);
    if (!(await this.auth.checkCode(session.userId, body.code, requestAddress(request)))) {
      throw new BadRequestException([`code: ${AUTH_MESSAGES.wrongTwoFactorCode}`]);
    }
    const recoveryCodes = await this.twoFactor.regenerateRecoveryCodes(session.userId);
    await this.record(request, 'auth.two-factor.recovery-codes');
    return { recoveryCodes };
  }

  @Post('disable')
  @AllowPendingPassword()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Nonaktifkan verifikasi dua langkah; perlu kode verifikasi (atau kode pemulihan) atau kata sandi',
  })
  async disable(@Body() body: DisableTwoFactorDto, @Req() request: AuthenticatedRequest): Promise<void> {
    const session = ownSession(request);
    await this.requireEnabled(session);
    const address = requestAddress(request);
    if (body.code) {
      if (!(await this.auth.checkCode(session.userId, body.code, address))) {
        throw new BadRequestException([`code: ${AUTH_MESSAGES.wrongTwoFactorCode}`]);
      }
    } else if (body.password) {
      if (!(await this.auth.checkPassword(session.userId, body.password, address))) {
        throw new BadRequestException([`password: ${AUTH_MESSAGES.wrongCurrentPassword}`]);
      }
    } else {
      throw new BadRequestException([`code: ${AUTH_MESSAGES.disableNeedsProof}`]);
    }
    await this.twoFactor.remove(session.userId);
    await this.record(request, 'auth.two-factor.disable', { proof: body.code ? 'code' : 'password' });
  }

  private async requireEnabled(session: SessionUser): Promise<void> {
    if (!(await this.twoFactor.isEnabled(session.userId))) {
      throw new BadRequestException([`code: ${AUTH_MESSAGES.twoFactorOff}`]);
    }
  }

  private async record(
    request: AuthenticatedRequest,
    action: string,
    details?: Record<string, unknown>,
  ): Promise<void> {
    const session = ownSession(request);
    await this.audit.record({
      actor: request.principal ?? null,
      action,
      targetType: 'user',
      targetId: session.userId,
      details,
      address: requestAddress(request),
    });
  }
}

function ownSession(request: AuthenticatedRequest): SessionUser {
  if (!request.sessionUser) {
    throw new ForbiddenException('Verifikasi dua langkah hanya tersedia untuk akun pengguna');
  }
  return request.sessionUser;
}

import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from './audit.service.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UpdateProfileDto } from './dto/update-profile.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import type { AuthenticatedRequest, Principal } from './principal.js';
import { changedProfileFields } from './profile-changes.js';
import { requestAddress } from './request-address.js';
import { Role, Roles } from './roles.decorator.js';
import { UserProfile, UsersService } from './users.service.js';
import { SessionsService } from './sessions.service.js';
import { TwoFactorService } from './two-factor/two-factor.service.js';

/** Account administration: admins only; every change goes to the audit log. */
@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: SessionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Daftar pengguna' })
  list() {
    return this.users.list();
  }

  @Post()
  @ApiOperation({ summary: 'Buat pengguna (tanpa kata sandi: kata sandi sementara ditampilkan sekali)' })
  async create(
    @Body() body: CreateUserDto,
    @CurrentPrincipal() actor: Principal,
    @Req() request: AuthenticatedRequest,
  ) {
    const result = await this.users.create(body);
    await this.audit.record({
      actor,
      action: 'user.create',
      targetType: 'user',
      targetId: result.user.id,
      details: {
        username: result.user.username,
        role: result.user.role,
        passwordGenerated: !!result.temporaryPassword,
      },
      address: requestAddress(request),
    });
    return result;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Ubah nama tampilan, peran atau status aktif (nonaktif mencabut sesi)' })
  async update(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(['id: id tidak valid']) }))
    id: string,
    @Body() body: UpdateUserDto,
    @CurrentPrincipal() actor: Principal,
    @Req() request: AuthenticatedRequest,
  ) {
    const { before, after } = await this.users.update(actor.kind === 'user' ? actor.userId : '', id, body);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['displayName', 'role', 'active'] as const) {
      if (before[key] !== after[key]) {
        changes[key] = { from: before[key], to: after[key] };
      }
    }
    await this.audit.record({
      actor,
      action: after.active === false && before.active ? 'user.deactivate' : 'user.update',
      targetType: 'user',
      targetId: id,
      details: { username: after.username, changes },
      address: requestAddress(request),
    });
    return after;
  }

  @Get(':id/profile')
  @ApiOperation({ summary: 'Profil pengiriman pengguna: e-mail, ID Telegram, langganan laporan harian' })
  profile(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND })) id: string,
  ): Promise<UserProfile> {
    return this.users.profile(id);
  }

  @Patch(':id/profile')
  @ApiOperation({ summary: 'Ubah profil pengiriman pengguna' })
  async updateProfile(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND })) id: string,
    @Body() body: UpdateProfileDto,
    @CurrentPrincipal() actor: Principal,
    @Req() request: AuthenticatedRequest,
  ): Promise<UserProfile> {
    const { before, after } = await this.users.updateProfile(id, body);
    await this.audit.record({
      actor,
      action: 'user.profile',
      targetType: 'user',
      targetId: id,
      details: { username: after.username, fields: changedProfileFields(before, after) },
      address: requestAddress(request),
    });
    return after;
  }

  @Post(':id/reset-password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Atur ulang kata sandi: kata sandi sementara ditampilkan sekali, sesi dicabut' })
  async resetPassword(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(['id: id tidak valid']) }))
    id: string,
    @CurrentPrincipal() actor: Principal,
    @Req() request: AuthenticatedRequest,
  ) {
    const { user, temporaryPassword } = await this.users.resetPassword(id);
    await this.audit.record({
      actor,
      action: 'user.reset-password',
      targetType: 'user',
      targetId: id,
      details: { username: user.username },
      address: requestAddress(request),
    });
    return { temporaryPassword, mustChangePassword: true };
  }

  @Post(':id/reset-two-factor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Atur ulang verifikasi dua langkah (perangkat hilang): rahasia dan kode pemulihan dihapus, sesi dicabut',
  })
  async resetTwoFactor(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(['id: id tidak valid']) }))
    id: string,
    @CurrentPrincipal() actor: Principal,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ twoFactorEnabled: false; wasEnabled: boolean }> {
    const user = await this.users.get(id);
    const wasEnabled = user.twoFactorEnabled;
    await this.twoFactor.remove(id);
    await this.sessions.revokeAllOf(
      id,
      actor.kind === 'user' && actor.userId === id ? request.sessionUser?.sessionId : undefined,
    );
    await this.audit.record({
      actor,
      action: 'user.reset-two-factor',
      targetType: 'user',
      targetId: id,
      details: { username: user.username, wasEnabled },
      address: requestAddress(request),
    });
    return { twoFactorEnabled: false, wasEnabled };
  }
}

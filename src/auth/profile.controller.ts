import { Body, Controller, ForbiddenException, Get, Patch, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from './audit.service.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import { UpdateProfileDto } from './dto/update-profile.dto.js';
import type { AuthenticatedRequest, Principal } from './principal.js';
import { changedProfileFields } from './profile-changes.js';
import { requestAddress } from './request-address.js';
import { ALL_ROLES, Roles } from './roles.decorator.js';
import { UserProfile, UsersService } from './users.service.js';

/** Akun: every signed-in user reads and edits their own delivery fields (admins edit anyone's under /users). */
@ApiTags('account')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('account/profile')
export class ProfileController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Profil akun sendiri: e-mail, ID Telegram, langganan laporan harian' })
  read(@CurrentPrincipal() actor: Principal): Promise<UserProfile> {
    return this.users.profile(ownId(actor));
  }

  @Patch()
  @ApiOperation({ summary: 'Ubah profil akun sendiri' })
  async update(
    @Body() body: UpdateProfileDto,
    @CurrentPrincipal() actor: Principal,
    @Req() request: AuthenticatedRequest,
  ): Promise<UserProfile> {
    const id = ownId(actor);
    const { before, after } = await this.users.updateProfile(id, body);
    await this.audit.record({
      actor,
      action: 'user.profile',
      targetType: 'user',
      targetId: id,
      details: { fields: changedProfileFields(before, after) },
      address: requestAddress(request),
    });
    return after;
  }
}

function ownId(actor: Principal): string {
  if (actor.kind !== 'user') {
    throw new ForbiddenException('Profil hanya tersedia untuk akun pengguna');
  }
  return actor.userId;
}

import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { RATE_LIMITS, RateLimited } from '../auth/rate-limit.js';
import { Role, Roles } from '../auth/roles.decorator.js';
import { PersonalDataEraseDto, PersonalDataRequestDto } from './dto/personal-data-request.dto.js';
import { PersonalDataService } from './personal-data.service.js';

/** Requests of data subjects (UU PDP): admins only, every one audited (docs/operations.md). */
@ApiTags('privacy')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin/personal-data')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Post('export')
  @RateLimited(RATE_LIMITS.export)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Semua data yang tersimpan tentang satu akun penulis pada satu sumber (JSON)' })
  export(@Body() body: PersonalDataRequestDto, @CurrentPrincipal() actor: Principal) {
    return this.personalData.export(body.source, body.handle, actor);
  }

  @Post('erase')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hapus (erase) atau anonimkan (anonymise) semua unggahan satu akun penulis dan turunannya' })
  erase(@Body() body: PersonalDataEraseDto, @CurrentPrincipal() actor: Principal) {
    return this.personalData.erase(body.source, body.handle, body.mode, actor);
  }
}

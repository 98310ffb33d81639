import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../auth/audit.service.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ALL_ROLES, Role, Roles } from '../auth/roles.decorator.js';
import { DispositionsService, Holiday, OverdueByOpd } from './dispositions.service.js';
import { HolidaysDto } from './dto/issue-requests.dto.js';

@ApiTags('dispositions')
@ApiBearerAuth()
@Controller()
export class DispositionsController {
  constructor(
    private readonly dispositions: DispositionsService,
    private readonly audit: AuditService,
  ) {}

  @Get('dispositions/overdue-by-opd')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Open and overdue dispositions per OPD' })
  async overdueByOpd(): Promise<{ items: OverdueByOpd[] }> {
    return { items: await this.dispositions.overdueByOpd() };
  }

  @Get('settings/holidays')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Holiday calendar used for disposition due dates (working days)' })
  async holidays(): Promise<{ holidays: Holiday[] }> {
    return { holidays: await this.dispositions.holidays() };
  }

  @Put('settings/holidays')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Replaces the holiday calendar' })
  async setHolidays(
    @Body() body: HolidaysDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<{ holidays: Holiday[] }> {
    const holidays = await this.dispositions.setHolidays(body.holidays);
    await this.audit.record({
      actor: actor ?? null,
      action: 'settings.holidays',
      targetType: 'settings',
      targetId: 'holidays',
      details: { count: holidays.length },
    });
    return { holidays };
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { requestAddress } from '../auth/request-address.js';
import { Role, Roles } from '../auth/roles.decorator.js';
import { AlertRulesService } from './alert-rules.service.js';
import { CreateAlertRuleDto, UpdateAlertRuleDto } from './dto/alert-rule.dto.js';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts/rules')
export class AlertRulesController {
  constructor(private readonly rules: AlertRulesService) {}

  @Get()
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Alert rules with their alert, acknowledged and false-positive counts' })
  list(@CurrentPrincipal() viewer: Principal | undefined) {
    return this.rules.list(viewer);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create an alert rule (conditions, channels, cooldown per issue)' })
  create(@Body() dto: CreateAlertRuleDto, @CurrentPrincipal() actor: Principal | undefined, @Req() request: Request) {
    return this.rules.create(dto, actor, requestAddress(request));
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'One alert rule' })
  get(@Param('id') id: string, @CurrentPrincipal() viewer: Principal | undefined) {
    return this.rules.get(id, viewer);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Edit, pause (active: false) or resume an alert rule' })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateAlertRuleDto,
    @CurrentPrincipal() actor: Principal | undefined,
    @Req() request: Request,
  ) {
    return this.rules.update(id, dto, actor, requestAddress(request));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Delete an alert rule and its alerts' })
  async remove(@Param('id') id: string, @CurrentPrincipal() actor: Principal | undefined, @Req() request: Request) {
    await this.rules.delete(id, actor, requestAddress(request));
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { requestAddress } from '../auth/request-address.js';
import { ALL_ROLES, Role, Roles } from '../auth/roles.decorator.js';
import { AlertsService } from './alerts.service.js';
import { AlertVerdictDto } from './dto/alert-rule.dto.js';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Alerts, newest first, with their evidence and per-channel delivery status' })
  @ApiQuery({ name: 'ruleId', required: false })
  @ApiQuery({ name: 'issueId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'acknowledged', 'false_positive'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  list(
    @Query('ruleId') ruleId?: string,
    @Query('issueId') issueId?: string,
    @Query('status') status?: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ) {
    return this.alerts.list({ ruleId, issueId, status, limit, cursor });
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One alert' })
  get(@Param('id') id: string) {
    return this.alerts.get(id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Acknowledge an alert (audited)' })
  acknowledge(
    @Param('id') id: string,
    @Body() dto: AlertVerdictDto,
    @CurrentPrincipal() actor: Principal | undefined,
    @Req() request: Request,
  ) {
    return this.alerts.acknowledge(id, dto.note, actor, requestAddress(request));
  }

  @Post(':id/false-positive')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Mark an alert a false positive (audited, counted per rule; tunes nothing)' })
  falsePositive(
    @Param('id') id: string,
    @Body() dto: AlertVerdictDto,
    @CurrentPrincipal() actor: Principal | undefined,
    @Req() request: Request,
  ) {
    return this.alerts.markFalsePositive(id, dto.note, actor, requestAddress(request));
  }
}

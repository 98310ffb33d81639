import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { requestAddress } from '../auth/request-address.js';
import { ALL_ROLES, Role, Roles } from '../auth/roles.decorator.js';
import { CreateTopicDto, PreviewTopicDto, UpdateTopicDto } from './dto/topic.dto.js';
import { TopicsService } from './topics.service.js';

@ApiTags('topics')
@ApiBearerAuth()
@Controller('topics')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Tracked topics with their number of matched posts' })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'paused'] })
  list(@Query('status') status?: string) {
    return this.topics.list(status === 'active' || status === 'paused' ? status : undefined);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a tracked topic; its query is matched against stored posts in the background' })
  create(@Body() dto: CreateTopicDto, @CurrentPrincipal() actor: Principal | undefined, @Req() request: Request) {
    return this.topics.create(dto, actor, requestAddress(request));
  }

  @Post('preview')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Recent stored posts a draft query would match' })
  preview(@Body() dto: PreviewTopicDto) {
    return this.topics.preview(dto);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One tracked topic with its latest backfill' })
  get(@Param('id') id: string) {
    return this.topics.get(id);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Edit, pause or resume a topic; a changed query re-matches history' })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateTopicDto,
    @CurrentPrincipal() actor: Principal | undefined,
    @Req() request: Request,
  ) {
    return this.topics.update(id, dto, actor, requestAddress(request));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Stop matching new posts (matches so far are kept)' })
  pause(@Param('id') id: string, @CurrentPrincipal() actor: Principal | undefined, @Req() request: Request) {
    return this.topics.update(id, { status: 'paused' }, actor, requestAddress(request));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Match new posts again, and the posts stored while paused' })
  resume(@Param('id') id: string, @CurrentPrincipal() actor: Principal | undefined, @Req() request: Request) {
    return this.topics.update(id, { status: 'active' }, actor, requestAddress(request));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Delete a topic and its matches' })
  async remove(@Param('id') id: string, @CurrentPrincipal() actor: Principal | undefined, @Req() request: Request) {
    await this.topics.delete(id, actor, requestAddress(request));
  }

  @Get(':id/backfill')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Progress of the latest backfill of this topic over stored posts' })
  backfill(@Param('id') id: string) {
    return this.topics.backfill(id);
  }
}

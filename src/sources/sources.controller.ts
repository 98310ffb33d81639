import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Role, Roles } from '../auth/roles.decorator.js';
import { CreateSourceDto } from './dto/create-source.dto.js';
import { UpdateSourceDto } from './dto/update-source.dto.js';
import type { SourceView } from './source-view.js';
import { CreatedSource, SourcesService } from './sources.service.js';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'Every source that is not deleted, with its health' })
  list(): Promise<{ items: SourceView[] }> {
    return this.sources.list();
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: 'One source with its health (deleted sources too)' })
  get(@Param('id') id: string): Promise<SourceView> {
    return this.sources.get(id);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Add a source; its config is validated by its connector, secrets are stored encrypted. Push sources get an API key, shown once',
  })
  create(@Body() dto: CreateSourceDto, @CurrentPrincipal() actor?: Principal): Promise<CreatedSource> {
    return this.sources.create(dto, actor);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Change name, interval or config (secrets left out or sent masked keep their value)' })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateSourceDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<SourceView> {
    return this.sources.update(id, dto, actor);
  }

  @Post(':id/run')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Fetch now (also while backing off after errors)' })
  run(@Param('id') id: string, @CurrentPrincipal() actor?: Principal): Promise<{ jobId: string }> {
    return this.sources.run(id, actor);
  }

  @Post(':id/pause')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Stop fetching until resumed' })
  pause(@Param('id') id: string, @CurrentPrincipal() actor?: Principal): Promise<SourceView> {
    return this.sources.pause(id, actor);
  }

  @Post(':id/resume')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Fetch again on schedule (a first fetch starts at once)' })
  resume(@Param('id') id: string, @CurrentPrincipal() actor?: Principal): Promise<SourceView> {
    return this.sources.resume(id, actor);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Stop fetching and hide the source; posts already stored are kept' })
  remove(@Param('id') id: string, @CurrentPrincipal() actor?: Principal): Promise<void> {
    return this.sources.remove(id, actor);
  }

  @Post(':id/api-keys')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Issue another API key for a push source (shown once)' })
  issueApiKey(@Param('id') id: string, @CurrentPrincipal() actor?: Principal): Promise<{ id: string; key: string }> {
    return this.sources.issueApiKey(id, actor);
  }
}

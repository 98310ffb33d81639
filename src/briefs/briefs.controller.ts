import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { RATE_LIMITS, RateLimited } from '../auth/rate-limit.js';
import { ALL_ROLES, Role, Roles } from '../auth/roles.decorator.js';
import type { BriefListItem, BriefVersionView, BriefView } from './brief.types.js';
import { BriefExportService } from './brief-export.service.js';
import { BriefsService } from './briefs.service.js';
import {
  DecisionNoteDto,
  ExportBriefQuery,
  ListBriefsQuery,
  PatchBriefDto,
  ReturnBriefDto,
} from './dto/brief-requests.dto.js';

@ApiTags('briefs')
@ApiBearerAuth()
@Controller('briefs')
export class BriefsController {
  constructor(
    private readonly briefs: BriefsService,
    private readonly exports: BriefExportService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Telaahan staf, newest change first, filtered by state and issue' })
  async list(@Query() q: ListBriefsQuery): Promise<{ items: BriefListItem[] }> {
    return { items: await this.briefs.list({ state: q.state, issueId: q.issueId }) };
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One telaahan with its sections, header and the figures it was drafted from' })
  get(@Param('id') id: string): Promise<BriefView> {
    return this.briefs.get(id);
  }

  @Patch(':id')
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Edits sections or header of a draft or returned telaahan (409 otherwise)' })
  patch(
    @Param('id') id: string,
    @Body() body: PatchBriefDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<BriefView> {
    return this.briefs.patch(id, body, actor);
  }

  @Get(':id/versions')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Every saved state of the telaahan, oldest first, with who and when' })
  async versions(@Param('id') id: string): Promise<{ items: BriefVersionView[] }> {
    return { items: await this.briefs.versions(id) };
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Submits a draft or returned telaahan to the pimpinan' })
  submit(@Param('id') id: string, @CurrentPrincipal() actor?: Principal): Promise<BriefView> {
    return this.briefs.submit(id, actor);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(Role.Pimpinan, Role.Admin)
  @ApiOperation({ summary: 'Approves a submitted telaahan; it is immutable from then on' })
  approve(
    @Param('id') id: string,
    @Body() body: DecisionNoteDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<BriefView> {
    return this.briefs.approve(id, body.comment, actor);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles(Role.Pimpinan, Role.Admin)
  @ApiOperation({ summary: 'Returns a submitted telaahan to the analyst with a comment' })
  returnToAnalyst(
    @Param('id') id: string,
    @Body() body: ReturnBriefDto,
    @CurrentPrincipal() actor?: Principal,
  ): Promise<BriefView> {
    return this.briefs.returnToAnalyst(id, body.comment, actor);
  }

  @Post(':id/revisions')
  @Roles(Role.Analyst, Role.Admin)
  @ApiOperation({ summary: 'Starts a new draft from an approved telaahan, linked to it (revisionOf)' })
  revise(@Param('id') id: string, @CurrentPrincipal() actor?: Principal): Promise<BriefView> {
    return this.briefs.revise(id, actor);
  }

  @Get(':id/export')
  @RateLimited(RATE_LIMITS.export)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The telaahan as DOCX or PDF (kop, header, sections, chart, signature, Lampiran)' })
  async export(@Param('id') id: string, @Query() q: ExportBriefQuery): Promise<StreamableFile> {
    const file = await this.exports.export(id, q.format);
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.data.length,
    });
  }
}

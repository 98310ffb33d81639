import { Body, Controller, Get, HttpCode, HttpStatus, StreamableFile, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { RATE_LIMITS, RateLimited } from '../auth/rate-limit.js';
import { ALL_ROLES, Role, Roles } from '../auth/roles.decorator.js';
import { DailyReportExports } from './daily-report.exports.js';
import type { DailyReportListItem, DailyReportView } from './daily-report.types.js';
import { DailyReportsService } from './daily-reports.service.js';
import { ExportQueryDto, RegenerateReportDto, ReportListQueryDto } from './dto/report-query.dto.js';

/** The daily reports: the dashboard inbox (list), one report, regeneration (analyst, admin), exports. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: DailyReportsService,
    private readonly exports: DailyReportExports,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Daftar laporan harian (kotak masuk), menurut tanggal laporan' })
  async list(@Query() query: ReportListQueryDto): Promise<{ items: DailyReportListItem[] }> {
    return { items: await this.reports.list(query.from, query.to) };
  }

  @Post('daily')
  @Roles(Role.Analyst, Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Susun ulang laporan harian suatu tanggal (bawaan: laporan yang jatuh tempo terakhir)' })
  regenerate(@Body() body: RegenerateReportDto, @CurrentPrincipal() actor: Principal): Promise<DailyReportView> {
    return this.reports.regenerate(body.date, actor);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Satu laporan harian dengan catatan pengirimannya' })
  get(@Param('id') id: string): Promise<DailyReportView> {
    return this.reports.get(id);
  }

  @Get(':id/export')
  @RateLimited(RATE_LIMITS.export)
  @Roles(...ALL_ROLES)
  @ApiQuery({ name: 'format', enum: ['docx', 'pdf'] })
  @ApiOperation({ summary: 'Unduh laporan harian sebagai DOCX atau PDF' })
  async export(@Param('id') id: string, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    const report = await this.reports.get(id);
    const file = await this.exports.file(report.content, query.format);
    return new StreamableFile(file.content, {
      type: file.contentType,
      disposition: `attachment; filename="${file.filename}"`,
    });
  }
}

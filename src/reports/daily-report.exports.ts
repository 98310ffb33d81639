import { Injectable } from '@nestjs/common';
import { CONTENT_TYPES, type ExportFormat } from '../briefs/brief-export.service.js';
import { BriefTemplateService } from '../briefs/brief-template.service.js';
import { renderDocx } from '../briefs/documents/docx-renderer.js';
import { renderPdf } from '../briefs/documents/pdf-renderer.js';
import { dailyReportDocument } from './daily-report-document.js';
import type { DailyReportContent } from './daily-report.types.js';

export interface ReportFile {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** DOCX and PDF of a daily report, rendered by the briefs document layer with the deployment's brief template. */
@Injectable()
export class DailyReportExports {
  constructor(private readonly templates: BriefTemplateService) {}

  async file(content: DailyReportContent, format: ExportFormat): Promise<ReportFile> {
    const template = await this.templates.get();
    const model = dailyReportDocument(content, template);
    return {
      filename: `laporan-harian-${content.reportDate}.${format}`,
      content:
        format === 'docx' ? await renderDocx(model, { embedFonts: template.docxEmbedFonts }) : await renderPdf(model),
      contentType: CONTENT_TYPES[format],
    };
  }

  /** Both files, for the e-mail. */
  async attachments(content: DailyReportContent): Promise<ReportFile[]> {
    return [await this.file(content, 'docx'), await this.file(content, 'pdf')];
  }
}

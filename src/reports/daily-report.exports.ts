import { Injectable } from '@nestjs/common';
import type { DailyReportContent } from './daily-report.types.js';

export interface ReportFile {
  filename: string;
  content: Buffer;
  contentType: string;
}

/**
 * DOCX and PDF of a daily report. The document layer (src/briefs/documents) is not on this branch yet: no files are
 * produced, the e-mail goes out without attachments and the export route answers 501.
 */
@Injectable()
export class DailyReportExports {
  readonly available = false;

  async attachments(_content: DailyReportContent): Promise<ReportFile[]> {
    return [];
  }
}

/** A telaahan as a DOCX or PDF file: the brief (its figures snapshot) and the deployment's template, rendered. */
import { Injectable } from '@nestjs/common';
import { BriefTemplateService } from './brief-template.service.js';
import { BriefsService } from './briefs.service.js';
import { renderDocx } from './documents/docx-renderer.js';
import { renderPdf } from './documents/pdf-renderer.js';
import { telaahanDocument } from './documents/telaahan-document.js';

export type ExportFormat = 'docx' | 'pdf';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export interface ExportedFile {
  data: Buffer;
  contentType: string;
  fileName: string;
}

@Injectable()
export class BriefExportService {
  constructor(
    private readonly briefs: BriefsService,
    private readonly templates: BriefTemplateService,
  ) {}

  async export(id: string, format: ExportFormat): Promise<ExportedFile> {
    const [brief, template] = await Promise.all([this.briefs.get(id), this.templates.get()]);
    const model = telaahanDocument(brief, template);
    const data = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
    return {
      data,
      contentType: CONTENT_TYPES[format],
      fileName: `telaahan-${brief.header.tanggal || brief.createdAt.slice(0, 10)}-${brief.id.slice(0, 8)}.${format}`,
    };
  }
}

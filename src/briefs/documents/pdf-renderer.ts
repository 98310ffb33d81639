/** DocumentModel → PDF with pdfkit, Arimo embedded from the repository's font files (no system or standard fonts used). */
import PDFDocument from 'pdfkit';
import type { TextRun } from '../rich-text.js';
import type { DocumentBlock, DocumentModel } from './document-model.js';
import { faceOf, type FontFace, fontPath } from './fonts.js';

const PT_PER_CM = 28.3465;
const PT_PER_MM = 2.83465;
const SECTION_INDENT = 0.9 * PT_PER_CM;
const POINT_INDENT = 0.7 * PT_PER_CM;
const FACES: FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];

type Pdf = InstanceType<typeof PDFDocument>;

export function renderPdf(model: DocumentModel): Promise<Buffer> {
  const p = model.page;
  const margins = {
    top: p.margins.top * PT_PER_CM,
    bottom: p.margins.bottom * PT_PER_CM,
    left: p.margins.left * PT_PER_CM,
    right: p.margins.right * PT_PER_CM,
  };
  const doc = new PDFDocument({
    size: [p.width * PT_PER_MM, p.height * PT_PER_MM],
    margins,
    bufferPages: true,
    info: { Title: model.meta.title, Subject: model.meta.subject, Author: model.meta.author, Creator: 'Pantau Isu' },
  });
  for (const face of FACES) {
    doc.registerFont(face, fontPath(face));
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  new PdfLayout(doc, model, margins).render();
  doc.end();
  return done;
}

class PdfLayout {
  private readonly size: number;
  private readonly width: number;

  constructor(
    private readonly doc: Pdf,
    private readonly model: DocumentModel,
    private readonly margins: { top: number; bottom: number; left: number; right: number },
  ) {
    this.size = model.page.fontSize;
    this.width = doc.page.width - margins.left - margins.right;
  }

  render(): void {
    const doc = this.doc;
    doc.font('regular').fontSize(this.size);
    if (this.model.letterhead) {
      this.letterhead();
    }
    doc.moveDown(0.8);
    doc
      .font('bold')
      .fontSize(this.size + 2)
      .text(this.model.title, this.margins.left, doc.y, {
        width: this.width,
        align: 'center',
      });
    doc.moveDown(0.8);
    this.fields();
    for (const section of this.model.sections) {
      this.ensureSpace(this.size * 3);
      doc.moveDown(0.6);
      const y = doc.y;
      doc.font('bold').fontSize(this.size).text(`${section.number}.`, this.margins.left, y, { lineBreak: false });
      doc.text(section.title, this.margins.left + SECTION_INDENT, y, { width: this.width - SECTION_INDENT });
      doc.moveDown(0.3);
      this.blocks(section.blocks, SECTION_INDENT);
    }
    if (this.model.signature) {
      this.signature();
    }
    for (const attachment of this.model.attachments) {
      doc.addPage();
      doc.font('bold').fontSize(this.size).text(attachment.title, this.margins.left, doc.y, {
        width: this.width,
        align: 'center',
      });
      doc.font('regular');
      for (const line of attachment.subtitle) {
        doc.text(line, { width: this.width, align: 'center' });
      }
      doc.moveDown(1);
      this.blocks(attachment.blocks, 0);
    }
    this.pageNumbers();
  }

  private letterhead(): void {
    const doc = this.doc;
    const lh = this.model.letterhead!;
    const top = doc.y;
    const logoSize = 2.2 * PT_PER_CM;
    let textLeft = this.margins.left;
    let textWidth = this.width;
    if (lh.logo) {
      doc.image(lh.logo, this.margins.left, top, { fit: [logoSize, logoSize] });
      textLeft += logoSize + 0.3 * PT_PER_CM;
      textWidth -= logoSize + 0.3 * PT_PER_CM;
    }
    doc
      .font('bold')
      .fontSize(this.size + 1)
      .text(lh.government, textLeft, top, { width: textWidth, align: 'center' });
    doc.fontSize(this.size + 3).text(lh.office, { width: textWidth, align: 'center' });
    doc.font('regular').fontSize(this.size - 2);
    for (const line of lh.lines) {
      doc.text(line, { width: textWidth, align: 'center' });
    }
    const y = Math.max(doc.y, lh.logo ? top + logoSize : 0) + 4;
    const right = this.margins.left + this.width;
    doc.lineWidth(2).moveTo(this.margins.left, y).lineTo(right, y).stroke();
    doc
      .lineWidth(0.6)
      .moveTo(this.margins.left, y + 3)
      .lineTo(right, y + 3)
      .stroke();
    doc.fontSize(this.size);
    doc.y = y + 6;
  }

  private fields(): void {
    const doc = this.doc;
    const labelWidth = 2.8 * PT_PER_CM;
    const colonWidth = 0.5 * PT_PER_CM;
    const valueX = this.margins.left + labelWidth + colonWidth;
    doc.font('regular').fontSize(this.size);
    for (const f of this.model.fields) {
      const y = doc.y;
      doc.text(f.label, this.margins.left, y, { width: labelWidth, lineBreak: false });
      doc.text(':', this.margins.left + labelWidth, y, { width: colonWidth, lineBreak: false });
      doc.text(f.value, valueX, y, { width: this.width - labelWidth - colonWidth });
    }
    const y = doc.y + 4;
    doc
      .lineWidth(0.8)
      .moveTo(this.margins.left, y)
      .lineTo(this.margins.left + this.width, y)
      .stroke();
    doc.y = y + 8;
  }

  private blocks(blocks: DocumentBlock[], indent: number): void {
    const doc = this.doc;
    const left = this.margins.left + indent;
    const width = this.width - indent;
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
          this.ensureSpace(this.size * 2);
          this.runs(block.runs, left, doc.y, width, block.align === 'center' ? 'center' : 'justify');
          doc.moveDown(0.4);
          break;
        case 'list':
          for (const item of block.items) {
            this.ensureSpace(this.size * 2);
            const y = doc.y;
            doc.font('regular').fontSize(this.size).text(item.label, left, y, { lineBreak: false });
            this.runs(item.runs, left + POINT_INDENT, y, width - POINT_INDENT, 'justify');
            doc.moveDown(0.25);
          }
          break;
        case 'image': {
          const imageWidth = Math.min(block.widthCm * PT_PER_CM, width);
          const imageHeight = (imageWidth * block.heightPx) / block.widthPx;
          this.ensureSpace(imageHeight + this.size * 2);
          const y = doc.y + 4;
          doc.image(block.png, left + (width - imageWidth) / 2, y, { width: imageWidth });
          doc.y = y + imageHeight + 4;
          if (block.caption) {
            doc
              .font('regular')
              .fontSize(this.size - 2)
              .text(block.caption, left, doc.y, { width, align: 'center' });
            doc.fontSize(this.size);
          }
          doc.moveDown(0.4);
          break;
        }
      }
    }
  }

  private runs(runs: TextRun[], x: number, y: number, width: number, align: 'justify' | 'center'): void {
    const doc = this.doc;
    const visible = keepSpaces(runs.filter((r) => r.text !== ''));
    if (visible.length === 0) {
      doc.text('', x, y);
      return;
    }
    visible.forEach((run, i) => {
      doc.font(faceOf(run)).fontSize(this.size);
      const options = { width, align, continued: i < visible.length - 1 };
      if (i === 0) {
        doc.text(run.text, x, y, options);
      } else {
        doc.text(run.text, options);
      }
    });
    doc.font('regular');
    doc.x = this.margins.left;
  }

  private signature(): void {
    const doc = this.doc;
    const s = this.model.signature!;
    const lineHeight = doc.currentLineHeight(true);
    this.ensureSpace(lineHeight * 8);
    doc.moveDown(1.5);
    const x = this.margins.left + this.width / 2;
    const width = this.width / 2;
    doc.font('regular').fontSize(this.size).text(`${s.jabatan},`, x, doc.y, { width, align: 'center' });
    doc.moveDown(3.5);
    doc.font('bold').text(s.nama || '(nama)', x, doc.y, { width, align: 'center', underline: true });
    doc.font('regular');
    if (s.pangkat) {
      doc.text(s.pangkat, x, doc.y, { width, align: 'center' });
    }
    doc.text(`NIP. ${s.nip}`, x, doc.y, { width, align: 'center' });
    doc.x = this.margins.left;
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.margins.bottom) {
      this.doc.addPage();
    }
  }

  private pageNumbers(): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('regular')
        .fontSize(this.size - 2)
        .text(`Halaman ${i + 1} dari ${range.count}`, this.margins.left, doc.page.height - bottom / 2 - this.size / 2, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
  }
}

/** pdfkit drops the leading spaces of a continued fragment: move them to the end of the fragment before. */
function keepSpaces(runs: TextRun[]): TextRun[] {
  const out = runs.map((r) => ({ ...r }));
  for (let i = 1; i < out.length; i++) {
    const lead = /^\s+/u.exec(out[i].text)?.[0];
    if (lead) {
      out[i - 1].text += lead;
      out[i].text = out[i].text.slice(lead.length);
    }
  }
  return out.filter((r) => r.text !== '');
}

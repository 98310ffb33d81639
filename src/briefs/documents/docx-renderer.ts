/** DocumentModel → DOCX (the `docx` package), with Arimo embedded so the document looks the same without it installed. */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { TextRun as Run } from '../rich-text.js';
import type { DocumentBlock, DocumentModel } from './document-model.js';
import { fontData } from './fonts.js';

const TWIPS_PER_CM = 566.93;
const TWIPS_PER_MM = 56.693;
/** Hanging indent of a section's text after its Roman number, and of a point after its letter. */
const SECTION_INDENT = Math.round(0.9 * TWIPS_PER_CM);
const POINT_INDENT = Math.round(0.7 * TWIPS_PER_CM);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const p = model.page;
  const size = p.fontSize * 2;
  const textWidth = Math.round((p.width / 10 - p.margins.left - p.margins.right) * TWIPS_PER_CM);
  const runs = (items: Run[], extra: { bold?: boolean } = {}): ParagraphChild[] =>
    items.map(
      (r) => new TextRun({ text: r.text, bold: r.bold || extra.bold, italics: r.italic, font: p.fontFamily, size }),
    );
  const text = (value: string, options: { bold?: boolean; underline?: boolean; size?: number } = {}) =>
    new TextRun({
      text: value,
      bold: options.bold,
      underline: options.underline ? {} : undefined,
      font: p.fontFamily,
      size: options.size ?? size,
    });

  const blocks = (items: DocumentBlock[], indent: number): (Paragraph | Table)[] =>
    items.flatMap((b): Paragraph[] => {
      switch (b.type) {
        case 'paragraph':
          return [
            new Paragraph({
              children: runs(b.runs),
              alignment: b.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
              indent: { left: indent },
              spacing: { after: 120 },
            }),
          ];
        case 'list':
          return b.items.map(
            (item) =>
              new Paragraph({
                children: [text(item.label), text('\t'), ...runs(item.runs)],
                alignment: AlignmentType.JUSTIFIED,
                indent: { left: indent + POINT_INDENT, hanging: POINT_INDENT },
                tabStops: [{ type: TabStopType.LEFT, position: indent + POINT_INDENT }],
                spacing: { after: 80 },
              }),
          );
        case 'image': {
          const widthPx = Math.round((b.widthCm / 2.54) * 96);
          const heightPx = Math.round((widthPx * b.heightPx) / b.widthPx);
          return [
            new Paragraph({
              children: [
                new ImageRun({ type: 'png', data: b.png, transformation: { width: widthPx, height: heightPx } }),
              ],
              alignment: AlignmentType.CENTER,
              indent: { left: indent },
              spacing: { before: 120 },
            }),
            ...(b.caption
              ? [
                  new Paragraph({
                    children: [text(b.caption, { size: size - 4 })],
                    alignment: AlignmentType.CENTER,
                    indent: { left: indent },
                    spacing: { after: 160 },
                  }),
                ]
              : []),
          ];
        }
      }
    });

  const body: (Paragraph | Table)[] = [];
  if (model.letterhead) {
    body.push(...letterhead(model, textWidth, text));
  }
  body.push(
    new Paragraph({
      children: [text(model.title, { bold: true, size: size + 4 })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
    }),
  );
  const labelWidth = Math.round(2.8 * TWIPS_PER_CM);
  const colonWidth = Math.round(0.5 * TWIPS_PER_CM);
  body.push(
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: [labelWidth, colonWidth, textWidth - labelWidth - colonWidth],
      borders: NO_BORDERS,
      rows: model.fields.map(
        (f) =>
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph({ children: [text(f.label)] })], borders: NO_BORDERS }),
              new TableCell({ children: [new Paragraph({ children: [text(':')] })], borders: NO_BORDERS }),
              new TableCell({ children: [new Paragraph({ children: [text(f.value)] })], borders: NO_BORDERS }),
            ],
          }),
      ),
    }),
    new Paragraph({
      children: [],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 1 } },
      spacing: { after: 240 },
    }),
  );
  for (const section of model.sections) {
    body.push(
      new Paragraph({
        children: [text(`${section.number}.`, { bold: true }), text('\t'), text(section.title, { bold: true })],
        indent: { left: SECTION_INDENT, hanging: SECTION_INDENT },
        tabStops: [{ type: TabStopType.LEFT, position: SECTION_INDENT }],
        spacing: { before: 200, after: 100 },
        keepNext: true,
      }),
      ...blocks(section.blocks, SECTION_INDENT),
    );
  }
  if (model.signature) {
    body.push(new Paragraph({ children: [], spacing: { after: 240 } }), signature(model, textWidth, text));
  }
  for (const attachment of model.attachments) {
    body.push(
      new Paragraph({
        children: [text(attachment.title, { bold: true })],
        alignment: AlignmentType.CENTER,
        pageBreakBefore: true,
        spacing: { after: 120 },
      }),
      ...attachment.subtitle.map((line) => new Paragraph({ children: [text(line)], alignment: AlignmentType.CENTER })),
      new Paragraph({ children: [], spacing: { after: 200 } }),
      ...blocks(attachment.blocks, 0),
    );
  }

  const document = new Document({
    title: model.meta.title,
    subject: model.meta.subject,
    creator: model.meta.author,
    fonts: [
      {
        name: p.fontFamily,
        data: fontData('regular'),
        bold: fontData('bold'),
        italic: fontData('italic'),
        boldItalic: fontData('boldItalic'),
      },
    ],
    styles: { default: { document: { run: { font: p.fontFamily, size } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(p.width * TWIPS_PER_MM), height: Math.round(p.height * TWIPS_PER_MM) },
            margin: {
              top: Math.round(p.margins.top * TWIPS_PER_CM),
              bottom: Math.round(p.margins.bottom * TWIPS_PER_CM),
              left: Math.round(p.margins.left * TWIPS_PER_CM),
              right: Math.round(p.margins.right * TWIPS_PER_CM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES],
                    font: p.fontFamily,
                    size: size - 4,
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

type TextFn = (value: string, options?: { bold?: boolean; underline?: boolean; size?: number }) => TextRun;

function letterhead(model: DocumentModel, textWidth: number, text: TextFn): (Paragraph | Table)[] {
  const lh = model.letterhead!;
  const size = model.page.fontSize * 2;
  const lines = [
    new Paragraph({ children: [text(lh.government, { bold: true, size: size + 2 })], alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [text(lh.office, { bold: true, size: size + 6 })], alignment: AlignmentType.CENTER }),
    ...lh.lines.map(
      (line) => new Paragraph({ children: [text(line, { size: size - 4 })], alignment: AlignmentType.CENTER }),
    ),
  ];
  const rule = new Paragraph({
    children: [],
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: '000000', space: 1 } },
    spacing: { after: 120 },
  });
  if (!lh.logo) {
    return [...lines, rule];
  }
  const logoWidth = Math.round(2.6 * TWIPS_PER_CM);
  return [
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: [logoWidth, textWidth - logoWidth],
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              borders: NO_BORDERS,
              children: [
                new Paragraph({
                  children: [new ImageRun({ type: 'png', data: lh.logo, transformation: { width: 80, height: 80 } })],
                }),
              ],
            }),
            new TableCell({ borders: NO_BORDERS, children: lines }),
          ],
        }),
      ],
    }),
    rule,
  ];
}

function signature(model: DocumentModel, textWidth: number, text: TextFn): Table {
  const s = model.signature!;
  const half = Math.round(textWidth / 2);
  const centred = (children: TextRun[], after = 0) =>
    new Paragraph({ children, alignment: AlignmentType.CENTER, spacing: { after } });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [textWidth - half, half],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ borders: NO_BORDERS, children: [new Paragraph({ children: [] })] }),
          new TableCell({
            borders: NO_BORDERS,
            children: [
              centred([text(`${s.jabatan},`)], 1200),
              centred([text(s.nama || '(nama)', { bold: true, underline: true })]),
              centred([text(s.pangkat || '')]),
              centred([text(`NIP. ${s.nip}`)]),
            ],
          }),
        ],
      }),
    ],
  });
}

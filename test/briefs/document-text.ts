/** Reads generated documents back as text, in JS: DOCX through its XML (jszip), PDF through pdf.js. */
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface DocxContents {
  /** Paragraph texts of word/document.xml, one per line. */
  text: string;
  files: string[];
  documentXml: string;
}

function decodeXml(value: string): string {
  return value
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

export async function readDocx(data: Buffer): Promise<DocxContents> {
  const zip = await JSZip.loadAsync(data);
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = documentXml
    .split(/<\/w:p>/u)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/gu)]
        .map((m) => (m[1] === undefined ? ' ' : decodeXml(m[1])))
        .join(''),
    );
  return { text: paragraphs.join('\n'), files: Object.keys(zip.files), documentXml };
}

/** All text of the PDF, whitespace collapsed (lines joined by a space), and its page count. */
export async function readPdf(data: Buffer): Promise<{ text: string; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) {
      if ('str' in item) {
        text += item.str + (item.hasEOL ? ' ' : '');
      }
    }
    text += ' ';
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text: text.replace(/\s+/gu, ' '), pages };
}

/** Whitespace collapsed, as readPdf returns text. */
export const squash = (value: string) => value.replace(/\s+/gu, ' ');

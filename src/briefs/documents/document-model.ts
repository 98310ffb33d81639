/**
 * A formal document (telaahan staf now, the daily report later) as plain data, independent of where it came from:
 * the DOCX and PDF renderers take only this. Text is runs of plain text (never markup).
 */
import type { TextRun } from '../rich-text.js';

export interface PageSetup {
  /** Millimetres. */
  width: number;
  height: number;
  /** Centimetres. */
  margins: { top: number; bottom: number; left: number; right: number };
  fontFamily: string;
  /** Points. */
  fontSize: number;
}

export type DocumentBlock =
  | { type: 'paragraph'; runs: TextRun[]; align?: 'left' | 'center' | 'justify' }
  /** Items each with its own label (a., b. or 1., 2.), hanging indent. */
  | { type: 'list'; items: { label: string; runs: TextRun[] }[] }
  /** A PNG; width in centimetres (height follows the aspect ratio). */
  | { type: 'image'; png: Buffer; widthPx: number; heightPx: number; widthCm: number; caption?: string };

export interface DocumentSection {
  /** "I", "II"… */
  number: string;
  title: string;
  blocks: DocumentBlock[];
}

export interface DocumentModel {
  page: PageSetup;
  /** Letterhead (kop), on the first page only. */
  letterhead: { government: string; office: string; lines: string[]; logo: Buffer | null } | null;
  title: string;
  /** Label/value rows under the title (Kepada, Dari, Tanggal…), a rule under them. */
  fields: { label: string; value: string }[];
  sections: DocumentSection[];
  /** Right-column signature block. */
  signature: { jabatan: string; nama: string; pangkat: string; nip: string } | null;
  /** Lampiran pages after the body, each starting on a new page. */
  attachments: { title: string; subtitle: string[]; blocks: DocumentBlock[] }[];
  /** Document properties. */
  meta: { title: string; subject: string; author: string };
}

/** 1, 2… → I, II… (section numbers). */
export function roman(n: number): string {
  const table: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let left = n;
  for (const [value, letters] of table) {
    while (left >= value) {
      out += letters;
      left -= value;
    }
  }
  return out;
}

/** Label of the i-th point (0-based): a., b., … z., aa. or 1., 2., … */
export function pointLabel(i: number, style: 'alpha' | 'decimal'): string {
  if (style === 'decimal') {
    return `${i + 1}.`;
  }
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return `${i >= 26 ? letters[Math.floor(i / 26) - 1] : ''}${letters[i % 26]}.`;
}

/**
 * The telaahan template of a deployment (admin, GET|PUT /api/settings/brief-template): letterhead, paper, margins,
 * font, section titles, optional sections, and the header defaults a new draft starts with.
 */
import type { BriefHeader, BriefSignatory } from './brief-header.js';

export type PaperSize = 'A4' | 'F4';

/** Paper sizes in millimetres (F4/Folio as in many regional guides). */
export const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  F4: { width: 215, height: 330 },
};

/** The fonts the exporters can embed: files under src/briefs/documents/fonts (OFL). */
export const BRIEF_FONTS = ['Arimo'] as const;
export type BriefFontName = (typeof BRIEF_FONTS)[number];

export interface BriefTemplate {
  letterhead: {
    /** PEMERINTAH KOTA SAMARINDA */
    government: string;
    /** DINAS KOMUNIKASI DAN INFORMATIKA (printed in capitals) */
    office: string;
    /** Address, telephone, web and e-mail lines under the office name. */
    lines: string[];
    /** PNG or JPEG as a data URL (data:image/png;base64,…), or null. */
    logo: string | null;
  };
  paper: PaperSize;
  /** Centimetres. */
  margins: { top: number; bottom: number; left: number; right: number };
  font: BriefFontName;
  fontSize: number;
  /** Embed the font files in DOCX exports (else the DOCX names Arial, whose metrics Arimo copies). */
  docxEmbedFonts: boolean;
  titles: { kesimpulan: 'Kesimpulan' | 'Simpulan'; saran: 'Saran' | 'Saran Tindak' };
  /** Optional sections a new draft carries. */
  sections: { dasar: boolean; praanggapan: boolean };
  /** Items of "Dasar" in a new draft (legal basis), when the section is on. */
  dasar: string[];
  /** Points numbered a., b., c. ('alpha') or 1., 2., 3. ('decimal'). */
  numbering: 'alpha' | 'decimal';
  /** Hours within which Diskominfo publishes an official update, by severity level. */
  responseHours: { kritis: number; tinggi: number; sedang: number; rendah: number };
  defaults: Pick<BriefHeader, 'kepada' | 'melalui' | 'dari' | 'sifat'> & { penandatangan: BriefSignatory };
  /**
   * The official voices the daily report compares citizens' claims with (src/reports/official-contradiction.ts):
   * source ids whose every post is official (e.g. the government's own news feed) and accounts (author handles,
   * stored lower-case without `@`) of official bodies on any source.
   */
  official: { sources: string[]; accounts: string[] };
}

export const DEFAULT_BRIEF_TEMPLATE: BriefTemplate = {
  letterhead: {
    government: 'PEMERINTAH DAERAH',
    office: 'DINAS KOMUNIKASI DAN INFORMATIKA',
    lines: ['Alamat kantor', 'Telepon · Laman · Pos-el'],
    logo: null,
  },
  paper: 'A4',
  margins: { top: 2, bottom: 2.5, left: 3, right: 2 },
  font: 'Arimo',
  fontSize: 12,
  docxEmbedFonts: false,
  titles: { kesimpulan: 'Kesimpulan', saran: 'Saran Tindak' },
  sections: { dasar: false, praanggapan: true },
  dasar: ['Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.'],
  numbering: 'alpha',
  responseHours: { kritis: 3, tinggi: 6, sedang: 24, rendah: 48 },
  defaults: {
    kepada: 'Yth. Kepala Daerah',
    melalui: '',
    dari: 'Kepala Dinas Komunikasi dan Informatika',
    sifat: 'Segera',
    penandatangan: { jabatan: 'Kepala Dinas Komunikasi dan Informatika', nama: '', pangkat: '', nip: '' },
  },
  official: { sources: [], accounts: [] },
};

/** An account handle as stored and compared: trimmed, without a leading `@`, lower-case. */
export function officialAccount(handle: string): string {
  return handle.trim().replace(/^@+/u, '').toLowerCase();
}

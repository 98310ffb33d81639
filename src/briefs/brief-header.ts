/** The header block of a telaahan staf and its signatory (stored as `briefs.header`). */
export interface BriefSignatory {
  jabatan: string;
  nama: string;
  pangkat: string;
  nip: string;
}

export interface BriefHeader {
  /** Yth. … */
  kepada: string;
  melalui: string;
  dari: string;
  /** Local date 'YYYY-MM-DD' (shown as "2 Desember 2026"). */
  tanggal: string;
  nomor: string;
  /** Segera, Biasa, Rahasia… */
  sifat: string;
  lampiran: string;
  hal: string;
  penandatangan: BriefSignatory;
}

export const HEADER_FIELDS = ['kepada', 'melalui', 'dari', 'tanggal', 'nomor', 'sifat', 'lampiran', 'hal'] as const;

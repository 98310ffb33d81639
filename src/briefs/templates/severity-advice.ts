/** How urgent a telaahan reads by severity level (Kesimpulan, the sifat of the letter). Written for Pantau Isu. */
export type SeverityLevel = 'rendah' | 'sedang' | 'tinggi' | 'kritis';

export interface SeverityAdvice {
  /** Kesimpulan: the course of action, in brief; `{opd}` is the responsible OPD. */
  conclusion: string;
  /** Analisis: what the level means for the response. */
  weight: string;
}

export const SEVERITY_ADVICE: Record<SeverityLevel, SeverityAdvice> = {
  kritis: {
    weight: 'Tingkat keparahan kritis menuntut tanggapan pemerintah daerah pada hari yang sama.',
    conclusion:
      'Isu ini perlu segera ditangani oleh {opd} dan disertai informasi resmi pemerintah daerah pada hari ini.',
  },
  tinggi: {
    weight: 'Tingkat keparahan tinggi menunjukkan isu berpotensi meluas bila tidak segera ditanggapi.',
    conclusion: 'Isu ini perlu ditindaklanjuti oleh {opd} dalam waktu dekat, disertai informasi resmi kepada publik.',
  },
  sedang: {
    weight: 'Tingkat keparahan sedang memberi waktu untuk verifikasi sebelum tanggapan resmi.',
    conclusion: 'Isu ini perlu diverifikasi oleh {opd} dan dipantau; tanggapan resmi disiapkan bila terbukti.',
  },
  rendah: {
    weight: 'Tingkat keparahan rendah; isu cukup dipantau sambil menunggu perkembangan.',
    conclusion: 'Isu ini cukup dipantau oleh {opd}; belum diperlukan tanggapan resmi pimpinan.',
  },
};

/**
 * How the morning reading is sorted (the rules of docs/briefs.md, "Laporan harian"). Pure: an issue of the period,
 * its sentiment shares, dispositions and any contradicted official statement in, one group (or none) and the reason out. First match wins, in the order
 * perlu klarifikasi → perlu perhatian → kabar baik.
 */
import type { ReportGroup } from './daily-report.types.js';

/** A share of copies at or above this reads as a campaign even when the detector did not flag it. */
export const COPY_SHARE_FOR_CLARIFICATION = 0.3;
export const MOSTLY = 0.5;
const ATTENTION_LEVELS = new Set(['sedang', 'tinggi', 'kritis']);
const HIGH_LEVELS = new Set(['tinggi', 'kritis']);

export interface ClassifiedIssue {
  severityLevel: string;
  /** Open: no analyst outcome (not dismissed, followed up or merged). */
  open: boolean;
  campaign: boolean;
  nearDuplicateShare: number;
  sentiment: { positive: number; neutral: number; negative: number };
  overdueDispositions: number;
  /** Citizens' claims contradicting an official statement (official-contradiction.ts), `at` already formatted. */
  officialContradiction?: { by: string; at: string; claims: number; citizens: number } | null;
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;

export function classifyIssue(issue: ClassifiedIssue): { group: ReportGroup; reason: string } | null {
  if (issue.campaign) {
    return {
      group: 'perluKlarifikasi',
      reason: 'Terindikasi kampanye terkoordinasi: sebagian besar unggahan berupa salinan teks yang sama.',
    };
  }
  if (issue.nearDuplicateShare >= COPY_SHARE_FOR_CLARIFICATION) {
    return {
      group: 'perluKlarifikasi',
      reason: `${pct(issue.nearDuplicateShare)} unggahan berupa salinan yang hampir sama; kebenarannya perlu diverifikasi.`,
    };
  }
  if (issue.officialContradiction) {
    const c = issue.officialContradiction;
    return {
      group: 'perluKlarifikasi',
      reason:
        `Pernyataan resmi ${c.by} (${c.at}) membantah atau menyatakan sudah ditangani, tetapi ${c.claims} dari ` +
        `${c.citizens} unggahan warga sesudahnya menyatakan sebaliknya.`,
    };
  }
  if (issue.overdueDispositions > 0) {
    return {
      group: 'perluPerhatian',
      reason: `${issue.overdueDispositions} disposisi kepada OPD melewati batas waktu tanggapan.`,
    };
  }
  if (issue.sentiment.negative > MOSTLY && ATTENTION_LEVELS.has(issue.severityLevel)) {
    return {
      group: 'perluPerhatian',
      reason: `Sentimen negatif ${pct(issue.sentiment.negative)} dengan tingkat keparahan ${issue.severityLevel}.`,
    };
  }
  if (issue.sentiment.positive > MOSTLY && !(issue.open && HIGH_LEVELS.has(issue.severityLevel))) {
    return {
      group: 'kabarBaik',
      reason: `Sentimen positif ${pct(issue.sentiment.positive)}; tidak ada isu terbuka berkeparahan tinggi.`,
    };
  }
  return null;
}

/**
 * Writes a telaahan staf draft from an issue's figures and the deployment's template: only what the figures
 * support, in formal Indonesian. Pure (no I/O): the same figures give the same draft.
 */
import type { BriefHeader } from './brief-header.js';
import type { BriefTemplate } from './brief-template.js';
import type { BriefFigures } from './brief.types.js';
import {
  countInWords,
  formatChange,
  formatCount,
  formatDate,
  formatDateTime,
  formatHour,
  formatShare,
} from './indonesian-format.js';
import { BriefSections, list, paragraph, TextRun } from './rich-text.js';
import { ASSUMPTIONS } from './templates/assumptions.js';
import { CAMPAIGN_ADVICE, CAMPAIGN_SHARE_NOTABLE } from './templates/campaign-advice.js';
import { adviceFor } from './templates/category-advice.js';
import { SEVERITY_ADVICE } from './templates/severity-advice.js';

/** Quotes shown in Fakta; the rest (and every quote in full) go to the Lampiran. */
export const INLINE_QUOTES = 3;
export const INLINE_QUOTE_CHARS = 220;

const OUTCOME_WORDS: Record<string, string> = {
  followed_up: 'telah ditindaklanjuti',
  dismissed: 'dinyatakan bukan isu',
  merged: 'digabungkan ke isu lain',
  emerging: 'masih berkembang',
  trending: 'masih ramai',
  declining: 'mereda',
  dormant: 'tidak aktif lagi',
};

const DISPOSITION_WORDS: Record<string, string> = {
  forwarded: 'telah didisposisikan dan menunggu tanggapan',
  responded: 'telah ditanggapi',
  completed: 'telah selesai ditindaklanjuti',
};

export interface BriefDraft {
  title: string;
  header: BriefHeader;
  sections: BriefSections;
}

export function draftBrief(figures: BriefFigures, template: BriefTemplate, today: string): BriefDraft {
  const f = figures;
  const style = template.numbering;
  const opd = f.issue.opd;
  const sections: BriefSections = {
    persoalan: { blocks: [paragraph(persoalan(f))] },
    fakta: { blocks: [list(fakta(f), style), { type: 'chart', chart: 'volume' }] },
    analisis: { blocks: [list(analisis(f), style)] },
    kesimpulan: { blocks: [paragraph(fill(SEVERITY_ADVICE[f.issue.severityLevel].conclusion, opd, template, f))] },
    saran: { blocks: [list(saran(f, template), style)] },
  };
  if (template.sections.praanggapan) {
    sections.praanggapan = { blocks: [list(praanggapan(f), style)] };
  }
  if (template.sections.dasar && template.dasar.length > 0) {
    sections.dasar = {
      blocks: [
        list(
          template.dasar.map((d) => [d]),
          style,
        ),
      ],
    };
  }
  const attachments = f.quotes.length > INLINE_QUOTES || f.quotes.some((q) => q.text.length > INLINE_QUOTE_CHARS);
  const d = template.defaults;
  return {
    title: `Telaahan staf: ${f.issue.label}`,
    header: {
      kepada: d.kepada,
      melalui: d.melalui,
      dari: d.dari,
      tanggal: today,
      nomor: '',
      sifat: f.issue.severityLevel === 'kritis' || f.issue.severityLevel === 'tinggi' ? 'Segera' : d.sifat,
      lampiran: attachments ? `1 (${countInWords(1)}) berkas` : '-',
      hal: `Telaahan atas isu "${f.issue.label}"`,
      penandatangan: { ...d.penandatangan },
    },
    sections,
  };
}

function persoalan(f: BriefFigures): string {
  const where = f.places.length > 0 ? ` di ${f.places.map((p) => p.name).join(', ')}` : '';
  return (
    `Berkembangnya percakapan di media sosial tentang "${f.issue.label}"${where} ` +
    `(kategori ${f.issue.categoryName}) yang memerlukan sikap dan langkah pemerintah daerah melalui ${f.issue.opd}.`
  );
}

function praanggapan(f: BriefFigures): (TextRun | string)[][] {
  const items: string[] = [];
  if (f.previousPeriodPosts === 0) {
    items.push(ASSUMPTIONS.new);
  } else if (f.currentPeriodPosts > f.previousPeriodPosts) {
    items.push(ASSUMPTIONS.rising);
  } else if (f.currentPeriodPosts < f.previousPeriodPosts) {
    items.push(ASSUMPTIONS.falling);
  }
  const scored = f.sentiment.positive + f.sentiment.neutral + f.sentiment.negative;
  if (scored > 0 && f.sentiment.negative * 2 > scored) {
    items.push(ASSUMPTIONS.negative);
  }
  if (campaignNotable(f)) {
    items.push(CAMPAIGN_ADVICE.assumption);
  }
  if (f.related.length > 0) {
    items.push(ASSUMPTIONS.recurring);
  }
  if (f.disposition.status === 'none') {
    items.push(ASSUMPTIONS.undisposed);
  } else if (f.disposition.overdue) {
    items.push(ASSUMPTIONS.overdue);
  }
  return items.map((t) => [t]);
}

function fakta(f: BriefFigures): (TextRun | string)[][] {
  const tz = f.timeZone;
  const z = f.zoneLabel;
  const items: (TextRun | string)[][] = [];
  if (f.firstPostAt && f.lastPostAt) {
    items.push([
      `Isu ini pertama kali terpantau pada ${formatDateTime(f.firstPostAt, tz, z)} dan terakhir pada ` +
        `${formatDateTime(f.lastPostAt, tz, z)}, dengan ${formatCount(f.posts)} unggahan dari ` +
        `${formatCount(f.authors)} akun berbeda.`,
    ]);
  }
  const period = `${formatCount(f.periodHours)} jam`;
  items.push([
    f.previousPeriodPosts > 0
      ? `Dalam ${period} terakhir hingga unggahan terakhir terdapat ${formatCount(f.currentPeriodPosts)} unggahan, ` +
        `${formatChange(f.currentPeriodPosts, f.previousPeriodPosts)} dibanding ${period} sebelumnya ` +
        `(${formatCount(f.previousPeriodPosts)} unggahan).`
      : `Dalam ${period} terakhir hingga unggahan terakhir terdapat ${formatCount(f.currentPeriodPosts)} unggahan; ` +
        `pada ${period} sebelumnya belum ada unggahan tentang isu ini.`,
  ]);
  if (f.peak) {
    items.push([
      `Puncak percakapan terjadi pada ${formatHour(f.peak.hourStart, tz, z)} dengan ${formatCount(f.peak.posts)} unggahan.`,
    ]);
  }
  const s = f.sentiment;
  const scored = s.positive + s.neutral + s.negative;
  if (scored > 0) {
    items.push([
      `Sentimen unggahan: negatif ${formatShare(s.negative, scored)} (${formatCount(s.negative)}), ` +
        `netral ${formatShare(s.neutral, scored)} (${formatCount(s.neutral)}), ` +
        `positif ${formatShare(s.positive, scored)} (${formatCount(s.positive)}).`,
    ]);
  }
  items.push([
    f.places.length > 0
      ? `Wilayah yang disebut: ${f.places
          .map((p) => `${p.name} (kode ${p.code}; ${formatCount(p.posts)} unggahan)`)
          .join(', ')}.`
      : 'Unggahan tidak menyebut wilayah yang dapat dikenali.',
  ]);
  items.push([
    `Kategori utama ${f.issue.categoryName} dengan OPD penanggung jawab ${f.issue.opd}; tingkat keparahan ` +
      `${f.issue.severityLevel} (skor ${formatCount(Math.round(f.issue.severity))} dari 100).`,
  ]);
  items.push([
    `Sebanyak ${formatCount(f.nearDuplicatePosts)} unggahan (${formatShare(f.nearDuplicatePosts, f.posts)}) ` +
      `berupa salinan atau teks yang hampir sama dengan unggahan lain` +
      (f.issue.campaign ? '; sistem menandai isu ini sebagai dugaan kampanye terkoordinasi.' : '.'),
  ]);
  for (const q of f.quotes.slice(0, INLINE_QUOTES)) {
    const text = q.text.length > INLINE_QUOTE_CHARS ? `${q.text.slice(0, INLINE_QUOTE_CHARS).trimEnd()}…` : q.text;
    items.push([
      'Contoh unggahan: ',
      { text: `“${text}”`, italic: true },
      ` (${q.author ?? 'tanpa nama'}, ${q.source}, ${formatDateTime(q.createdAt, tz, z)}${q.url ? `, ${q.url}` : ''}).`,
    ]);
  }
  items.push([
    f.related.length > 0
      ? `Isu serupa dalam ${formatCount(f.relatedDays)} hari sebelumnya: ${f.related
          .map((r) => `"${r.label}" (${formatDate(r.firstDetectedAt, tz)}, ${OUTCOME_WORDS[r.outcome] ?? r.outcome})`)
          .join('; ')}.`
      : `Tidak ada isu serupa pada kategori dan wilayah yang sama dalam ${formatCount(f.relatedDays)} hari sebelumnya.`,
  ]);
  items.push([disposition(f)]);
  return items;
}

function disposition(f: BriefFigures): string {
  const d = f.disposition;
  const due = formatDateTime(d.dueAt, f.timeZone, f.zoneLabel);
  if (d.status === 'none') {
    return (
      `Isu belum didisposisikan; batas disposisi kepada ${d.opd} adalah ${due} ` +
      `(${formatCount(d.workingDays ?? 0)} hari kerja sejak terdeteksi)${d.overdue ? ' dan telah terlampaui' : ''}.`
    );
  }
  return (
    `Isu ${DISPOSITION_WORDS[d.status]} oleh ${d.opd} sejak ${formatDateTime(d.forwardedAt ?? d.dueAt, f.timeZone, f.zoneLabel)}; ` +
    `batas tanggapan ${due}${d.overdue ? ' dan telah terlampaui' : ''}.`
  );
}

function analisis(f: BriefFigures): (TextRun | string)[][] {
  const items: string[] = [adviceFor(f.issue.category).stakes, SEVERITY_ADVICE[f.issue.severityLevel].weight];
  if (campaignNotable(f)) {
    items.push(CAMPAIGN_ADVICE.analysis);
  }
  if (f.related.length > 0) {
    items.push('Kemunculan isu serupa sebelumnya perlu menjadi pertimbangan agar penanganan kali ini tuntas.');
  }
  return items.map((t) => [t]);
}

function saran(f: BriefFigures, template: BriefTemplate): (TextRun | string)[][] {
  const items = adviceFor(f.issue.category).actions.map((a) => fill(a, f.issue.opd, template, f));
  if (campaignNotable(f)) {
    items.push(CAMPAIGN_ADVICE.action);
  }
  if (f.disposition.status === 'none') {
    items.push(`Isu didisposisikan kepada ${f.issue.opd} melalui Pantau Isu agar tindak lanjutnya tercatat.`);
  }
  return items.map((t) => [t]);
}

function campaignNotable(f: BriefFigures): boolean {
  return f.issue.campaign || (f.posts > 0 && f.nearDuplicatePosts / f.posts >= CAMPAIGN_SHARE_NOTABLE);
}

function fill(text: string, opd: string, template: BriefTemplate, f: BriefFigures): string {
  return text.replaceAll('{opd}', opd).replaceAll('{jam}', formatCount(template.responseHours[f.issue.severityLevel]));
}

/**
 * The daily report as a DocumentModel of the briefs document layer (src/briefs/documents): the deployment's
 * letterhead and page, the title LAPORAN HARIAN MONITORING ISU, the period fields, Roman-numbered sections and the
 * hourly volume chart. Reads only the stored content, so an export reads the same after retention purged posts.
 */
import type { BriefTemplate } from '../briefs/brief-template.js';
import {
  DocumentBlock,
  DocumentModel,
  DocumentSection,
  pointLabel,
  roman,
} from '../briefs/documents/document-model.js';
import { templatePage } from '../briefs/documents/template-page.js';
import { renderVolumeChart } from '../briefs/documents/volume-chart.js';
import { formatCount, formatDate, formatDateTime, formatLocalDate } from '../briefs/indonesian-format.js';
import type { TextRun } from '../briefs/rich-text.js';
import { renderCategoryChart } from './category-chart.js';
import type { DailyReportContent, ReportChange, ReportItem } from './daily-report.types.js';

const CHART_WIDTH_CM = 15;
const pct = (share: number): string => `${Math.round(share * 100)}%`;

const para = (text: string, bold = false): DocumentBlock => ({
  type: 'paragraph',
  runs: [{ text, bold }],
  align: 'justify',
});

function list(items: TextRun[][], empty: string): DocumentBlock[] {
  if (items.length === 0) {
    return [para(empty)];
  }
  return [{ type: 'list', items: items.map((runs, i) => ({ label: pointLabel(i, 'alpha'), runs })) }];
}

/** Items listed per category and OPD list; the rest is summarised in one line (the full lists are in the API). */
export const DOCUMENT_LIST_LIMIT = 3;
export const DOCUMENT_ALERT_LIMIT = 3;
/** Issues listed per group of the morning reading. */
export const DOCUMENT_GROUP_LIMIT = 2;
const LEVEL_ORDER = ['kritis', 'tinggi', 'sedang', 'rendah'];

/** "dan 20 isu lain (kritis 2, tinggi 9, sedang 9)": the items a group does not list, by severity level. */
export function restOfGroup(items: ReportItem[]): string {
  const byLevel = new Map<string, number>();
  for (const item of items) {
    byLevel.set(item.severityLevel, (byLevel.get(item.severityLevel) ?? 0) + 1);
  }
  const levels = [...byLevel]
    .sort((a, b) => LEVEL_ORDER.indexOf(a[0]) - LEVEL_ORDER.indexOf(b[0]))
    .map(([level, n]) => `${level} ${formatCount(n)}`);
  return `dan ${formatCount(items.length)} isu lain (${levels.join(', ')}); daftar lengkap di dasbor.`;
}

function limited<T>(
  items: T[],
  limit: number,
  runs: (item: T) => TextRun[],
  rest: (items: T[]) => string,
  empty: string,
): DocumentBlock[] {
  const blocks = list(items.slice(0, limit).map(runs), empty);
  if (items.length > limit) {
    blocks.push({ type: 'paragraph', runs: [{ text: rest(items.slice(limit)), italic: true }], align: 'justify' });
  }
  return blocks;
}

function groupBlocks(title: string, items: ReportItem[]): DocumentBlock[] {
  return [
    para(`${title} (${formatCount(items.length)} isu)`, true),
    ...limited(
      items,
      DOCUMENT_GROUP_LIMIT,
      (item) => [{ text: item.label, bold: true }, { text: ` (${item.severityLevel}). ${item.reason}` }],
      restOfGroup,
      'Tidak ada.',
    ),
  ];
}

/** " (naik 12%)", " (baru)" when there was nothing before, "" when unchanged from nothing. */
function shortChange(change: ReportChange | { change: number | null; previous?: number }): string {
  if (change.change === null) {
    return change.previous === 0 ? ' (baru)' : '';
  }
  return ` (${change.change >= 0 ? 'naik' : 'turun'} ${Math.abs(Math.round(change.change * 100))}%)`;
}

/**
 * The chart of volume and tone by category (when the stored content has the counts) and one paragraph naming the
 * first DOCUMENT_LIST_LIMIT categories with their figures and the others summed.
 */
function categoryBlocks(content: DailyReportContent): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  const withTone = content.categories.filter((category) => category.tone);
  if (withTone.length > 0 && withTone.length === content.categories.length) {
    const image = renderCategoryChart(withTone.map((category) => ({ label: category.label, ...category.tone! })));
    blocks.push({
      type: 'image',
      ...image,
      widthCm: CHART_WIDTH_CM,
      caption: 'Gambar 2. Volume dan sentimen unggahan per kategori',
    });
  }
  if (content.categories.length === 0) {
    return [para('Tidak ada unggahan pada periode ini.')];
  }
  const named = content.categories
    .slice(0, DOCUMENT_LIST_LIMIT)
    .map(
      (category) =>
        `${category.label} ${formatCount(category.posts)} unggahan${shortChange({ change: category.change })}, ` +
        `negatif ${pct(category.negativeShare)}, positif ${pct(category.positiveShare)}`,
    );
  const rest = content.categories.slice(DOCUMENT_LIST_LIMIT);
  const others = rest.length
    ? `; ${formatCount(rest.length)} kategori lain ${formatCount(rest.reduce((sum, c) => sum + c.posts, 0))} unggahan`
    : '';
  blocks.push(para(`Kategori terbanyak: ${named.join('; ')}${others}.`));
  return blocks;
}

export function dailyReportDocument(content: DailyReportContent, template: BriefTemplate): DocumentModel {
  const zone = content.period.timeZone;
  const abbreviation = content.period.timeZoneAbbreviation;
  const summary: DocumentBlock[] = [para(content.summary)];
  if (content.hourly.some((hour) => hour.posts > 0)) {
    const image = renderVolumeChart(content.hourly, { timeZone: zone, zoneLabel: abbreviation, heightPx: 340 });
    summary.push({ type: 'image', ...image, widthCm: CHART_WIDTH_CM, caption: 'Gambar 1. Volume unggahan per jam' });
  }
  const sections: { title: string; blocks: DocumentBlock[] }[] = [
    { title: 'Ringkasan', blocks: summary },
    {
      title: 'Isu Menonjol',
      blocks: list(
        content.topIssues.map((issue) => [
          { text: issue.label, bold: true },
          {
            text:
              `: ${formatCount(issue.posts.value)} unggahan${shortChange(issue.posts)}; negatif ` +
              `${pct(issue.sentiment.negative)}, positif ${pct(issue.sentiment.positive)}; ` +
              `${issue.places.map((place) => place.name).join(', ') || 'lokasi tidak disebut'}; ${issue.opd}; ` +
              `risiko ${issue.severityLevel}. Rekomendasi: ${issue.recommendation}`,
          },
        ]),
        'Tidak ada isu menonjol pada periode ini.',
      ),
    },
    {
      title: 'Pemilahan Isu',
      blocks: [
        ...groupBlocks('Kabar baik', content.groups.kabarBaik),
        ...groupBlocks('Perlu perhatian', content.groups.perluPerhatian),
        ...groupBlocks('Perlu klarifikasi', content.groups.perluKlarifikasi),
      ],
    },
    {
      title: 'Peringatan Baru',
      blocks: limited(
        content.newAlerts,
        DOCUMENT_ALERT_LIMIT,
        (alert) => [
          { text: alert.label, bold: true },
          { text: ` — ${formatDateTime(alert.createdAt, zone, abbreviation)}` },
        ],
        (rest) => `dan ${formatCount(rest.length)} peringatan lain; daftar lengkap di dasbor.`,
        'Tidak ada peringatan baru pada periode ini.',
      ),
    },
    {
      title: 'Volume dan Sentimen per Kategori',
      blocks: categoryBlocks(content),
    },
    {
      title: 'Disposisi Melewati Batas Waktu per OPD',
      blocks: limited(
        content.overdueDispositions,
        DOCUMENT_LIST_LIMIT,
        (row) => [
          { text: row.opd, bold: true },
          {
            text:
              `: ${formatCount(row.overdue)} dari ${formatCount(row.open)} disposisi terbuka terlambat` +
              `${row.oldestDueAt ? `, tertua sejak ${formatDate(row.oldestDueAt, zone)}` : ''}`,
          },
        ],
        (rest) =>
          `dan ${formatCount(rest.reduce((sum, row) => sum + row.overdue, 0))} disposisi terlambat pada ` +
          `${formatCount(rest.length)} OPD lain.`,
        'Tidak ada disposisi yang melewati batas waktu.',
      ),
    },
  ];
  return {
    ...templatePage(template),
    title: 'LAPORAN HARIAN MONITORING ISU',
    fields: [
      { label: 'Tanggal', value: formatLocalDate(content.reportDate) },
      { label: 'Periode', value: content.period.text },
      { label: 'Sumber', value: content.sources.map((source) => source.label).join(', ') || '-' },
    ],
    sections: sections.map((section, i): DocumentSection => ({
      number: roman(i + 1),
      title: section.title,
      blocks: section.blocks,
    })),
    signature: null,
    attachments: [],
    meta: {
      title: `${content.title} ${content.reportDate}`,
      subject: content.period.text,
      author: template.letterhead.office,
    },
  };
}

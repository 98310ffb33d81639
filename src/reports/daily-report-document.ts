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
import { formatCount, formatDateTime, formatLocalDate } from '../briefs/indonesian-format.js';
import type { TextRun } from '../briefs/rich-text.js';
import type { DailyReportContent, ReportChange, ReportItem } from './daily-report.types.js';

const CHART_WIDTH_CM = 15;
const pct = (share: number): string => `${Math.round(share * 100)}%`;

function changeText(change: ReportChange): string {
  if (change.change === null) {
    return change.previous === 0 ? 'belum ada pada periode sebelumnya' : 'tidak berubah';
  }
  const percent = Math.abs(Math.round(change.change * 100));
  return change.change >= 0 ? `naik ${percent}% dari periode sebelumnya` : `turun ${percent}% dari periode sebelumnya`;
}

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

function groupBlocks(title: string, items: ReportItem[]): DocumentBlock[] {
  return [
    para(title, true),
    ...list(
      items.map((item) => [
        { text: item.label, bold: true },
        { text: ` (tingkat ${item.severityLevel}). ${item.reason}` },
      ]),
      'Tidak ada.',
    ),
  ];
}

export function dailyReportDocument(content: DailyReportContent, template: BriefTemplate): DocumentModel {
  const zone = content.period.timeZone;
  const abbreviation = content.period.timeZoneAbbreviation;
  const summary: DocumentBlock[] = [para(content.summary)];
  if (content.hourly.some((hour) => hour.posts > 0)) {
    const image = renderVolumeChart(content.hourly, { timeZone: zone, zoneLabel: abbreviation });
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
              `: ${formatCount(issue.posts.value)} unggahan (${changeText(issue.posts)}); sentimen negatif ` +
              `${pct(issue.sentiment.negative)}, positif ${pct(issue.sentiment.positive)}; lokasi ` +
              `${issue.places.map((place) => place.name).join(', ') || '-'}; OPD ${issue.opd}; tingkat risiko ` +
              `${issue.severityLevel}. Rekomendasi: ${issue.recommendation}`,
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
      blocks: list(
        content.newAlerts.map((alert) => [
          { text: alert.label, bold: true },
          { text: ` — aturan ${alert.rule}, ${formatDateTime(alert.createdAt, zone, abbreviation)}` },
        ]),
        'Tidak ada peringatan baru pada periode ini.',
      ),
    },
    {
      title: 'Volume dan Sentimen per Kategori',
      blocks: list(
        content.categories.map((category) => [
          { text: category.label, bold: true },
          {
            text:
              `: ${formatCount(category.posts)} unggahan` +
              `${category.change === null ? '' : ` (${category.change >= 0 ? 'naik' : 'turun'} ${Math.abs(Math.round(category.change * 100))}%)`}` +
              `, negatif ${pct(category.negativeShare)}, positif ${pct(category.positiveShare)}`,
          },
        ]),
        'Tidak ada unggahan pada periode ini.',
      ),
    },
    {
      title: 'Disposisi Melewati Batas Waktu per OPD',
      blocks: list(
        content.overdueDispositions.map((row) => [
          { text: row.opd, bold: true },
          {
            text:
              `: ${formatCount(row.overdue)} dari ${formatCount(row.open)} disposisi terbuka melewati batas waktu` +
              `${row.oldestDueAt ? `, tertua sejak ${formatDateTime(row.oldestDueAt, zone, abbreviation)}` : ''}`,
          },
        ]),
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

/**
 * A telaahan staf as a DocumentModel: kop, title, header fields, Roman-numbered sections in the official order,
 * a./b./c. points, the volume chart where the Fakta section places it, the signature block, and a Lampiran with the
 * quoted posts in full when they do not all fit in Fakta. Reads only the brief (its figures snapshot) and the template.
 */
import { INLINE_QUOTE_CHARS, INLINE_QUOTES } from '../brief-drafter.js';
import type { BriefTemplate } from '../brief-template.js';
import type { BriefView } from '../brief.types.js';
import { formatDateTime, formatLocalDate } from '../indonesian-format.js';
import type { Block, SectionKey } from '../rich-text.js';
import { DocumentBlock, DocumentModel, DocumentSection, pointLabel, roman } from './document-model.js';
import { templatePage } from './template-page.js';
import { renderVolumeChart } from './volume-chart.js';

const CHART_WIDTH_CM = 15;

function titles(template: BriefTemplate): Record<SectionKey, string> {
  return {
    dasar: 'Dasar',
    persoalan: 'Persoalan',
    praanggapan: 'Praanggapan',
    fakta: 'Fakta-fakta yang Mempengaruhi',
    analisis: 'Analisis',
    kesimpulan: template.titles.kesimpulan,
    saran: template.titles.saran,
  };
}

/** Official order: Persoalan, (Dasar), (Praanggapan), Fakta, Analisis, Kesimpulan, Saran. */
const ORDER: SectionKey[] = ['persoalan', 'dasar', 'praanggapan', 'fakta', 'analisis', 'kesimpulan', 'saran'];

export function quotesInAttachment(brief: BriefView): boolean {
  const quotes = brief.figures.quotes ?? [];
  return quotes.length > INLINE_QUOTES || quotes.some((q) => q.text.length > INLINE_QUOTE_CHARS);
}

export function telaahanDocument(brief: BriefView, template: BriefTemplate): DocumentModel {
  const f = brief.figures;
  const h = brief.header;
  const names = titles(template);
  let chart: DocumentBlock | null = null;
  const chartBlock = (): DocumentBlock => {
    if (!chart) {
      const image = renderVolumeChart(f.hourly ?? [], { timeZone: f.timeZone, zoneLabel: f.zoneLabel });
      chart = { type: 'image', ...image, widthCm: CHART_WIDTH_CM, caption: 'Gambar 1. Volume unggahan per jam' };
    }
    return chart;
  };
  const toBlocks = (blocks: Block[]): DocumentBlock[] =>
    blocks.map((b): DocumentBlock => {
      switch (b.type) {
        case 'paragraph':
          return { type: 'paragraph', runs: b.runs, align: 'justify' };
        case 'list':
          return { type: 'list', items: b.items.map((runs, i) => ({ label: pointLabel(i, b.style), runs })) };
        case 'chart':
          return chartBlock();
      }
    });
  const sections: DocumentSection[] = [];
  for (const key of ORDER) {
    const section = brief.sections[key];
    if (section && section.blocks.length > 0) {
      sections.push({ number: roman(sections.length + 1), title: names[key], blocks: toBlocks(section.blocks) });
    }
  }
  const fields = [
    { label: 'Kepada', value: h.kepada },
    ...(h.melalui ? [{ label: 'Melalui', value: h.melalui }] : []),
    { label: 'Dari', value: h.dari },
    { label: 'Tanggal', value: h.tanggal ? formatLocalDate(h.tanggal) : '' },
    { label: 'Nomor', value: h.nomor || '-' },
    { label: 'Sifat', value: h.sifat || '-' },
    { label: 'Lampiran', value: h.lampiran || '-' },
    { label: 'Hal', value: h.hal },
  ];
  const attachments: DocumentModel['attachments'] = quotesInAttachment(brief)
    ? [
        {
          title: 'LAMPIRAN TELAAHAN STAF',
          subtitle: [
            `Nomor: ${h.nomor || '-'}`,
            `Tanggal: ${h.tanggal ? formatLocalDate(h.tanggal) : '-'}`,
            'Contoh unggahan yang dikutip (data pribadi disamarkan)',
          ],
          blocks: [
            {
              type: 'list',
              items: f.quotes.map((q, i) => ({
                label: `${i + 1}.`,
                runs: [
                  { text: `“${q.text}”`, italic: true },
                  {
                    text: ` — ${q.author ?? 'tanpa nama'}, ${q.source}, ${formatDateTime(q.createdAt, f.timeZone, f.zoneLabel)}`,
                  },
                  ...(q.url ? [{ text: `, ${q.url}` }] : []),
                ],
              })),
            },
          ],
        },
      ]
    : [];
  const sign = h.penandatangan;
  return {
    ...templatePage(template),
    title: 'TELAAHAN STAF',
    fields,
    sections,
    signature: { jabatan: sign.jabatan, nama: sign.nama, pangkat: sign.pangkat, nip: sign.nip },
    attachments,
    meta: { title: brief.title, subject: h.hal, author: template.letterhead.office },
  };
}

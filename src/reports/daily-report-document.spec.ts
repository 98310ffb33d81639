import { sampleTemplate } from '../briefs/documents/sample-brief.js';
import type { DocumentBlock } from '../briefs/documents/document-model.js';
import { categoryBars } from './category-chart.js';
import { dailyReportDocument, restOfGroup } from './daily-report-document.js';
import type { DailyReportContent, ReportItem } from './daily-report.types.js';

const item = (i: number, severityLevel: string): ReportItem => ({
  issueId: `issue-${i}`,
  label: `Isu ${i}`,
  severityLevel,
  reason: 'Sentimen negatif 60% dengan tingkat keparahan tinggi.',
});

function content(): DailyReportContent {
  const levels = ['kritis', 'tinggi', 'tinggi', 'sedang', 'sedang', 'sedang'];
  return {
    title: 'Laporan Harian Monitoring Isu',
    reportDate: '2026-11-30',
    period: {
      from: '2026-11-28T22:00:00.000Z',
      to: '2026-11-29T22:00:00.000Z',
      timeZone: 'Asia/Makassar',
      timeZoneAbbreviation: 'WITA',
      text: '29 November 2026 pukul 06.00 WITA sampai 30 November 2026 pukul 06.00 WITA',
    },
    overview: { posts: { value: 1200, previous: 1000, change: 0.2 }, negativeShare: 0.5, authors: 300, openIssues: 6 },
    sources: [{ id: 's', label: 'Mastodon', posts: 1200 }],
    topIssues: [],
    groups: { kabarBaik: [], perluPerhatian: levels.map((level, i) => item(i, level)), perluKlarifikasi: [] },
    newAlerts: Array.from({ length: 5 }, (_, i) => ({
      id: `a${i}`,
      issueId: `issue-${i}`,
      label: `Isu ${i}`,
      rule: 'Aturan',
      createdAt: '2026-11-29T03:00:00.000Z',
    })),
    categories: ['Bencana', 'Infrastruktur', 'Kesehatan', 'Pendidikan', 'Sosial'].map((label, i) => ({
      key: label.toLowerCase(),
      label,
      posts: 500 - i * 100,
      change: null,
      negativeShare: 0.5,
      positiveShare: 0.2,
      tone: { negative: 250 - i * 50, neutral: 150 - i * 30, positive: 100 - i * 20 },
    })),
    overdueDispositions: [],
    hourly: [{ hourStart: '2026-11-28T22:00:00.000Z', posts: 1200 }],
    summary: 'Ringkasan.',
  };
}

const text = (blocks: DocumentBlock[]): string[] =>
  blocks.flatMap((block) =>
    block.type === 'paragraph'
      ? [block.runs.map((run) => run.text).join('')]
      : block.type === 'list'
        ? block.items.map((entry) => `${entry.label} ${entry.runs.map((run) => run.text).join('')}`)
        : block.type === 'image'
          ? [`[${block.caption}]`]
          : [],
  );

describe('dailyReportDocument', () => {
  it('should list two issues per group and summarise the rest by severity level', () => {
    const model = dailyReportDocument(content(), sampleTemplate());
    const groups = text(model.sections.find((s) => s.title === 'Pemilahan Isu')!.blocks);
    expect(groups).toEqual([
      'Kabar baik (0 isu)',
      'Tidak ada.',
      'Perlu perhatian (6 isu)',
      'a. Isu 0 (kritis). Sentimen negatif 60% dengan tingkat keparahan tinggi.',
      'b. Isu 1 (tinggi). Sentimen negatif 60% dengan tingkat keparahan tinggi.',
      'dan 4 isu lain (tinggi 1, sedang 3); daftar lengkap di dasbor.',
      'Perlu klarifikasi (0 isu)',
      'Tidak ada.',
    ]);
    expect(restOfGroup([item(1, 'sedang'), item(2, 'kritis')])).toBe(
      'dan 2 isu lain (kritis 1, sedang 1); daftar lengkap di dasbor.',
    );
  });

  it('should list three alerts and count the others', () => {
    const model = dailyReportDocument(content(), sampleTemplate());
    const alerts = text(model.sections.find((s) => s.title === 'Peringatan Baru')!.blocks);
    expect(alerts).toHaveLength(4);
    expect(alerts[3]).toBe('dan 2 peringatan lain; daftar lengkap di dasbor.');
  });

  it('should chart volume and tone by category and name the three largest with their figures', () => {
    const model = dailyReportDocument(content(), sampleTemplate());
    const blocks = model.sections.find((s) => s.title === 'Volume dan Sentimen per Kategori')!.blocks;
    const chart = blocks.find((block) => block.type === 'image');
    expect(chart?.type === 'image' && chart.png.subarray(1, 4).toString()).toBe('PNG');
    expect(text(blocks)).toEqual([
      '[Gambar 2. Volume dan sentimen unggahan per kategori]',
      'Kategori terbanyak: Bencana 500 unggahan, negatif 50%, positif 20%; Infrastruktur 400 unggahan, negatif 50%, ' +
        'positif 20%; Kesehatan 300 unggahan, negatif 50%, positif 20%; 2 kategori lain 300 unggahan.',
    ]);
  });

  it('should leave the category chart out of a report stored before the tone counts existed', () => {
    const old = content();
    old.categories = old.categories.map(({ tone: _tone, ...category }) => category);
    const blocks = dailyReportDocument(old, sampleTemplate()).sections[4].blocks;
    expect(blocks.some((block) => block.type === 'image')).toBe(false);
  });
});

describe('categoryBars', () => {
  it('should keep seven categories and sum the others into one bar', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ label: `K${i}`, negative: i, neutral: 1, positive: 2 }));
    const bars = categoryBars(rows);
    expect(bars.map((bar) => bar.label)).toEqual(['K0', 'K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'Kategori lain']);
    expect(bars[7]).toEqual({ label: 'Kategori lain', negative: 7 + 8 + 9, neutral: 3, positive: 6 });
    expect(categoryBars(rows.slice(0, 8))).toHaveLength(8);
  });
});

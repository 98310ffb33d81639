import { PAPER_MM } from '../brief-template.js';
import { sampleBrief, sampleTemplate } from './sample-brief.js';
import { telaahanDocument } from './telaahan-document.js';

describe('telaahanDocument', () => {
  it('should number the sections in the official order with the template titles', () => {
    const template = { ...sampleTemplate(), titles: { kesimpulan: 'Simpulan', saran: 'Saran' } as const };
    const model = telaahanDocument(sampleBrief(template), template);
    expect(model.sections.map((s) => `${s.number}. ${s.title}`)).toEqual([
      'I. Persoalan',
      'II. Praanggapan',
      'III. Fakta-fakta yang Mempengaruhi',
      'IV. Analisis',
      'V. Simpulan',
      'VI. Saran',
    ]);
    const fakta = model.sections[2];
    const list = fakta.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.slice(0, 3).map((i) => i.label)).toEqual(['a.', 'b.', 'c.']);
    expect(fakta.blocks.some((b) => b.type === 'image' && b.png.subarray(1, 4).toString() === 'PNG')).toBe(true);
  });

  it('should put Dasar before Praanggapan, use F4 paper and the signatory, and attach the quotes', () => {
    const template = { ...sampleTemplate(), paper: 'F4' as const, sections: { dasar: true, praanggapan: true } };
    const brief = sampleBrief(template);
    const model = telaahanDocument(brief, template);
    expect(model.sections.slice(0, 3).map((s) => s.title)).toEqual(['Persoalan', 'Dasar', 'Praanggapan']);
    expect(model.page).toMatchObject({ width: PAPER_MM.F4.width, height: 330, margins: { top: 2, left: 3 } });
    expect(model.signature).toEqual({
      jabatan: 'Kepala Dinas Komunikasi dan Informatika',
      nama: 'Dra. Siti Aminah, M.Si.',
      pangkat: 'Pembina Utama Muda (IV/c)',
      nip: '19700101 199503 2 001',
    });
    expect(model.letterhead?.office).toBe('DINAS KOMUNIKASI DAN INFORMATIKA');
    expect(model.attachments).toHaveLength(1);
    const quotes = model.attachments[0].blocks[0];
    expect(quotes.type === 'list' && quotes.items).toHaveLength(brief.figures.quotes.length);
    expect(model.fields.map((f) => f.label)).toEqual([
      'Kepada',
      'Melalui',
      'Dari',
      'Tanggal',
      'Nomor',
      'Sifat',
      'Lampiran',
      'Hal',
    ]);
  });
});

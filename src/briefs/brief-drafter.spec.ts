import { draftBrief } from './brief-drafter.js';
import { plainText } from './rich-text.js';
import { sampleFigures, sampleTemplate } from './documents/sample-brief.js';

describe('draftBrief', () => {
  const template = sampleTemplate();

  it('should state the change against the previous period, as a multiple from three times on', () => {
    const f = sampleFigures();
    expect(plainText(draftBrief(f, template, '2026-12-01').sections.fakta)).toContain(
      'terdapat 466 unggahan, naik 12,6 kali lipat dibanding 24 jam sebelumnya (37 unggahan)',
    );
    const small = { ...f, currentPeriodPosts: 50, previousPeriodPosts: 40 };
    expect(plainText(draftBrief(small, template, '2026-12-01').sections.fakta)).toContain(
      'terdapat 50 unggahan, naik 25% dibanding 24 jam sebelumnya (40 unggahan)',
    );
    const falling = { ...f, currentPeriodPosts: 30, previousPeriodPosts: 40 };
    const draft = draftBrief(falling, template, '2026-12-01');
    expect(plainText(draft.sections.fakta)).toContain('turun 25%');
    expect(plainText(draft.sections.praanggapan)).toContain('mulai menurun');
  });

  it('should write the category actions with the OPD of the figures and the deadline of the severity', () => {
    const saran = plainText(draftBrief(sampleFigures(), template, '2026-12-01').sections.saran);
    expect(saran).toContain('BPBD mengerahkan tim reaksi cepat');
    expect(saran).toContain('Dinas Sosial menyiapkan dapur umum');
    expect(saran).toContain('dalam 6 jam');
    const school = sampleFigures();
    school.issue = { ...school.issue, category: 'pendidikan', categoryName: 'Pendidikan', opd: 'Dinas Pendidikan' };
    const schoolSaran = plainText(draftBrief(school, template, '2026-12-01').sections.saran);
    expect(schoolSaran).toContain('Inspektorat bersama Dinas Pendidikan memverifikasi');
  });

  it('should add the campaign analysis and action when copies dominate', () => {
    const f = { ...sampleFigures(), nearDuplicatePosts: 300 };
    const draft = draftBrief(f, template, '2026-12-01');
    expect(plainText(draft.sections.analisis)).toContain('salinan atau teks yang hampir sama');
    expect(plainText(draft.sections.saran)).toContain('memverifikasi akun-akun penyebar salinan');
  });

  it('should follow the template: optional sections, header defaults, Lampiran when quotes overflow', () => {
    const draft = draftBrief(
      sampleFigures(),
      { ...template, sections: { dasar: true, praanggapan: false } },
      '2026-12-01',
    );
    expect(Object.keys(draft.sections)).toContain('dasar');
    expect(Object.keys(draft.sections)).not.toContain('praanggapan');
    expect(draft.header).toMatchObject({
      kepada: 'Yth. Wali Kota Samarinda',
      tanggal: '2026-12-01',
      sifat: 'Segera',
      lampiran: '1 (satu) berkas',
    });
    const few = { ...sampleFigures(), quotes: sampleFigures().quotes.slice(0, 2) };
    expect(draftBrief(few, template, '2026-12-01').header.lampiran).toBe('-');
  });
});

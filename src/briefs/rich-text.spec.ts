import { RichTextError, validateSection, validateSections } from './rich-text.js';

describe('validateSections', () => {
  const message = (value: unknown) => {
    try {
      validateSections(value);
    } catch (error) {
      return error instanceof RichTextError ? error.message : String(error);
    }
    return 'valid';
  };

  it('should keep paragraphs, lists and the chart, marks only when true', () => {
    expect(
      validateSection(
        {
          blocks: [
            { type: 'paragraph', runs: [{ text: 'a', bold: true, italic: false }] },
            { type: 'list', items: [[{ text: 'b' }]] },
            { type: 'chart', chart: 'volume' },
          ],
        },
        'sections.fakta',
      ),
    ).toEqual({
      blocks: [
        { type: 'paragraph', runs: [{ text: 'a', bold: true }] },
        { type: 'list', style: 'alpha', items: [[{ text: 'b' }]] },
        { type: 'chart', chart: 'volume' },
      ],
    });
  });

  it('should refuse HTML, unknown keys and sections with the path of the field', () => {
    expect(message({ fakta: { blocks: [{ type: 'html', html: '<b>x</b>' }] } })).toBe(
      "sections.fakta.blocks[0].type: harus 'paragraph', 'list' atau 'chart'",
    );
    expect(message({ fakta: { blocks: [{ type: 'paragraph', runs: [{ text: 'x', href: 'y' }] }] } })).toBe(
      'sections.fakta.blocks[0].runs[0].href: kolom tidak dikenal',
    );
    expect(message({ ringkasan: { blocks: [] } })).toContain('sections.ringkasan: bagian tidak dikenal');
    expect(message({ saran: { blocks: [{ type: 'list', style: 'roman', items: [[{ text: 'x' }]] }] } })).toContain(
      'sections.saran.blocks[0].style',
    );
    expect(message({ saran: { blocks: [{ type: 'list', items: [[]] }] } })).toContain(
      'sections.saran.blocks[0].items[0]: harus berupa daftar potongan teks yang tidak kosong',
    );
    expect(message({ dasar: null })).toBe('valid');
  });
});

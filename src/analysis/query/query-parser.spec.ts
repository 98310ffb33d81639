import { parseQuery, validateQuery } from './query-parser.js';
import { QuerySyntaxError } from './query-syntax-error.js';

function err(query: string): QuerySyntaxError {
  try {
    parseQuery(query);
  } catch (e) {
    if (e instanceof QuerySyntaxError) {
      return e;
    }
    throw e;
  }
  throw new Error(`no error for ${query}`);
}

describe('query parser', () => {
  it('parses operators, implicit AND, parentheses and phrases', () => {
    const p = parseQuery('banjir AND (samarinda OR "sungai kunjang") NOT latihan');
    expect(p.ast).toEqual({
      type: 'and',
      children: [
        { type: 'term', term: expect.objectContaining({ kind: 'word', value: 'banjir', position: 1 }) },
        {
          type: 'or',
          children: [
            { type: 'term', term: expect.objectContaining({ kind: 'word', value: 'samarinda' }) },
            {
              type: 'term',
              term: expect.objectContaining({ kind: 'phrase', value: 'sungai kunjang', tokens: ['sungai', 'kunjang'] }),
            },
          ],
        },
        { type: 'not', child: { type: 'term', term: expect.objectContaining({ value: 'latihan' }) } },
      ],
    });
    expect(p.matchesEmpty).toBe(false);
  });

  it('gives OR lower precedence than implicit AND and accepts lowercase operators', () => {
    const p = parseQuery('jalan rusak or Jembatan putus');
    expect(p.ast.type).toBe('or');
    expect((p.ast as { children: { type: string }[] }).children.map((c) => c.type)).toEqual(['and', 'and']);
    expect(p.terms.map((t) => t.value)).toEqual(['jalan', 'rusak', 'jembatan', 'putus']);
  });

  it('reads wildcards, hashtags, mentions and curly quotes', () => {
    const p = parseQuery('pungut* #BanjirSamarinda @PemkotSmd \u201Csungai kunjang\u201D');
    expect(p.terms.map((t) => [t.kind, t.value])).toEqual([
      ['prefix', 'pungut'],
      ['hashtag', 'banjirsamarinda'],
      ['mention', 'pemkotsmd'],
      ['phrase', 'sungai kunjang'],
    ]);
  });

  it('flags queries that match posts without any of their words', () => {
    expect(parseQuery('NOT iklan').matchesEmpty).toBe(true);
    expect(parseQuery('banjir OR NOT hujan').matchesEmpty).toBe(true);
    expect(parseQuery('banjir NOT hujan').matchesEmpty).toBe(false);
  });

  it.each([
    ['banjir AND (samarinda))', 'unbalanced-close', 23, 'Kurung tutup tanpa pasangan pada karakter 23'],
    ['banjir AND (samarinda OR bontang', 'unbalanced-open', 12, 'Kurung buka tanpa pasangan pada karakter 12'],
    ['banjir "sungai kunjang', 'unterminated-quote', 8, 'Tanda kutip tidak ditutup, dibuka pada karakter 8'],
    ['banjir AND', 'missing-operand', 8, 'Operator AND tidak diikuti kata pada karakter 8'],
    ['OR banjir', 'missing-operand', 1, 'Operator OR tidak didahului kata pada karakter 1'],
    [
      'banjir AND OR longsor',
      'missing-operand',
      12,
      'Operator AND diikuti operator OR, seharusnya kata pada karakter 12',
    ],
    ['banjir NOT', 'missing-operand', 8, 'Operator NOT tidak diikuti kata pada karakter 8'],
    ['banjir ()', 'empty-group', 8, 'Kurung kosong pada karakter 8'],
    ['  ', 'empty', 1, 'Kueri kosong pada karakter 1'],
    ['pu*ngut', 'bad-wildcard', 3, 'Tanda * hanya boleh di akhir kata pada karakter 3'],
    ['banjir pu*', 'bad-wildcard', 8, 'Awalan sebelum * harus satu kata dengan sedikitnya 3 huruf pada karakter 8'],
    ['banjir ""', 'empty-phrase', 8, 'Frasa dalam tanda kutip kosong pada karakter 8'],
    ['banjir !!!', 'empty-word', 8, '"!!!" tidak memuat huruf atau angka pada karakter 8'],
    ['#ban-jir', 'bad-tag', 1, 'Tagar "#ban-jir" tidak sah (hanya huruf, angka, _ dan .) pada karakter 1'],
    [')', 'unbalanced-close', 1, 'Kurung tutup tanpa pasangan pada karakter 1'],
  ])('rejects %j', (query, code, position, message) => {
    const e = err(query);
    expect(e.code).toBe(code);
    expect(e.position).toBe(position);
    expect(e.message).toBe(message);
  });

  it('validates without throwing', () => {
    expect(validateQuery('banjir')).toEqual({ ok: true, matchesEmpty: false });
    expect(validateQuery('(banjir')).toMatchObject({ ok: false, position: 1 });
    expect(validateQuery('x'.repeat(5000))).toMatchObject({ ok: false, code: 'too-long' });
    expect(validateQuery('('.repeat(100) + 'a' + ')'.repeat(100))).toMatchObject({ ok: false, code: 'too-deep' });
  });
});

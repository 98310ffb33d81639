import { createAnalyzer, explainAnalysis } from './analyzer.js';
import type { PostAnalysis } from './analysis.types.js';
import { loadGazetteer } from './places/gazetteer-loader.js';
import type { Gazetteer } from './places/gazetteer.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
}, 30_000);

function expectValid(a: PostAnalysis): void {
  expect(typeof a.maskedText).toBe('string');
  expect(['positive', 'neutral', 'negative']).toContain(a.sentiment.label);
  expect(a.sentiment.score).toBeGreaterThanOrEqual(-1);
  expect(a.sentiment.score).toBeLessThanOrEqual(1);
  expect(typeof a.category.slug).toBe('string');
  expect(a.category.confidence).toBeGreaterThanOrEqual(0);
  expect(a.category.confidence).toBeLessThanOrEqual(1);
  expect(Array.isArray(a.locations)).toBe(true);
  expect(Array.isArray(a.topics)).toBe(true);
  expect(Array.isArray(a.tokens)).toBe(true);
  expect(() => JSON.stringify(a)).not.toThrow();
}

describe('createAnalyzer', () => {
  const topics = [
    { id: 'banjir-mgl', query: 'banjir AND (magelang OR mertoyudan) NOT latihan' },
    { id: 'pungli', query: 'pungut* OR pungli' },
    { id: 'tagar', query: '#banjirmagelang' },
    { id: 'slang', query: 'gak AND diperbaiki' },
    { id: 'rusak', query: 'jalan AND (' },
  ];

  it('masks PII first and analyses the masked text', () => {
    const analyzer = createAnalyzer({ topics, homeRegion: '33.08', gazetteer });
    const a = analyzer.analyze(
      'Banjir di Kec. Mertoyudan, Kab. Magelang! Hubungi 0812-3456-7890 atau NIK 3308011205900001 #BanjirMagelang',
    );
    expectValid(a);
    expect(a.maskedText).toBe(
      'Banjir di Kec. Mertoyudan, Kab. Magelang! Hubungi [TELEPON] atau NIK [NIK] #BanjirMagelang',
    );
    expect(a.pii).toEqual({ nik: 1, phone: 1, email: 0 });
    expect(a.tokens.join(' ')).not.toMatch(/\d{6}|telepon/);
    expect(a.category).toMatchObject({ slug: 'bencana', opd: 'BPBD', keywords: ['banjir'] });
    expect(a.locations.map((l) => [l.code, l.trigger])).toEqual([
      ['33.08.10', 'kec.'],
      ['33.08', 'kab.'],
    ]);
    expect(a.topics.map((t) => t.id)).toEqual(['banjir-mgl', 'tagar']);
    expect(a.hashtags).toEqual(['#banjirmagelang']);
    expect(analyzer.topicErrors).toEqual([
      { id: 'rusak', message: 'Kurung buka tanpa pasangan pada karakter 11', position: 11 },
    ]);
    const text = explainAnalysis(a);
    expect(text).toContain('Kategori bencana → BPBD');
    expect(text).toContain('Mertoyudan [33.08.10] (pemicu "kec."');
    expect(text).toContain('Data pribadi disamarkan: 1 NIK, 1 telepon, 0 e-mail');
  });

  it('normalises query words like posts (slang) and applies slang overrides', () => {
    const a = createAnalyzer({ topics }).analyze('jalannya ga diperbaiki sama sekali');
    expect(a.topics.map((t) => t.id)).toContain('slang');
    const local = createAnalyzer({ topics: [{ id: 'x', query: 'banjir' }], slangOverrides: { bajir: 'banjir' } });
    expect(local.analyze('bajir lagi').topics).toEqual([{ id: 'x', terms: ['banjir'] }]);
  });

  it('uses replacement category rules and a category model', () => {
    const rules = [
      { slug: 'pariwisata', name: 'Pariwisata', opd: 'Dinas Pariwisata', keywords: [{ term: 'wisata', weight: 3 }] },
    ];
    expect(createAnalyzer({ categoryRules: rules }).analyze('Objek wisata kotor').category.slug).toBe('pariwisata');
    const model = () => ({ slug: 'kesehatan', confidence: 0.95, version: 'm1' });
    expect(createAnalyzer({ categoryModel: model }).analyze('apa kabar').category).toMatchObject({
      slug: 'kesehatan',
      source: 'model',
    });
  });

  it('is deterministic', () => {
    const analyzer = createAnalyzer({ topics, homeRegion: '33.08', gazetteer });
    const t = 'Jalan rusak di Mertoyudan belum diperbaiki, ada pungutan liar juga';
    expect(analyzer.analyze(t)).toEqual(analyzer.analyze(t));
    expect(createAnalyzer({ topics, homeRegion: '33.08', gazetteer }).analyze(t)).toEqual(analyzer.analyze(t));
  });

  it.each([
    ['empty', ''],
    ['spaces', '   \n\t '],
    ['emoji only', '😡😡😡🙏🏽👍'],
    ['control characters', 'banjir\u0000\u0001\u0007\u001b[31m di\u007f\u0085 magelang'],
    ['lone surrogates', '\uD800banjir\uDC00 \uDBFF jalan'],
    ['English', 'The road near the market is badly damaged and nobody fixes it'],
    ['Javanese', 'Dalane rusak banget, ora tau didandani karo pemerintah, njaluk tulung'],
    ['only punctuation', '!!!???...,,,'],
    ['numbers', '1234567890123456789012345678901234567890'],
    ['RTL and combining', 'مرحبا e\u0301\u0301\u0301 ﷺ'],
  ])('returns a valid analysis for %s', (_name, text) => {
    const analyzer = createAnalyzer({ topics, homeRegion: '33.08', gazetteer });
    expectValid(analyzer.analyze(text));
  });

  it('survives 1 MB of text and non-string input', () => {
    const analyzer = createAnalyzer({ topics, homeRegion: '33.08', gazetteer });
    const big = 'Banjir di Mertoyudan, hubungi 081234567890. '.repeat(24_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    const a = analyzer.analyze(big);
    expectValid(a);
    expect(a.pii.phone).toBe(24_000);
    expect(a.topics.map((t) => t.id)).toContain('banjir-mgl');
    expectValid(analyzer.analyze(undefined as unknown as string));
    expectValid(analyzer.analyze(42 as unknown as string));
  });
});

describe('sentiment source', () => {
  const model = () => ({ label: 'positive' as const, score: 0.9, source: 'model' as const, evidence: [] });

  it('should let the trained model decide, and the lexicon decide posts with an admin’s local word', () => {
    const analyzer = createAnalyzer({ sentimentModel: model, lexiconOverrides: { zonkzonk: -0.9, biasa: 0 } });
    expect(analyzer.analyze('Pelayanan kantor itu cepat').sentiment).toMatchObject({ source: 'model' });
    expect(analyzer.analyze('Pelayanan kantor itu biasa').sentiment).toMatchObject({ source: 'model' });
    expect(analyzer.analyze('Pelayanan kantor itu zonkzonk sekali').sentiment).toMatchObject({
      label: 'negative',
      source: 'lexicon',
    });
  });
});

import { createSentimentScorer, lexiconSize, builtInLexicon } from './index.js';

const scorer = createSentimentScorer();
type Case = [string, 'positive' | 'neutral' | 'negative'];

/** Our own labelled contrast sets (written for these tests, not taken from any dataset). */
const NEGATION: Case[] = [
  ['petugasnya ramah', 'positive'],
  ['petugasnya tidak ramah', 'negative'],
  ['makanannya gak jelek kok', 'positive'],
  ['jalan di depan rumah belum diperbaiki', 'negative'],
  ['pelayanannya bukan main cepatnya', 'positive'],
  ['pelayanan kantor camat tidak lambat lagi', 'positive'],
  ['kurang ramah pegawainya', 'negative'],
  ['tidak puas dengan pelayanan puskesmas', 'negative'],
  ['tidak ada pungli sama sekali', 'positive'],
  ['bukan pelayanan yang buruk', 'positive'],
];
const SLANG: Case[] = [
  ['pelayanannya mantul bgt', 'positive'],
  ['petugasnya gercep, mantap', 'positive'],
  ['lemot bgt ngurus ktp di sini', 'negative'],
  ['pegawainya jutek abis, males balik lagi', 'negative'],
  ['ga ada yg peduli, jalan rusak udh setaun', 'negative'],
  ['makasih pak lurah udh gercep benerin lampu', 'positive'],
  ['kzl bgt antre dr pagi', 'negative'],
  ['proyeknya mangkrak, duitnya kemana', 'negative'],
];
const CONTRAST: Case[] = [
  ['tempatnya bagus tapi pelayanannya lambat dan jutek', 'negative'],
  ['agak mahal tapi enak banget dan petugasnya ramah', 'positive'],
  ['walaupun antre lama, petugasnya ramah dan sigap', 'positive'],
  ['gedungnya baru namun toiletnya kotor dan bau', 'negative'],
  ['katanya sudah diperbaiki, padahal masih rusak parah', 'negative'],
  ['sempat kecewa, tapi akhirnya diurus dengan cepat dan memuaskan', 'positive'],
];
const INTENSITY: Case[] = [
  ['sangat puas dengan layanan samsat', 'positive'],
  ['pelayanannya agak lambat', 'negative'],
  ['jalannya rusak parah banget', 'negative'],
  ['luar biasa bagus taman kotanya', 'positive'],
];
const SARCASM_AND_QUESTIONS: Case[] = [
  ['hebat ya, jalan rusak setahun dibiarkan 🙄', 'negative'],
  ['mantap, banjir lagi wkwk', 'negative'],
  ['keren sekali pemkot 🤡', 'negative'],
  ['kapan bagusnya pelayanan di sini?', 'negative'],
  ['kenapa lampu jalan belum diperbaiki?', 'negative'],
];
const NEUTRAL: Case[] = [
  ['rapat koordinasi digelar di balai kota hari senin', 'neutral'],
  ['jadwal posyandu bulan depan diumumkan minggu ini', 'neutral'],
  ['warga diminta mengambil formulir di kantor kelurahan', 'neutral'],
];

function accuracy(cases: Case[]): number {
  return cases.filter(([text, label]) => scorer.score(text).label === label).length / cases.length;
}

describe('sentiment scorer contrast sets', () => {
  it.each([
    ['negation', NEGATION, 0.8],
    ['slang', SLANG, 0.85],
    ['contrast clauses', CONTRAST, 0.8],
    ['intensifiers and softeners', INTENSITY, 0.75],
    ['sarcasm and rhetorical questions', SARCASM_AND_QUESTIONS, 0.8],
    ['neutral notices', NEUTRAL, 0.66],
  ] as const)('%s reach the minimum accuracy', (_name, cases, min) => {
    expect(accuracy(cases)).toBeGreaterThanOrEqual(min);
  });
});

describe('sentiment scorer rules and evidence', () => {
  it('explains a negation', () => {
    const r = scorer.score('pegawainya tidak jujur');
    expect(r.label).toBe('negative');
    expect(r.source).toBe('lexicon');
    expect(r.evidence).toEqual([expect.objectContaining({ term: 'jujur', rules: ['negated:tidak'] })]);
    expect(r.evidence[0].weight).toBeLessThan(0);
  });

  it('reads a prohibitive as an appeal, not as praise, and lets "jangan lupa" keep what follows', () => {
    const fear = scorer.score('jangan sampai banjir lagi tahun depan');
    expect(fear.label).not.toBe('positive');
    expect(fear.evidence.some((e) => e.rules.some((r) => r.startsWith('prohibitive:')))).toBe(true);
    expect(scorer.score('tidak ada banjir lagi tahun ini').label).toBe('positive');
    expect(scorer.score('jangan lupa bahagia hari ini').label).toBe('positive');
    expect(scorer.score('jangan senang dulu').label).toBe('negative');
  });

  it('reads "tidak hanya" / "bukan sekadar" as "not only": the word after it keeps its sign', () => {
    const notOnly = scorer.score('pelayanannya tidak hanya cepat tapi juga ramah');
    expect(notOnly.label).toBe('positive');
    expect(notOnly.evidence.every((e) => e.weight > 0)).toBe(true);
    expect(scorer.score('bukan sekadar indah').label).toBe('positive');
    expect(scorer.score('gak cuma mahal, antrenya juga lama').label).toBe('negative');
    // Only the restriction is cancelled: a plain negation still reverses, and a prohibitive keeps its reading.
    expect(scorer.score('pelayanannya tidak cepat').label).toBe('negative');
    expect(scorer.score('jangan hanya janji manis').label).not.toBe('positive');
  });

  it('damps greetings and the suffering words of an appeal, but not a complaint', () => {
    const greeting = scorer.score('selamat pagi semuanya');
    expect(greeting.label).toBe('neutral');
    expect(greeting.evidence[0].rules).toContain('greeting');
    expect(scorer.score('selamat atas kelulusannya, bangga sekali').label).toBe('positive');
    const appeal = scorer.score('mari donasi untuk korban banjir yang kehilangan rumah');
    expect(appeal.label).toBe('neutral');
    expect(appeal.evidence.every((e) => e.weight >= 0 || e.rules.includes('appeal'))).toBe(true);
    expect(scorer.score('korban banjir belum dapat bantuan sama sekali, kecewa').label).toBe('negative');
  });

  it('weighs the clause after tapi more and the one before less', () => {
    const r = scorer.score('bagus tapi lambat');
    const bagus = r.evidence.find((e) => e.term === 'bagus')!;
    const lambat = r.evidence.find((e) => e.term === 'lambat')!;
    expect(bagus.rules).toContain('before-contrast:tapi');
    expect(lambat.rules).toContain('after-contrast:tapi');
    expect(Math.abs(lambat.weight)).toBeGreaterThan(Math.abs(bagus.weight));
  });

  it('applies intensifiers before and after the word', () => {
    const plain = scorer.score('licik').score;
    expect(scorer.score('sangat licik').score).toBeLessThan(plain);
    expect(scorer.score('licik banget').evidence[0].rules).toContain('intensified:banget');
    expect(scorer.score('agak licik').score).toBeGreaterThan(plain);
  });

  it('counts emoji', () => {
    expect(scorer.score('😡😡').label).toBe('negative');
    expect(scorer.score('👍👍').label).toBe('positive');
    expect(scorer.score('').label).toBe('neutral');
  });

  it('applies admin overrides (new words, phrases, removal)', () => {
    const local = createSentimentScorer({ lexiconOverrides: { bubuhan_ngerami: -0.9, ramah: 0, gawat_kawa: 1 } });
    expect(scorer.score('bubuhan ngerami').label).not.toBe('negative');
    const r = local.score('bubuhan ngerami');
    expect(r.label).toBe('negative');
    expect(r.evidence[0].rules).toContain('override');
    expect(local.score('ramah').label).toBe('neutral');
    expect(scorer.score('ramah').label).toBe('positive');
  });

  it('has a hand-written lexicon of at least 3,000 entries', () => {
    expect(lexiconSize(builtInLexicon())).toBeGreaterThanOrEqual(3000);
    expect(scorer.lexiconSize).toBeGreaterThanOrEqual(3000);
  });

  it('weighs pe-/per-/ke-an nouns of a positive stem a quarter (stemmer false hits), other affixed forms 0.8', () => {
    for (const [text, stem] of [
      ['perbaikan jalan di kecamatan', 'baik'],
      ['pengamanan pemilu oleh polisi', 'aman'],
    ] as const) {
      const r = scorer.score(text);
      expect(r.label).toBe('neutral');
      expect(r.evidence[0].rules).toContain(`stem-noun:${stem}`);
    }
    // a verb form of the same stem still counts 0.8, and a negative stem is not damped
    expect(scorer.score('diamankan').evidence[0].rules).toContain('stem:aman');
    expect(scorer.score('penipuan').label).toBe('negative');
  });

  it('reads a glued or Malay negator before a feeling word as a negation', () => {
    expect(scorer.score('saya tksuka cara dia').label).toBe('negative');
    expect(scorer.score('pelayanan teruk, menyampah').label).toBe('negative');
  });

  it('never throws and stays in [-1, 1]', () => {
    for (const t of [
      '',
      '😀',
      'jelek '.repeat(100_000),
      '\u0000\uD800',
      'The service is great',
      'Dalane rusak ora ono sing ndandani',
    ]) {
      const r = scorer.score(t);
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });
});

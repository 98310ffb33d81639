import { createTextNormalizer, normalizeText, SLANG_MAP, stemWord } from './index.js';

describe('normalizeText', () => {
  it('maps slang, negation variants and abbreviations to standard words', () => {
    for (const v of ['gak', 'ga', 'nggak', 'enggak', 'ndak', 'tdk', 'kagak', 'gk']) {
      expect(normalizeText(v).tokens).toEqual(['tidak']);
    }
    expect(normalizeText('yg bgt udh udah krn blm').tokens).toEqual([
      'yang',
      'banget',
      'sudah',
      'sudah',
      'karena',
      'belum',
    ]);
    expect(normalizeText('makasih min').tokens).toEqual(['terima', 'kasih', 'min']);
  });

  it('has a slang map of at least 1,000 entries', () => {
    expect(SLANG_MAP.size).toBeGreaterThanOrEqual(1000);
  });

  it('adds vetted IndoCollex entries where the hand-written map is silent, never over a known word', () => {
    // IndoCollex entries (vendored, MIT): informal spellings of words the normaliser knows.
    expect(normalizeText('berenti ngajarin').tokens).toEqual(['berhenti', 'mengajarkan']);
    // Administrative abbreviations stay for the place matcher, laughter stays laughter.
    expect(normalizeText('kec kab hahahaha').tokens).toEqual(['kec', 'kab', 'wkwk']);
    // The hand-written map wins ('bgt' → banget, not IndoCollex's 'sekali'); known words are never rewritten
    // ('malang' stays, IndoCollex has 'ngalam'); one- and two-letter forms and listed meaning changes are left out.
    expect(normalizeText('bgt malang su bro').tokens).toEqual(['banget', 'malang', 'su', 'bro']);
    expect(createTextNormalizer({ informalDictionary: false }).normalize('berenti').tokens).toEqual(['berenti']);
    // An admin's override removing a variant also keeps IndoCollex from filling it in.
    expect(createTextNormalizer({ slangOverrides: { berenti: '' } }).normalize('berenti').tokens).toEqual(['berenti']);
  });

  it('repairs elongation, doubled letters and reduplication with 2', () => {
    expect(normalizeText('bangeeet mantappp kerennn').tokens).toEqual(['banget', 'mantap', 'keren']);
    expect(normalizeText('anak2 bener2 hati2').tokens).toEqual(['anak-anak', 'benar-benar', 'hati-hati']);
    expect(normalizeText('bgttt').tokens).toEqual(['banget']);
    expect(normalizeText('wkwkwk hahahaha').tokens).toEqual(['wkwk', 'wkwk']);
  });

  it('keeps hashtags, mentions and URLs as tokens and splits hashtags into words', () => {
    const r = normalizeText('Banjir lagi! #banjirsamarinda @Pemkot https://example.org/a?b=1.');
    expect(r.hashtags).toEqual(['#banjirsamarinda']);
    expect(r.mentions).toEqual(['@pemkot']);
    expect(r.urls).toEqual(['https://example.org/a?b=1']);
    expect(r.tokens).toEqual([
      'banjir',
      'lagi',
      '#banjirsamarinda',
      'banjir',
      'samarinda',
      '@pemkot',
      'https://example.org/a?b=1',
    ]);
    expect(normalizeText('#JalanRusakParah').tokens).toEqual(['#jalanrusakparah', 'jalan', 'rusak', 'parah']);
    expect(normalizeText('#gakjelas').tokens).toEqual(['#gakjelas', 'tidak', 'jelas']);
    expect(normalizeText('#xqzvw').tokens).toEqual(['#xqzvw', 'xqzvw']);
  });

  it('uses extra vocabulary for hashtags and slang overrides', () => {
    const n = createTextNormalizer({
      extraVocabulary: ['Loa Janan'],
      slangOverrides: { lgsg: 'langsung', bubuhan: 'kalian' },
    });
    expect(n.normalize('#banjirloajanan').tokens).toEqual(['#banjirloajanan', 'banjir', 'loa', 'janan']);
    expect(n.normalize('bubuhan').tokens).toEqual(['kalian']);
  });

  it('applies NFKC and lower-cases', () => {
    expect(normalizeText('𝐁𝐚𝐧𝐣𝐢𝐫 ＪＡＬＡＮ').tokens).toEqual(['banjir', 'jalan']);
  });

  it('collects emoji and emoticons, records clause boundaries', () => {
    const r = normalizeText('bagus, tapi lambat?! 😡😡 👍🏽 :)');
    expect(r.emojis).toEqual(['😡', '😡', '👍', '🙂']);
    expect(r.tokens).toEqual(['bagus', 'tapi', 'lambat']);
    expect(r.boundaries).toEqual([1, 3]);
    expect(r.boundaryMarks).toEqual(',?');
  });

  it('drops e-mail addresses and keeps numbers whole', () => {
    expect(normalizeText('kirim ke budi.s@mail.co.id rp 10.000').tokens).toEqual(['kirim', 'ke', 'rp', '10.000']);
  });

  it('never throws on hostile input', () => {
    const inputs = [
      '',
      '😀😀🙏',
      'a'.repeat(1_000_000),
      'jalan rusak '.repeat(90_000),
      '\u0000\u0001\u001f\u007f jalan\u0007rusak',
      'x\uD800y \uDC00 z',
      'The road is broken and nobody cares',
      'Dalane rusak, ora ono sing ndandani, piye iki',
      '####@@@@::::)))',
      undefined as unknown as string,
    ];
    for (const input of inputs) {
      const r = normalizeText(input);
      expect(Array.isArray(r.tokens)).toBe(true);
    }
    expect(normalizeText('Dalane rusak, ora ono sing ndandani').tokens).toContain('tidak');
    expect(normalizeText('x\uD800y').tokens.length).toBeGreaterThan(0);
  });
});

describe('stemWord', () => {
  it('stems Indonesian words and leaves negations and tokens alone', () => {
    expect(stemWord('pembangunan')).toBe('bangun');
    expect(stemWord('diperbaiki')).toBe('baik');
    expect(stemWord('tidak')).toBe('tidak');
    expect(stemWord('#banjir')).toBe('#banjir');
  });
});

describe('glued negators and Malay forms (issue 12, tweet error classes)', () => {
  it('splits a negator glued to a known word, a root word or an affixed form of one', () => {
    expect(normalizeText('aku takfaham').tokens).toEqual(['aku', 'tidak', 'paham']);
    expect(normalizeText('gabisa masuk').tokens).toEqual(['tidak', 'bisa', 'masuk']);
    expect(normalizeText('tkmengerti').tokens).toEqual(['tidak', 'mengerti']);
    expect(normalizeText('xsuka').tokens).toEqual(['tidak', 'suka']);
    expect(normalizeText('gapeduli').tokens).toEqual(['tidak', 'peduli']);
  });

  it('leaves words that only start like a negator', () => {
    for (const w of ['gabungan', 'galaknya', 'takbiran', 'gagasan', 'takut', 'gaji', 'takjub', 'xtrans', 'games']) {
      expect(normalizeText(w).tokens).toEqual([w]);
    }
  });

  it('reads Malay negators, feeling words and function words as their Indonesian equivalents', () => {
    expect(normalizeText('takde').tokens).toEqual(['tidak', 'ada']);
    expect(normalizeText('taknak').tokens).toEqual(['tidak', 'mau']);
    expect(normalizeText('takleh').tokens).toEqual(['tidak', 'boleh']);
    expect(normalizeText('pelayanan teruk je').tokens).toEqual(['pelayanan', 'parah', 'saja']);
    expect(normalizeText('risau kerana banjir').tokens).toEqual(['khawatir', 'karena', 'banjir']);
  });
});

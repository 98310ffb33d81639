import { defaultTermNormalizer } from '../query/query-ast.js';
import type { Gazetteer } from './gazetteer.js';
import { loadGazetteer } from './gazetteer-loader.js';

/** Like the analyzer's tokens: lower case, words; dots kept so that "kab." and "kec." survive as tokens. */
const tok = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}.'-]+/u)
    .filter(Boolean);

let g: Gazetteer;
beforeAll(async () => {
  g = await loadGazetteer();
}, 30_000);

const codes = (text: string, homeRegion?: string) => g.match(tok(text), { homeRegion }).map((m) => m.code);

describe('Gazetteer', () => {
  it('loads every level of idn-area-data once', async () => {
    expect(g.stats()).toMatchObject({ provinces: 38, regencies: 514, districts: 7277, villages: 83763 });
    expect(await loadGazetteer()).toBe(g);
    expect(g.lookup('33.08')).toEqual({
      code: '33.08',
      name: 'Kabupaten Magelang',
      level: 'regency',
      parentCode: '33',
    });
    expect(g.lookup('31')?.name).toBe('DKI Jakarta');
  });

  /** Contrast set: [text, home region, expected codes in order]. */
  const CONTRAST: [string, string | undefined, string[]][] = [
    // Trigger words choose the level and the kind of regency.
    ['banjir di kecamatan sungai kunjang kota samarinda', undefined, ['64.72.06', '64.72']],
    ['Kab. Magelang dan Kota Magelang', undefined, ['33.08', '33.71']],
    ['jalan rusak di kabupaten bandung barat', undefined, ['32.17']],
    ['longsor di Kec. Jati, Kab. Kudus', undefined, ['33.19.03', '33.19']],
    ['Provinsi Jawa Tengah siaga banjir', undefined, ['33']],
    // Bare ambiguous names: home region first, otherwise the higher level and the city.
    ['warga magelang mengeluh', '33.08', ['33.08']],
    ['warga magelang mengeluh', undefined, ['33.71']],
    ['macet di depok', undefined, ['32.76']],
    ['macet di depok', '34.04', ['34.04.07']],
    ['banjir di semarang', '33.22', ['33.22']],
    ['banjir di semarang', undefined, ['33.74']],
    // Distinctive district and village names count in the home region, not elsewhere.
    ['mertoyudan banjir lagi', '33.08', ['33.08.10']],
    ['mertoyudan banjir lagi', '64.72', []],
    // A parent mentioned anywhere in the post resolves a bare lower-level name.
    ['jati wetan terendam, warga kudus siaga', undefined, ['33.19.03.2003', '33.19']],
    // Ordinary words that are village or district names are not places.
    ['jalan baru di pasar jaya rusak, air sungai naik', '33.08', []],
    ['harga cabai makmur sari tengah naik', '33.08', []],
    ['pohon jati tumbang di tengah jalan', '33.19', []],
    ['batu besar menutup batang sungai', undefined, []],
    ['nasib malang menimpa warga', undefined, []],
    ['puncak acara meriah', undefined, []],
    // Coal ("batu bara") is not Kabupaten Batu Bara (Sumatera Utara) unless its trigger is there.
    ['truk batu bara lewat jalan kota, debunya bikin sesak', '64.72', []],
    ['banjir di kabupaten batu bara meluas', '64.72', ['12.19']],
    // A one-word village name that is an everyday word ('minta', a village in Kutai Barat) is not a place bare.
    ['warga minta fogging di teluk lingga', '64', ['64.08.04.1010']],
    // A lone word of a home-region place name (Teluk Lingga) does not name a regency elsewhere (Kab. Lingga, Kepri)…
    ['banjir di lingga', '64', []],
    // …unless its trigger or its parent is there, or the deployment is elsewhere.
    ['banjir di kabupaten lingga', '64', ['21.04']],
    ['banjir di lingga kepri', '64', ['21.04', '21']],
    ['banjir di lingga', '33.08', ['21.04']],
    // …but with a trigger (and resolvable) they are.
    ['banjir di malang', undefined, ['35.73']],
    ['kota batu dingin', undefined, ['35.79']],
    ['kabupaten batang', undefined, ['33.25']],
    // Provinces, aliases, multi-word names.
    ['Jawa Tengah dan Jateng', undefined, ['33']],
    ['Samarinda, Kalimantan Timur', undefined, ['64.72', '64']],
    ['kemacetan di jaksel', undefined, ['31.74']],
    ['warga Aceh Selatan', undefined, ['11.01']],
  ];

  it.each(CONTRAST)('%s (home %s)', (text, home, expected) => {
    expect(codes(text, home)).toEqual(expected);
  });

  it('explains the trigger and the reason', () => {
    expect(g.match(tok('kec. sungai kunjang'))).toEqual([
      {
        code: '64.72.06',
        name: 'Sungai Kunjang',
        level: 'district',
        matched: 'sungai kunjang',
        trigger: 'kec.',
        reason: 'trigger',
      },
    ]);
    expect(g.match(tok('magelang'), { homeRegion: '33.08' })[0]).toMatchObject({
      reason: 'home-region',
      name: 'Kabupaten Magelang',
    });
  });

  describe('bare names beyond the home region (issue 12)', () => {
    /** With the text as written: capitalisation tells a proper noun from a word. */
    const written = (text: string, homeRegion?: string) => g.match(tok(text), { homeRegion, text }).map((m) => m.code);

    it('reads a district name found in one district only, written as a name, wherever the deployment is', () => {
      expect(written('Macet panjang di Cikampek arah Jakarta', '64.72')).toEqual(['32.15.13', '31']);
      // Lower case, or without the text, it is not enough on its own.
      expect(written('macet panjang di cikampek', '64.72')).toEqual([]);
      expect(codes('Macet panjang di Cikampek', '64.72')).toEqual([]);
      // A district name that is an everyday word (the stemmer's root words) is not read as the district.
      expect(written('Abang saya kerja di Jakarta', '64.72')).toEqual(['31']);
      expect(written('Hujan disertai Petir sejak sore', '64.72')).toEqual([]);
      // A name of three letters is too short to tell from an abbreviation (#KAI, the railway company).
      expect(written('Tiket mudik #KAI habis', '64.72')).toEqual([]);
    });

    it('names the regency of a town split into compass-direction districts', () => {
      expect(written('Kawasan industri Cikarang macet', '64.72')).toEqual(['32.16']);
      expect(written('Banjir di Purwokerto', '64.72')).toEqual(['33.02']);
      // Derived names must be written as names: "sabu-sabu" (a dish) is not Sabu (Kabupaten Sabu Raijua).
      expect(written('Sabu Barat diguyur hujan', '64.72')).toEqual(['53.20.01']);
      expect(written('sabu-sabu di sini kuahnya enak', '64.72')).toEqual([]);
    });

    it('prefers a regency of the home province over a home-region village of the same name', () => {
      expect(written('Hujan deras di Binjai sore ini', '12.71')).toEqual(['12.75']);
      // Tuban in Badung stays the village: Kabupaten Tuban is in another province.
      expect(written('Bandara di Tuban padat', '51.03')[0]).toMatch(/^51\.03\./);
    });

    it('reads a name after a natural feature as the feature, unless it is a place of the home region', () => {
      expect(written('Air Sungai Kapuas naik', '64.72')).toEqual([]);
      expect(written('Banjir di Kapuas', '64.72')).toEqual(['62.03']);
      expect(written('Sampah di Pantai Kedonganan', '51.03')).toEqual(['51.03.01.1003']);
    });

    it('reads a home-region name of ordinary words ending in a compass word', () => {
      expect(written('Razia di Kuta Selatan', '51.03')).toEqual(['51.03.05']);
      expect(g.lookup('51.03.05')?.name).toBe('Kuta Selatan');
    });
  });

  it('never throws and tolerates odd tokens', () => {
    expect(g.match([])).toEqual([]);
    expect(g.match(['', '\uD800', 'kab.', 'kota'])).toEqual([]);
    expect(g.match(undefined as unknown as string[])).toEqual([]);
    expect(g.match(defaultTermNormalizer('desa'))).toEqual([]);
  });
});

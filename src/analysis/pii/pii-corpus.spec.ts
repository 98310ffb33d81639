import { createAnalyzer } from '../analyzer.js';
import { countPiiMasks, maskPii, maskPiiWithCounts, maskUrl } from './pii-masker.js';

/**
 * A corpus of the forms personal data takes in Indonesian posts, as a probe of the landed service
 * found them (issue 14): each row is written the way people write, with what must remain.
 */
const MASKED: [string, string, string][] = [
  // [kind, input, expected]
  ['landline, no separators', 'telp kantor 0541741234 ya', 'telp kantor [TELEPON] ya'],
  ['landline, Jakarta, no separators', 'hubungi 0217654321', 'hubungi [TELEPON]'],
  ['landline, space after the area code', 'kantor 0274 512345', 'kantor [TELEPON]'],
  ['landline, dotted', 'kantor 0541.741.234', 'kantor [TELEPON]'],
  ['mobile, no separators', 'wa 081234567890', 'wa [TELEPON]'],
  ['mobile, +62 with spaces', 'wa +62 812-3456-7890', 'wa [TELEPON]'],
  ['e-mail, plain', 'kirim ke budi.santoso@gmail.com', 'kirim ke [EMAIL]'],
  ['e-mail, [at] [dot]', 'email nama [at] gmail [dot] com', 'email [EMAIL]'],
  ['e-mail, (at) (dot)', 'email nama(at)gmail(dot)com', 'email [EMAIL]'],
  ['e-mail, [at] and a real dot', 'email siti_r [at] yahoo.co.id', 'email [EMAIL]'],
  ['e-mail, words at and dot', 'email budi at gmail dot com', 'email [EMAIL]'],
  ['e-mail, Indonesian titik', 'surel budi [at] kab [titik] go [titik] id', 'surel [EMAIL]'],
  ['e-mail, upper-case spelling', 'EMAIL BUDI [AT] GMAIL [DOT] COM', 'EMAIL [EMAIL]'],
  ['e-mail, spaces around @', 'email budi @ gmail.com', 'email [EMAIL]'],
  ['NIK, plain', 'NIK 3374012345670001', 'NIK [NIK]'],
  ['NIK, dotted', 'nik 33.74.01.520590.0001', 'nik [NIK]'],
];

const KEPT: [string, string][] = [
  ['a year and a count', 'tahun 2023 ada 1234567 warga'],
  ['an amount', 'anggaran Rp 12.500.000.000'],
  ['a date', 'tanggal 2024-12-31'],
  ['a short queue number', 'nomor antrean 0812'],
  ['a postal code', 'kode pos 75123'],
  ['a mention', 'cc @pemkot_samarinda'],
  ['a mention with a dot, after a word', 'Menanggapi @budi.santoso soal banjir'],
  ['a dotted mention after a word, at the end', 'terima kasih @diskominfo.smd'],
  ['the English word at', 'rapat at 10.00 di balai kota'],
  ['a time with dot', 'jam 10 dot 30'],
  ['a nine-digit number without a leading zero', 'nomor perkara 541741234'],
];

const URLS: [string, string, string][] = [
  ['WhatsApp link', 'https://wa.me/6281234567890', 'https://wa.me/[TELEPON]'],
  ['WhatsApp link with text', 'https://wa.me/6281234567890?text=halo', 'https://wa.me/[TELEPON]?text=halo'],
  [
    'api.whatsapp.com',
    'https://api.whatsapp.com/send?phone=6281234567890',
    'https://api.whatsapp.com/send?phone=[TELEPON]',
  ],
  [
    'e-mail in a query string',
    'https://contoh.id/daftar?email=budi%40gmail.com&x=1',
    'https://contoh.id/daftar?email=[EMAIL]&x=1',
  ],
  ['mailto', 'mailto:budi@gmail.com', 'mailto:[EMAIL]'],
  ['NIK in a query string', 'https://contoh.id/cek?nik=3374012345670001', 'https://contoh.id/cek?nik=[NIK]'],
];

describe('PII corpus', () => {
  it.each(MASKED)('masks %s', (_kind, input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each(KEPT)('keeps %s', (_kind, input) => {
    expect(maskPii(input)).toBe(input);
  });

  it.each(URLS)('masks a URL: %s', (_kind, input, expected) => {
    expect(maskUrl(input)).toBe(expected);
  });

  it('keeps a URL without personal data byte for byte', () => {
    const url = 'https://www.instagram.com/p/Cx_9%20a/?utm_source=ig_web&igsh=MTIz';
    expect(maskUrl(url)).toBe(url);
    // A 16-digit platform id in the path is not a NIK.
    const facebook = 'https://www.facebook.com/pemkot/posts/3374012345670001';
    expect(maskUrl(facebook)).toBe(facebook);
    expect(maskUrl(undefined)).toBeUndefined();
    expect(maskUrl('%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('counts spelled-out e-mails and undashed landlines', () => {
    const { counts } = maskPiiWithCounts('a [at] b [dot] com, c(at)d(dot)id, telp 0541741234');
    expect(counts).toEqual({ nik: 0, phone: 1, email: 2 });
  });

  it('counts the masks a text carries, also when it was masked before it reached the analyzer', () => {
    expect(countPiiMasks('[NIK] dan [TELEPON], [TELEPON] atau [EMAIL]')).toEqual({ nik: 1, phone: 2, email: 1 });
    const analyzer = createAnalyzer();
    const premasked = maskPii('NIK 3374012345670001, wa 081234567890');
    expect(analyzer.analyze(premasked).pii).toEqual({ nik: 1, phone: 1, email: 0 });
    expect(analyzer.analyze('NIK 3374012345670001, wa 081234567890').pii).toEqual({ nik: 1, phone: 1, email: 0 });
  });
});

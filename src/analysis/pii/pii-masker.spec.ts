import { maskPii, maskPiiDeep, maskPiiWithCounts } from './pii-masker.js';

describe('PII masking', () => {
  it.each([
    ['NIK saya 3374012345670001 tolong dibantu', 'NIK saya [NIK] tolong dibantu'],
    ['nik: 33.74.01.520590.0001', 'nik: [NIK]'],
    ['NIK 337401 120590 0001', 'NIK [NIK]'],
    ['hubungi 081234567890 ya', 'hubungi [TELEPON] ya'],
    ['wa 0812-3456-7890', 'wa [TELEPON]'],
    ['wa 0812 3456 789', 'wa [TELEPON]'],
    ['telp +62 812 3456 7890.', 'telp [TELEPON].'],
    ['telp +6281234567890', 'telp [TELEPON]'],
    ['telp 62-812-3456-7890', 'telp [TELEPON]'],
    ['kantor (021) 1234567', 'kantor [TELEPON]'],
    ['kantor (0274) 512-345', 'kantor [TELEPON]'],
    ['kantor 021-7654321', 'kantor [TELEPON]'],
    ['email budi.santoso@gmail.com atau b_s+x@mail.kab.go.id', 'email [EMAIL] atau [EMAIL]'],
  ])('masks %s', (input, expected) => {
    expect(maskPii(input)).toBe(expected);
  });

  it.each([
    'tanggal 2024-12-31 pukul 10.30',
    'anggaran Rp 12.500.000.000 untuk jalan',
    'harga 15.000 naik jadi 17.500',
    'nomor antrean 0812',
    'tahun 2023 ada 1234567 warga',
    'nomor 33.74.01.994567.0001 bukan NIK',
    'mention @pemkot_samarinda dan #banjir',
    'skor 3-2, menit 90+4',
    'RT 003 RW 012 kode pos 75123',
  ])('leaves %s unchanged', (input) => {
    expect(maskPii(input)).toBe(input);
  });

  it('counts what it masked', () => {
    const r = maskPiiWithCounts('A 3374012345670001, B 3374012345670002, hp 085712345678, x@y.co');
    expect(r.counts).toEqual({ nik: 2, phone: 1, email: 1 });
    expect(r.text).not.toMatch(/\d{6}/);
  });

  it('walks JSON payloads without mutating them and survives cycles', () => {
    const raw: Record<string, unknown> = {
      id: 7,
      user: { bio: 'WA 081234567890', tags: ['a@b.com', null, 3] },
      text: 'NIK 3374012345670001',
      when: new Date(0),
    };
    raw.self = raw;
    const masked = maskPiiDeep(raw) as {
      user: { bio: string; tags: unknown[] };
      text: string;
      id: number;
      self: unknown;
    };
    expect(masked.user.bio).toBe('WA [TELEPON]');
    expect(masked.user.tags).toEqual(['[EMAIL]', null, 3]);
    expect(masked.text).toBe('NIK [NIK]');
    expect(masked.id).toBe(7);
    expect(masked.self).toBe(masked);
    expect((raw.user as { bio: string }).bio).toBe('WA 081234567890');
  });

  it('never throws on odd input', () => {
    expect(maskPii('')).toBe('');
    expect(maskPii(undefined as unknown as string)).toBe(undefined);
    expect(maskPii('\uD800\u0000 08123')).toBe('\uD800\u0000 08123');
    expect(maskPiiDeep(42)).toBe(42);
    const big = '08123456789 '.repeat(50_000);
    expect(maskPiiWithCounts(big).counts.phone).toBe(50_000);
  });
});

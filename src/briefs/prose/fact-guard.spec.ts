import { changedFacts } from './fact-guard.js';

const ORIGINAL =
  'Volume percakapan naik 45% menjadi 1.234 unggahan dari 310 akun; puncaknya pukul 07.30 WITA di Kecamatan ' +
  'Samarinda Ulu. BPBD Kota Samarinda diminta menurunkan tim dalam 6 jam.';

describe('changedFacts', () => {
  it('should accept a rewording that keeps every number and name', () => {
    const rewritten =
      'Percakapan meningkat 45% hingga 1.234 unggahan oleh 310 akun, dengan puncak pukul 07.30 WITA di Kecamatan ' +
      'Samarinda Ulu. Disarankan BPBD Kota Samarinda menurunkan tim paling lambat 6 jam.';
    expect(changedFacts(ORIGINAL, rewritten)).toEqual([]);
  });

  it('should name a changed, a dropped and an invented figure', () => {
    const rewritten =
      'Volume naik 50% menjadi 1.234 unggahan; puncaknya pukul 07.30 WITA di Kecamatan Samarinda Ulu. BPBD Kota ' +
      'Samarinda diminta menurunkan tim dalam 6 jam.';
    expect(changedFacts(ORIGINAL, rewritten)).toEqual(['angka hilang: 45%, 310', 'angka baru: 50%']);
  });

  it('should name a place or an office that is dropped or invented', () => {
    const rewritten =
      'Volume percakapan naik 45% menjadi 1.234 unggahan dari 310 akun; puncaknya pukul 07.30 WITA di Kecamatan ' +
      'Sungai Kunjang. Dinas Sosial diminta menurunkan tim dalam 6 jam.';
    expect(changedFacts(ORIGINAL, rewritten)).toEqual([
      'nama hilang: Samarinda, Ulu, BPBD, Kota',
      'nama baru: Sungai, Kunjang, Sosial',
    ]);
  });

  it('should not count the word that merely opens a sentence as a name', () => {
    expect(
      changedFacts('Perlu klarifikasi resmi dari Diskominfo.', 'Klarifikasi resmi dari Diskominfo perlu.'),
    ).toEqual([]);
  });
});

import { leadingDistricts } from './places.js';

describe('leadingDistricts', () => {
  it('rolls kelurahan up to their kecamatan and keeps those with at least half the top one', () => {
    const counts = new Map([
      ['64.72', 26],
      ['64.72.06.1004', 6],
      ['64.72.06.1003', 4],
      ['64.72.06', 1],
      ['64.72.03.1005', 2],
      ['64.72.03.1006', 1],
    ]);
    // Sungai Kunjang 11 mentions, Samarinda Ulu 3 (under half): the kota counts for neither.
    expect(leadingDistricts(counts)).toEqual(['64.72.06']);
    counts.set('64.72.03.1005', 5);
    expect(leadingDistricts(counts)).toEqual(['64.72.03', '64.72.06']);
  });

  it('names no kecamatan for posts that name only the city, or a kecamatan once', () => {
    expect(leadingDistricts(new Map([['64.72', 9]]))).toEqual([]);
    expect(leadingDistricts(new Map([['64.72.06.1004', 1]]))).toEqual([]);
  });
});

import type { IssueOfficialStatement } from '../issues/dto/issue-figures.js';
import { CLAIM_PATTERN, MIN_CLAIMS, officialContradiction, STATEMENT_PATTERN } from './official-contradiction.js';
import { classifyIssue } from './report-classifier.js';

const found = (
  claimsAfter: number,
  citizensAfter: number,
  author: string | null = 'humaspemkot',
): IssueOfficialStatement => ({
  issueId: 'issue',
  statement: {
    postId: '1',
    createdAt: '2026-11-29T04:00:00.000Z',
    author,
    source: 'Portal Berita Pemkot',
    text: 'Banjir di Palaran sudah surut.',
  },
  claimsAfter,
  citizensAfter,
});

/** The patterns as PostgreSQL applies them (`\m`/`\M` word edges, case-insensitive), for the spec only. */
const matches = (pattern: string, text: string) =>
  new RegExp(pattern.replaceAll('\\m', '\\b').replaceAll('\\M', '\\b'), 'iu').test(text);

describe('officialContradiction', () => {
  it('should hold from MIN_CLAIMS claims that are at least 30% of the citizens posting after the statement', () => {
    expect(officialContradiction(found(MIN_CLAIMS, 10))).toEqual({
      by: '@humaspemkot',
      at: '2026-11-29T04:00:00.000Z',
      claims: 5,
      citizens: 10,
    });
    expect(officialContradiction(found(MIN_CLAIMS - 1, 4))).toBeNull();
    expect(officialContradiction(found(6, 30))).toBeNull();
    expect(officialContradiction(found(9, 30))?.claims).toBe(9);
    expect(officialContradiction(found(0, 0))).toBeNull();
  });

  it('should name the source when the statement has no author', () => {
    expect(officialContradiction(found(8, 8, null))?.by).toBe('Portal Berita Pemkot');
  });

  it('should read denials and "already handled" as statements, and "still"/"not yet" as claims', () => {
    for (const text of [
      'Kabar banjir di Palaran itu hoaks',
      'Genangan sudah ditangani petugas',
      'Bansos telah disalurkan ke seluruh kelurahan',
      'Aliran air PDAM kembali normal',
      'Tidak ada pungutan di sekolah negeri',
    ]) {
      expect(matches(STATEMENT_PATTERN, text)).toBe(true);
    }
    expect(matches(STATEMENT_PATTERN, 'Banjir lagi di Palaran, air sepinggang')).toBe(false);
    expect(matches(CLAIM_PATTERN, 'Air masih sepinggang di RT 5')).toBe(true);
    expect(matches(CLAIM_PATTERN, 'Bansos belum cair juga')).toBe(true);
    expect(matches(CLAIM_PATTERN, 'Terima kasih petugas BPBD')).toBe(false);
  });

  it('should put the issue under perlu klarifikasi with the statement and the counts', () => {
    const verdict = classifyIssue({
      severityLevel: 'tinggi',
      open: true,
      campaign: false,
      nearDuplicateShare: 0,
      sentiment: { positive: 0.1, neutral: 0.2, negative: 0.7 },
      overdueDispositions: 1,
      officialContradiction: { by: '@humaspemkot', at: '29 November 2026 pukul 12.00 WITA', claims: 12, citizens: 20 },
    });
    expect(verdict).toEqual({
      group: 'perluKlarifikasi',
      reason:
        'Pernyataan resmi @humaspemkot (29 November 2026 pukul 12.00 WITA) membantah atau menyatakan sudah ' +
        'ditangani, tetapi 12 dari 20 unggahan warga sesudahnya menyatakan sebaliknya.',
    });
  });
});

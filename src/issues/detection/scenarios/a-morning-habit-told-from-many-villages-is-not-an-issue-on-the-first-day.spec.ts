import type { DetectorPlace } from '../detection.types.js';
import { background, DAY_MS, everyday, falseIssues, HOUR_MS, replay, T0 } from './scenario-kit.js';

/** Forty kelurahan spread over ten kecamatan of the city (64.72.01 … 64.72.10). */
const VILLAGES: DetectorPlace[] = Array.from({ length: 40 }, (_, i) => ({
  code: `64.72.${String(1 + (i % 10)).padStart(2, '0')}.${1001 + Math.floor(i / 10)}`,
  name: `kampung${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
}));

it('a morning habit told from many villages is not an issue on a fresh deployment', () => {
  // No history. From six in the morning many people remark that their own village's market is busy: the remark surges
  // with the morning, faster than the stream, and each post names another village. Nothing happened anywhere.
  const posts = [
    ...background(T0, T0 + DAY_MS),
    ...everyday(
      'pasar',
      ['pasar {place} rame banget pagi ini', 'pagi ini pasar {place} ramai pembeli'],
      VILLAGES,
      T0 + 6 * HOUR_MS,
      T0 + 10 * HOUR_MS,
      60,
      31,
      'ekonomi',
    ),
  ];
  const { issues } = replay(posts, T0 + DAY_MS);
  expect(falseIssues(issues, [])).toEqual([]);
});

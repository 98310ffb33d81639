import { background, DAY_MS, event, falseIssues, HOUR_MS, issuesOf, PLACES, replay, T0 } from './scenario-kit.js';

it('an outage written five ways is one issue', () => {
  // A day of history, then a water outage in one kecamatan told by many people in five wordings that share little
  // more than the place and the water.
  const wordings = [
    'air pdam mati total di {place} sejak subuh',
    'keran kering di {place} sudah dua hari tidak mengalir',
    'warga {place} antre air bersih dari tangki',
    'distribusi air {place} terganggu mohon segera diperbaiki',
    'mandi pakai air galon gara gara air mati {place}',
  ];
  const outage = [0, 1, 2, 3, 4].flatMap((w) =>
    event(
      `pdam${w}`,
      [wordings[w]],
      PLACES.palaran,
      T0 + DAY_MS + 9 * HOUR_MS + w * 7 * 60_000,
      14,
      4 * 60_000,
      'utilitas',
      w + 11,
    ),
  );
  const { issues } = replay([...background(T0, T0 + DAY_MS + 16 * HOUR_MS), ...outage], T0 + DAY_MS + 16 * HOUR_MS);
  const hits = issues.filter((i) => i.postIds.filter((id) => id.startsWith('pdam')).length * 2 > i.postIds.length);
  expect(hits).toHaveLength(1);
  // It holds most of the outage's posts, from several wordings.
  expect(hits[0].postIds.filter((id) => id.startsWith('pdam')).length).toBeGreaterThan(40);
  expect(new Set(hits[0].postIds.map((id) => id.split('-')[0])).size).toBeGreaterThanOrEqual(4);
  expect(falseIssues(issues, ['pdam0', 'pdam1', 'pdam2', 'pdam3', 'pdam4'])).toEqual([]);
  expect(issuesOf(issues, 'bg')).toEqual([]);
});

import { background, citywide, DAY_MS, falseIssues, HOUR_MS, issuesOf, replay, T0 } from './scenario-kit.js';

it('a school fee told in two wordings that name only the city is one issue', () => {
  // Parents of one school: some write about the fee (pungutan); from forty minutes later others write about the
  // committee's "donation" (sumbangan komite), and a few of those posts say both. Neither names a kecamatan.
  const start = T0 + DAY_MS + 9 * HOUR_MS;
  const fee = citywide(
    'pungutan-a',
    ['pungutan sekolah smpn bikin resah orang tua', 'pungutan sekolah lagi #pungutansekolah'],
    start,
    30,
    120_000,
    'pendidikan',
    1,
  );
  const committee = citywide(
    'pungutan-b',
    [
      'komite minta sumbangan wajib jutaan rupiah',
      'sumbangan komite kok wajib rapor ditahan',
      'sumbangan komite dikembalikan saja',
      'pungutan sekolah berkedok sumbangan komite',
    ],
    start + 40 * 60_000,
    30,
    120_000,
    'pendidikan',
    2,
  );
  const end = start + 5 * HOUR_MS;
  const { issues } = replay([...background(T0, end), ...fee, ...committee], end);
  const story = issuesOf(issues, 'pungutan');
  expect(story).toHaveLength(1);
  expect(story[0].postIds.filter((id) => id.startsWith('pungutan-a-')).length).toBeGreaterThan(15);
  expect(story[0].postIds.filter((id) => id.startsWith('pungutan-b-')).length).toBeGreaterThan(15);
  expect(falseIssues(issues, ['pungutan-a', 'pungutan-b'])).toEqual([]);
  expect(issuesOf(issues, 'bg')).toEqual([]);
});

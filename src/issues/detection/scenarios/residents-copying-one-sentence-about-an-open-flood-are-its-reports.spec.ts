import { background, DAY_MS, event, falseIssues, HOUR_MS, issuesOf, PLACES, post, replay, T0 } from './scenario-kit.js';

it('residents copying one sentence about an open flood are its reports, not a campaign', () => {
  // A day of history, then a flood in Sungai Kunjang reported in residents' own words, and twenty of them copying one
  // sentence about the shelter (naming their kecamatan, complaining like the others) within the flood's first hour.
  const start = T0 + DAY_MS + 10 * HOUR_MS;
  const own = event(
    'banjir',
    ['banjir setinggi lutut di {place} warga mengungsi', 'air sungai meluap {place} rumah terendam banjir'],
    PLACES.sungaiKunjang,
    start,
    40,
    90_000,
    'bencana',
  ).map((p) => ({ ...p, sentiment: 'negative' as const }));
  const copied = Array.from({ length: 20 }, (_, i) => ({
    ...post(
      `banjir-salin-${i}`,
      start + 15 * 60_000 + i * 2 * 60_000,
      `warga-salin${i}`,
      'posko pengungsian sungai kunjang penuh kekurangan selimut dan makanan siap saji',
      { places: [PLACES.sungaiKunjang], category: 'bencana' },
    ),
    sentiment: 'negative' as const,
  }));
  const end = start + 6 * HOUR_MS;
  const { issues } = replay([...background(T0, end), ...own, ...copied], end);
  const flood = issuesOf(issues, 'banjir');
  expect(flood).toHaveLength(1);
  expect(flood[0].campaign).toBe(false);
  expect(flood[0].postIds.filter((id) => id.startsWith('banjir-salin-')).length).toBeGreaterThan(10);
  expect(falseIssues(issues, ['banjir'])).toEqual([]);
});

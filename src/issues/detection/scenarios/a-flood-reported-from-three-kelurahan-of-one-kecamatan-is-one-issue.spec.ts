import { background, DAY_MS, event, falseIssues, HOUR_MS, issuesOf, KELURAHAN, replay, T0 } from './scenario-kit.js';

it('a flood reported from three kelurahan of one kecamatan is one issue', () => {
  // A day of history, then one flood in Sungai Kunjang reported from three of its kelurahan, each in its own words
  // (the water in the houses, the shelter, the river), minutes apart: no kelurahan is named by the others' posts.
  const start = T0 + DAY_MS + 10 * HOUR_MS;
  const parts = [
    event(
      'banjir-a',
      ['banjir masuk rumah di {place} setinggi lutut'],
      KELURAHAN.karangAsamUlu,
      start,
      24,
      90_000,
      'bencana',
      1,
    ),
    event(
      'banjir-b',
      ['posko pengungsi {place} butuh selimut dan makanan'],
      KELURAHAN.lokBahu,
      start + 20 * 60_000,
      24,
      90_000,
      'bencana',
      2,
    ),
    event(
      'banjir-c',
      ['sungai meluap di {place} perahu karet dikerahkan'],
      KELURAHAN.telukLerongUlu,
      start + 40 * 60_000,
      24,
      90_000,
      'bencana',
      3,
    ),
  ].flat();
  const end = start + 5 * HOUR_MS;
  const { issues } = replay([...background(T0, end), ...parts], end);
  const flood = issuesOf(issues, 'banjir');
  expect(flood).toHaveLength(1);
  // It holds the three parts.
  for (const part of ['banjir-a', 'banjir-b', 'banjir-c']) {
    expect(flood[0].postIds.filter((id) => id.startsWith(`${part}-`)).length).toBeGreaterThan(12);
  }
  expect(falseIssues(issues, ['banjir-a', 'banjir-b', 'banjir-c'])).toEqual([]);
  expect(issuesOf(issues, 'bg')).toEqual([]);
});

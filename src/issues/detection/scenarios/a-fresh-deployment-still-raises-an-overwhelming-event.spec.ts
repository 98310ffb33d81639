import { background, event, falseIssues, HOUR_MS, issuesOf, PLACES, replay, T0 } from './scenario-kit.js';

it('a fresh deployment still raises an event that many people report at once', () => {
  // Ten hours into a deployment with no history, sixty residents report a flood within an hour.
  const flood = event(
    'banjir',
    [
      'banjir setinggi lutut di {place} warga mengungsi',
      'air sungai meluap {place} rumah terendam banjir',
      'banjir {place} makin tinggi butuh perahu karet',
      'posko pengungsi banjir {place} penuh',
    ],
    PLACES.sungaiKunjang,
    T0 + 10 * HOUR_MS,
    60,
    60_000,
    'bencana',
  );
  const { issues } = replay([...background(T0, T0 + 14 * HOUR_MS), ...flood], T0 + 14 * HOUR_MS);
  expect(issuesOf(issues, 'banjir')).toHaveLength(1);
  expect(falseIssues(issues, ['banjir'])).toEqual([]);
});

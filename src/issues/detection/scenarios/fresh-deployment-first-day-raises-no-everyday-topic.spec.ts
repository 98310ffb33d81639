import { background, DAY_MS, everyday, falseIssues, HOUR_MS, PLACES, replay, T0 } from './scenario-kit.js';

const VILLAGES = Object.values(PLACES);

it('a fresh deployment raises no everyday topic in its first day', () => {
  // No history at all: everyday topics start at various hours of the first day, at their normal level.
  const posts = [
    ...background(T0, T0 + DAY_MS),
    ...everyday(
      'macet',
      ['jalan {place} macet parah pagi ini', 'macet lagi di {place}'],
      VILLAGES,
      T0 + 6 * HOUR_MS,
      T0 + DAY_MS,
      12,
      1,
    ),
    ...everyday(
      'cabai',
      ['harga cabai di pasar {place} naik lagi', 'cabai mahal sekali di {place}'],
      VILLAGES,
      T0 + 7 * HOUR_MS,
      T0 + DAY_MS,
      8,
      2,
      'ekonomi',
    ),
    ...everyday(
      'listrik',
      ['listrik padam sebentar di {place}', 'lampu kedip kedip {place} malam ini'],
      VILLAGES,
      T0 + 17 * HOUR_MS,
      T0 + DAY_MS,
      10,
      3,
      'utilitas',
    ),
    ...everyday(
      'kuliner',
      ['nasi kuning enak di {place} ramai pembeli', 'warung baru di {place} enak'],
      VILLAGES,
      T0 + 9 * HOUR_MS,
      T0 + DAY_MS,
      10,
      4,
    ),
  ];
  // An hour before the day is over, detection still says it is learning; by the end of the day nothing was raised.
  const lastHour = T0 + DAY_MS - HOUR_MS;
  const early = replay(
    posts.filter((p) => p.createdAt < lastHour),
    lastHour,
  );
  expect(early.detector.status(lastHour).learning).toBe(true);
  const { issues } = replay(
    posts.filter((p) => p.createdAt >= lastHour),
    T0 + DAY_MS,
    {},
    early.detector,
  );
  expect(falseIssues(issues, [])).toEqual([]);
});

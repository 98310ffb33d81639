import { background, DAY_MS, event, expectSeparateIssues, HOUR_MS, PLACES, replay, T0 } from './scenario-kit.js';

const WORDINGS = [
  'banjir lagi di {place} air masuk rumah',
  'warga {place} mengungsi banjir makin tinggi',
  'banjir {place} sejak subuh anak anak ikut mengungsi',
  'air sungai meluap {place} terendam banjir',
];

it('a later flood in the same place is its own issue', () => {
  // A flood in Sungai Kunjang on day 2, and another one there on day 4, long after the first one went quiet.
  const first = event('banjir1', WORDINGS, PLACES.sungaiKunjang, T0 + DAY_MS + 10 * HOUR_MS, 50, 70_000, 'bencana', 1);
  const second = event(
    'banjir2',
    WORDINGS,
    PLACES.sungaiKunjang,
    T0 + 3 * DAY_MS + 14 * HOUR_MS,
    50,
    70_000,
    'bencana',
    2,
  );
  const end = T0 + 3 * DAY_MS + 20 * HOUR_MS;
  const { issues } = replay([...background(T0, end), ...first, ...second], end);
  expectSeparateIssues(issues, 'banjir1', 'banjir2');
});

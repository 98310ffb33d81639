import { background, DAY_MS, event, expectSeparateIssues, HOUR_MS, KELURAHAN, replay, T0 } from './scenario-kit.js';

const WORDINGS = [
  'banjir lagi di {place} air masuk rumah',
  'warga {place} mengungsi banjir makin tinggi',
  'air sungai meluap {place} terendam banjir',
];

it('a later separate flood in the same kecamatan is its own issue', () => {
  // A flood in Karang Asam Ulu on day 2 in the morning, and another one in Lok Bahu (the same kecamatan, Sungai
  // Kunjang) the same afternoon, five hours after the first began and after it went quiet.
  const morning = T0 + DAY_MS + 8 * HOUR_MS;
  const first = event('banjir1', WORDINGS, KELURAHAN.karangAsamUlu, morning, 40, 90_000, 'bencana', 1);
  const second = event('banjir2', WORDINGS, KELURAHAN.lokBahu, morning + 5 * HOUR_MS, 40, 90_000, 'bencana', 2);
  const end = morning + 9 * HOUR_MS;
  const { issues } = replay([...background(T0, end), ...first, ...second], end);
  expectSeparateIssues(issues, 'banjir1', 'banjir2');
});

import { background, DAY_MS, event, expectSeparateIssues, HOUR_MS, KELURAHAN, replay, T0 } from './scenario-kit.js';

it('floods at the same time in two kecamatan are two issues', () => {
  // Heavy rain floods a kelurahan of Sungai Kunjang and one of Palaran within the same hour: same category, same
  // window, different kecamatan.
  const start = T0 + DAY_MS + 10 * HOUR_MS;
  const west = event(
    'banjir-barat',
    ['banjir masuk rumah di {place} setinggi lutut'],
    KELURAHAN.lokBahu,
    start,
    30,
    90_000,
    'bencana',
    1,
  );
  const south = event(
    'banjir-selatan',
    ['posko pengungsi {place} butuh selimut dan makanan'],
    KELURAHAN.rawaMakmur,
    start + 15 * 60_000,
    30,
    90_000,
    'bencana',
    2,
  );
  const end = start + 5 * HOUR_MS;
  const { issues } = replay([...background(T0, end), ...west, ...south], end);
  expectSeparateIssues(issues, 'banjir-barat', 'banjir-selatan');
});

import { background, citywide, DAY_MS, expectSeparateIssues, HOUR_MS, replay, T0 } from './scenario-kit.js';

it('two citywide stories of one category at one time that share nothing are two issues', () => {
  // A school fee and unpaid honorary teachers, the same morning, both education, neither naming a kecamatan.
  const start = T0 + DAY_MS + 9 * HOUR_MS;
  const fee = citywide(
    'pungutan',
    ['pungutan sekolah smpn bikin resah orang tua', 'pungutan sekolah lagi #pungutansekolah'],
    start,
    30,
    120_000,
    'pendidikan',
    1,
  );
  const pay = citywide(
    'honorer',
    ['guru honorer belum digajian tiga bulan', 'gaji guru honorer telat lagi #guruhonorer'],
    start + 10 * 60_000,
    30,
    120_000,
    'pendidikan',
    2,
  );
  const end = start + 5 * HOUR_MS;
  const { issues } = replay([...background(T0, end), ...fee, ...pay], end);
  expectSeparateIssues(issues, 'pungutan', 'honorer');
});

import { background, DAY_MS, falseIssues, HOUR_MS, post, replay, T0 } from './scenario-kit.js';

it('a remark copied all morning is not a campaign on a fresh deployment', () => {
  // No history. Commuters post the same traffic remark, word for word, one every ten minutes from six to eleven in
  // the morning: a habit that looks like copying, with no baseline yet to show it is there every day.
  const copies = Array.from({ length: 30 }, (_, i) =>
    post(
      `macet-${i}`,
      T0 + 6 * HOUR_MS + i * 10 * 60_000,
      `komuter${i}`,
      'macet parah di jalan ahmad yani pagi ini sabar ya semua',
    ),
  );
  const { issues } = replay([...background(T0, T0 + DAY_MS), ...copies], T0 + DAY_MS);
  expect(falseIssues(issues, [])).toEqual([]);
});

import { background, falseIssues, HOUR_MS, post, replay, T0 } from './scenario-kit.js';

it('a fresh deployment still flags a campaign whose accounts arrive at once', () => {
  // Ten hours into a deployment with no history, twenty fresh accounts paste one message within twenty minutes.
  const copies = Array.from({ length: 20 }, (_, i) =>
    post(
      `kampanye-${i}`,
      T0 + 10 * HOUR_MS + i * 60_000,
      `akunbaru${i}`,
      'terima kasih bapak wali kota jalan kampung kami mulus sekarang #kotahebat',
      { hashtags: ['kotahebat'] },
    ),
  );
  const { issues } = replay([...background(T0, T0 + 14 * HOUR_MS), ...copies], T0 + 14 * HOUR_MS);
  const campaign = issues.filter((i) => i.campaign);
  expect(campaign).toHaveLength(1);
  expect(falseIssues(issues, ['kampanye'])).toEqual([]);
});

import { background, DAY_MS, everyday, falseIssues, PLACES, replay, T0 } from './scenario-kit.js';

it('recurring market chatter across villages is not an issue', () => {
  // Every day, all day, people remark that the market of some village is busy or a road there is slippery: the topic
  // is always present at a normal level, whatever village it names.
  const villages = Object.values(PLACES);
  const days = 4;
  const posts = [
    ...background(T0, T0 + days * DAY_MS),
    ...everyday(
      'pasar',
      ['pasar {place} ramai sekali hari ini', 'pasar {place} ramai pengunjung'],
      villages,
      T0,
      T0 + days * DAY_MS,
      10,
      21,
      'ekonomi',
    ),
    ...everyday(
      'licin',
      ['jalan {place} licin hati hati', 'jalan di {place} licin habis hujan'],
      villages,
      T0,
      T0 + days * DAY_MS,
      8,
      22,
      'infrastruktur',
    ),
  ];
  const { issues } = replay(posts, T0 + days * DAY_MS);
  expect(falseIssues(issues, [])).toEqual([]);
});

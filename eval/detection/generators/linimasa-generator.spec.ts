import { loadAreaIndex } from './area-index.js';
import { LINIMASA_GENERATOR } from './linimasa-generator.js';
import { describeGeneratorContract, tinyInputs } from './stream-checks.js';

describeGeneratorContract(LINIMASA_GENERATOR);

describe('linimasa stream generator', () => {
  it('should let the portals break a headline-first story before the residents write about it', async () => {
    const inputs = tinyInputs(await loadAreaIndex());
    const stream = LINIMASA_GENERATOR.seeds
      .map((seed) => LINIMASA_GENERATOR.generate(seed, inputs))
      .find((s) => s.events.some((e) => e.shape === 'headline-first'))!;
    const event = stream.events.find((e) => e.shape === 'headline-first')!;
    const posts = stream.posts.filter((p) => stream.truth.get(p.id) === event.id);
    const news = posts.filter((p) => p.source === 'news');
    expect(news.length).toBeGreaterThanOrEqual(3);
    expect(news.every((p) => /https:\/\//u.test(p.text))).toBe(true);
    const lastHeadline = Math.max(...news.map((p) => Date.parse(p.createdAt)));
    const residents = posts.filter((p) => p.source !== 'news').map((p) => Date.parse(p.createdAt));
    expect(residents.filter((t) => t < lastHeadline).length).toBeLessThan(residents.length * 0.2);
  });
});

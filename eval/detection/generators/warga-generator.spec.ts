import { loadAreaIndex } from './area-index.js';
import { describeGeneratorContract, tinyInputs } from './stream-checks.js';
import { WARGA_GENERATOR } from './warga-generator.js';

describeGeneratorContract(WARGA_GENERATOR);

describe('warga stream generator', () => {
  it('should write the recurring market remark about many different places, every day', async () => {
    const stream = WARGA_GENERATOR.generate(WARGA_GENERATOR.seeds[0], tinyInputs(await loadAreaIndex()));
    const market = stream.posts.filter((p) => stream.truth.get(p.id) === 'rec-pasar-ramai');
    const places = new Set(
      market.map((p) => /pasar ([a-z' -]+?)(,| rame| penuh|$)/iu.exec(p.text)?.[1]?.toLowerCase()),
    );
    const days = new Set(market.map((p) => Math.floor((Date.parse(p.createdAt) - stream.start) / 86_400_000)));
    expect(places.size).toBeGreaterThan(20);
    expect(days.size).toBe((stream.end - stream.start) / 86_400_000);
  });
});

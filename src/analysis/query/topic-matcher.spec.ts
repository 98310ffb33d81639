import { TopicMatcher, type MatchDocument } from './topic-matcher.js';

const doc = (text: string, extra: Partial<MatchDocument> = {}): MatchDocument => ({
  tokens: text.toLowerCase().split(/\s+/).filter(Boolean),
  ...extra,
});

describe('TopicMatcher', () => {
  const matcher = new TopicMatcher([
    { id: 'banjir-smd', query: 'banjir AND (samarinda OR "sungai kunjang") NOT latihan' },
    { id: 'pungli', query: 'pungut* OR pungli' },
    { id: 'jalan', query: '"jalan rusak" OR "jalan berlubang"' },
    { id: 'tag', query: '#BanjirSamarinda OR @pemkotsmd' },
    { id: 'bukan-iklan', query: 'NOT iklan' },
    { id: 'rusak-tanpa-jalan', query: 'rusak NOT "jalan rusak"' },
    { id: 'broken', query: 'banjir AND (' },
  ]);

  const ids = (d: MatchDocument) => matcher.match(d).map((m) => m.id);

  it('reports queries that did not compile and keeps the others', () => {
    expect(matcher.errors).toEqual([
      { id: 'broken', message: 'Kurung buka tanpa pasangan pada karakter 12', position: 12 },
    ]);
    expect(matcher.queryCount).toBe(6);
  });

  it('matches AND/OR/NOT with phrases', () => {
    expect(ids(doc('banjir lagi di samarinda ulu'))).toEqual(['banjir-smd', 'bukan-iklan']);
    expect(ids(doc('banjir di sungai kunjang parah'))).toEqual(['banjir-smd', 'bukan-iklan']);
    expect(ids(doc('banjir di sungai lain kunjang'))).toEqual(['bukan-iklan']);
    expect(ids(doc('latihan penanganan banjir samarinda'))).toEqual(['bukan-iklan']);
    expect(ids(doc('iklan banjir samarinda'))).toEqual(['banjir-smd']);
  });

  it('matches prefix wildcards and returns the satisfied terms', () => {
    expect(matcher.match(doc('ada pungutan liar di sekolah'))).toEqual([
      { id: 'pungli', terms: ['pungut*'] },
      { id: 'bukan-iklan', terms: [] },
    ]);
    expect(ids(doc('pungut'))).toContain('pungli');
    expect(ids(doc('pungu'))).not.toContain('pungli');
  });

  it('matches overlapping phrases and NOT on phrases', () => {
    expect(matcher.match(doc('jalan jalan rusak dan jalan berlubang'))[0]).toEqual({
      id: 'jalan',
      terms: ['"jalan rusak"', '"jalan berlubang"'],
    });
    expect(ids(doc('atap sekolah rusak'))).toContain('rusak-tanpa-jalan');
    expect(ids(doc('jalan rusak parah'))).not.toContain('rusak-tanpa-jalan');
  });

  it('matches hashtags and mentions with or without their sign', () => {
    expect(ids(doc('air naik', { hashtags: ['#banjirsamarinda'] }))).toContain('tag');
    expect(ids(doc('air naik', { hashtags: ['BanjirSamarinda'] }))).toContain('tag');
    expect(ids(doc('air naik', { mentions: ['@PemkotSmd'] }))).toContain('tag');
    expect(ids(doc('air naik banjirsamarinda'))).not.toContain('tag');
  });

  it('uses the term normaliser and the stemmer when given', () => {
    const m = new TopicMatcher([{ id: 'x', query: 'GAK "Jln Rusak" perbaiki' }], {
      normalizeTerm: (w) =>
        w
          .toLowerCase()
          .split(/\s+/)
          .filter(Boolean)
          .map((t) => ({ gak: 'tidak', jln: 'jalan' })[t] ?? t),
      stem: (t) => t.replace(/^(mem|di)/, '').replace(/(kan|i)$/, ''),
    });
    expect(m.match(doc('tidak ada yang memperbaiki jalan itu'))).toEqual([]);
    expect(m.match(doc('tidak diperbaiki jalan rusak'))).toEqual([
      { id: 'x', terms: ['GAK', '"Jln Rusak"', 'perbaiki'] },
    ]);
  });

  it('is consistent across many posts (stamps do not leak between posts)', () => {
    for (let i = 0; i < 1000; i++) {
      expect(ids(doc(i % 2 ? 'banjir samarinda' : 'cuaca cerah'))).toEqual(
        i % 2 ? ['banjir-smd', 'bukan-iklan'] : ['bukan-iklan'],
      );
    }
  });

  it('evaluates the same as a naive evaluator on random queries', () => {
    const words = ['a', 'b', 'c', 'd', 'e', 'f'];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const gen = (depth: number): string => {
      const r = rnd(depth > 2 ? 2 : 5);
      if (r < 2) {
        return words[rnd(words.length)];
      }
      if (r === 2) {
        return `NOT ${gen(depth + 1)}`;
      }
      return `(${gen(depth + 1)} ${r === 3 ? 'AND' : 'OR'} ${gen(depth + 1)})`;
    };
    const queries = Array.from({ length: 300 }, (_, i) => ({ id: String(i), query: gen(0) }));
    const m = new TopicMatcher(queries);
    const naive = (q: string, present: Set<string>): boolean => {
      const js = q
        .replace(/\bAND\b/g, '&&')
        .replace(/\bOR\b/g, '||')
        .replace(/\bNOT\b/g, '!')
        .replace(/\b([a-f])\b/g, (w) => String(present.has(w)));
      // The oracle is JavaScript's own boolean evaluation of the query (inputs are generated above, not external).
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      return Function(`return (${js});`)() as boolean;
    };
    for (let p = 0; p < 40; p++) {
      const toks = words.filter(() => rnd(2) === 0);
      const present = new Set(toks);
      const got = m.match({ tokens: toks }).map((x) => x.id);
      const want = queries.filter((q) => naive(q.query, present)).map((q) => q.id);
      expect(got).toEqual(want);
    }
  });
});

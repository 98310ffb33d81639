/**
 * Label sanity checks for a blind stream (used by the generators' specs): every post labelled, sorted and inside
 * the stream; event sizes and 10th-post times agree with the labels; no event before the warm-up or in the history
 * day; an event's posts name its place; a repeated event shares type and place with the first and starts ≥ 30 h later.
 * Returns the problems found (empty when the stream is sane). describeGeneratorContract runs them, with determinism
 * by seed and the volume rules (≥ 10 streams, ≥ 50 events, cold and history starts), as a jest block.
 */
import { loadAreaIndex } from './area-index.js';
import { DAY_MS, HOUR_MS, type BlindGenerator, type BlindStream, type GeneratorInputs } from './generator-kit.js';

export function streamProblems(stream: BlindStream): string[] {
  const problems: string[] = [];
  const ids = new Set(stream.events.map((e) => e.id));
  const counts = new Map<string, number>();
  const tenth = new Map<string, number>();
  const named = new Map<string, number>();
  const byId = new Map(stream.events.map((e) => [e.id, e]));
  let last = -Infinity;
  for (const post of stream.posts) {
    const at = Date.parse(post.createdAt);
    const label = stream.truth.get(post.id);
    if (label === undefined) {
      problems.push(`post ${post.id} has no label`);
      continue;
    }
    if (label !== 'bg' && !ids.has(label)) {
      problems.push(`post ${post.id} labelled with unknown event ${label}`);
    }
    if (at < last) {
      problems.push(`post ${post.id} out of order`);
    }
    last = at;
    if (at < stream.start || at >= stream.end) {
      problems.push(`post ${post.id} outside the stream`);
    }
    const n = (counts.get(label) ?? 0) + 1;
    counts.set(label, n);
    if (n === 10) {
      tenth.set(label, at);
    }
    const ev = byId.get(label);
    if (ev?.kind === 'event') {
      if (at < stream.warmupEnd) {
        problems.push(`event ${label} has a post before the warm-up ends`);
      }
      if (ev.placeName && post.text.toLowerCase().includes(ev.placeName.toLowerCase())) {
        named.set(label, (named.get(label) ?? 0) + 1);
      }
    }
  }
  for (const e of stream.events) {
    if (e.posts !== (counts.get(e.id) ?? 0)) {
      problems.push(`event ${e.id} says ${e.posts} posts, labels say ${counts.get(e.id) ?? 0}`);
    }
    if (e.tenthPostAt !== (tenth.get(e.id) ?? null)) {
      problems.push(`event ${e.id} has a wrong 10th-post time`);
    }
    if (e.kind === 'event' && e.posts > 0 && (named.get(e.id) ?? 0) < 0.6 * e.posts) {
      problems.push(`event ${e.id}: only ${named.get(e.id) ?? 0} of ${e.posts} posts name ${e.placeName}`);
    }
    if (e.repeatOf) {
      const first = byId.get(e.repeatOf);
      if (!first || first.type !== e.type || first.placeCode !== e.placeCode || e.onset - first.onset < 30 * HOUR_MS) {
        problems.push(`repeat ${e.id} does not repeat ${e.repeatOf} at the same place a day or more later`);
      }
    }
  }
  if (stream.startMode === 'cold' && (stream.warmupEnd !== stream.start || stream.backfillEnd !== null)) {
    problems.push('a cold stream must score from its start and have no backfill');
  }
  if (stream.startMode === 'history' && stream.backfillEnd !== stream.start + DAY_MS) {
    problems.push('a history stream must start with one day of backfill');
  }
  return problems;
}

/** A tiny background for specs (no datasets needed). */
export function tinyInputs(areas: GeneratorInputs['areas']): GeneratorInputs {
  return {
    areas,
    background: {
      smsa: [
        'makanan nya enak dan harga nya terjangkau . pelayanan ramah .',
        'kecewa dengan pengiriman paket yang terlambat tiga hari .',
        'tempat nya nyaman untuk kerja , wifi kencang .',
      ],
      nusax: [
        'Film ini membosankan, saya tidur di tengah jalan cerita.',
        'Aplikasi ini sangat membantu pekerjaan saya.',
      ],
      emot: ['[USERNAME] selamat ulang tahun ya, semoga sehat selalu [URL]', 'Kesel banget antrian bank lama sekali'],
    },
  };
}

/** The specs every blind generator must pass (call inside a spec file). */
export function describeGeneratorContract(generator: BlindGenerator): void {
  describe(`${generator.name} stream generator contract`, () => {
    let inputs: GeneratorInputs;

    beforeAll(async () => {
      inputs = tinyInputs(await loadAreaIndex());
    });

    it('should give the same stream for the same seed and another for another seed', () => {
      const [s1, s2] = generator.seeds;
      const a = generator.generate(s1, inputs);
      const b = generator.generate(s1, inputs);
      const c = generator.generate(s2, inputs);
      expect(b.posts).toEqual(a.posts);
      expect([...b.truth]).toEqual([...a.truth]);
      expect(b.events).toEqual(a.events);
      expect(c.posts.map((p) => p.text)).not.toEqual(a.posts.map((p) => p.text));
    });

    it('should label every post sanely on every seed, with at least 10 streams, 50 events, cold and history starts', () => {
      const streams = generator.seeds.map((seed) => generator.generate(seed, inputs));
      for (const s of streams) {
        expect({ seed: s.seed, problems: streamProblems(s) }).toEqual({ seed: s.seed, problems: [] });
      }
      const organic = streams.flatMap((s) => s.events.filter((e) => e.kind === 'event' && e.tenthPostAt !== null));
      expect(streams.length).toBeGreaterThanOrEqual(10);
      expect(organic.length).toBeGreaterThanOrEqual(50);
      expect(new Set(streams.map((s) => s.startMode))).toEqual(new Set(['cold', 'history']));
      expect(new Set(streams.map((s) => s.homeRegion)).size).toBeGreaterThanOrEqual(5);
      expect(organic.some((e) => e.repeatOf)).toBe(true);
      expect(organic.some((e) => e.shape === 'many-wordings')).toBe(true);
      for (const s of streams) {
        const days = (s.end - s.warmupEnd) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(2);
        expect(days).toBeLessThanOrEqual(4);
        expect(s.events.filter((e) => e.kind === 'recurring').every((e) => e.posts > 0)).toBe(true);
      }
    });
  });
}

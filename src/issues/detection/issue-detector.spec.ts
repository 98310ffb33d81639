import type { DetectorPost } from './detection.types.js';
import { IssueDetector } from './issue-detector.js';
import { toDetectorPost } from './post-adapter.js';
import { replayStream } from '../../../eval/detection/stream-replayer.js';

const BUCKET = 15 * 60_000;
const T0 = Date.UTC(2025, 0, 6);
const CHATTER =
  'makan siang kopi kerja kantor hujan panas film bola musik lagu teman keluarga anak sekolah kuliah tugas ujian libur pulang pagi malam sore nonton main game'.split(
    ' ',
  );

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

/** A day of chatter from many authors, then what `story` adds after `at`. */
function stream(story: (i: number, at: number) => DetectorPost[]): DetectorPost[] {
  const r = rng(3);
  const posts: DetectorPost[] = [];
  for (let i = 0; i < 30 * 96; i++) {
    const at = T0 + Math.floor(i / 30) * BUCKET + (i % 30) * 29_000;
    const words = Array.from({ length: 8 }, () => CHATTER[Math.floor(r() * CHATTER.length)]);
    posts.push(
      toDetectorPost({ id: `bg${i}`, text: words.join(' '), createdAt: at, author: `u${Math.floor(r() * 3000)}` }),
    );
  }
  posts.push(...story(0, T0 + 96 * BUCKET));
  return posts.sort((a, b) => a.createdAt - b.createdAt);
}

const BANJIR = [
  'banjir lagi di sungai kunjang air masuk rumah #banjirsamarinda',
  'pengungsi banjir sungai kunjang butuh selimut dan makanan',
  'warga sungai kunjang mengungsi banjir makin tinggi',
  '#banjirsamarinda posko pengungsi di sungai kunjang penuh',
  'air sungai meluap sungai kunjang terendam banjir pengungsi bertambah',
  'banjir sungai kunjang sejak subuh anak anak ikut mengungsi',
];

function banjir(n: number, from: number): DetectorPost[] {
  return Array.from({ length: n }, (_, i) =>
    toDetectorPost({
      id: `bj${i}`,
      text: `${BANJIR[i % BANJIR.length]} ${CHATTER[(i * 7) % CHATTER.length]} ${CHATTER[(i * 3) % CHATTER.length]}`,
      createdAt: from + i * 40_000,
      author: `warga${i}`,
    }),
  );
}

describe(IssueDetector.name, () => {
  it('should form one issue from banjir, sungai kunjang, #banjirsamarinda and pengungsi', () => {
    const detector = new IssueDetector();
    const { issues } = replayStream(
      detector,
      stream((_, at) => banjir(60, at)),
      BUCKET,
    );
    const story = issues.filter((i) => i.postIds.some((id) => id.startsWith('bj')));
    expect(story).toHaveLength(1);
    const keys = story[0].keys.map((k) => k.key);
    expect(keys).toEqual(expect.arrayContaining(['t:banjir', 'b:sungai kunjang']));
    expect(story[0].postIds.filter((id) => id.startsWith('bj')).length).toBeGreaterThan(40);
    expect(story[0].campaign).toBe(false);
    expect(issues.filter((i) => i.postIds.every((id) => id.startsWith('bg')))).toHaveLength(0);
  });

  it('should not let a post of a category foreign to an issue join it by shared words', () => {
    const detector = new IssueDetector();
    const posts = stream((_, at) => banjir(60, at).map((p) => ({ ...p, category: 'bencana' })));
    replayStream(detector, posts, BUCKET);
    const [story] = detector.issues().filter((i) => i.postIds.some((id) => id.startsWith('bj')));
    expect(story).toBeDefined();
    const at = posts[posts.length - 1].createdAt + 60_000;
    const text = 'warga sungai kunjang mengungsi banjir makin tinggi pengungsi';
    const foreign = { ...toDetectorPost({ id: 'x1', text, createdAt: at, author: 'lain1' }), category: 'ekonomi' };
    const same = { ...toDetectorPost({ id: 'x2', text, createdAt: at, author: 'lain2' }), category: 'bencana' };
    expect(detector.ingest(foreign)).toBeNull();
    expect(detector.ingest(same)).toBe(story.id);
  });

  it('should not let one author copy-pasting make an issue', () => {
    const detector = new IssueDetector();
    const spam = (_: number, at: number): DetectorPost[] =>
      Array.from({ length: 80 }, (_, i) =>
        toDetectorPost({
          id: `sp${i}`,
          text: 'jual obat herbal asli murah hubungi segera stok terbatas',
          createdAt: at + i * 20_000,
          author: 'spammer',
        }),
      );
    const { issues } = replayStream(detector, stream(spam), BUCKET);
    expect(issues.filter((i) => i.postIds.some((id) => id.startsWith('sp')))).toHaveLength(0);
  });

  // KNOWN FAILING (not yet fixed): a 40-copy campaign inside a one-day stream is not surfaced; generated streams do
  // surface campaigns (see the evaluation). Kept visible as a todo rather than deleted.
  it('should flag near-duplicate copies from many accounts as a campaign', () => {
    const detector = new IssueDetector();
    const campaign = (_: number, at: number): DetectorPost[] =>
      Array.from({ length: 40 }, (_, i) =>
        toDetectorPost({
          id: `cp${i}`,
          text: `terima kasih bapak wali kota atas pembangunan jembatan kota makin maju dan sejahtera #samarindabangkit${i % 3 === 0 ? ' mantap' : ''}`,
          createdAt: at + i * 60_000,
          author: `akun${i}`,
        }),
      );
    const { issues } = replayStream(detector, stream(campaign), BUCKET);
    const hits = issues.filter((i) => i.postIds.some((id) => id.startsWith('cp')));
    expect(hits).toHaveLength(1);
    expect(hits[0].campaign).toBe(true);
    expect(hits[0].nearDuplicateShare).toBeGreaterThan(0.5);
  });

  it('should keep a campaign riding on an organic story apart from it, and not flag the story as a campaign', () => {
    const detector = new IssueDetector();
    const praise = (at: number): DetectorPost[] =>
      Array.from({ length: 40 }, (_, i) =>
        toDetectorPost({
          id: `pr${i}`,
          text: `terima kasih pemkot atas gerak cepat menangani banjir sungai kunjang #banjirsamarinda #pemkothadir${i % 4 === 0 ? ' mantap' : ''}`,
          createdAt: at + i * 45_000,
          author: `akunbaru${i}`,
        }),
      );
    // Flood posts varied enough not to be near-duplicates of each other (five random everyday words each).
    const r = rng(11);
    const flood = (at: number): DetectorPost[] =>
      banjir(60, at).map((p) => ({
        ...p,
        tokens: [
          ...p.tokens.slice(0, -2),
          ...Array.from({ length: 5 }, () => CHATTER[Math.floor(r() * CHATTER.length)]),
        ],
      }));
    const { issues } = replayStream(
      detector,
      stream((_, at) => [...flood(at), ...praise(at + 25 * 60_000)]),
      BUCKET,
    );
    const holding = (prefix: string) =>
      issues.find((i) => i.postIds.filter((id) => id.startsWith(prefix)).length * 2 > i.postIds.length);
    const story = holding('bj');
    const campaign = holding('pr');
    expect(story?.campaign).toBe(false);
    expect(campaign?.campaign).toBe(true);
    expect(campaign?.id).not.toBe(story?.id);
  });

  describe('applyOutcome', () => {
    it('should keep a dismissed issue dismissed when its story returns, and point a merged issue to its target', () => {
      const detector = new IssueDetector();
      const posts = stream((_, at) => banjir(40, at));
      replayStream(detector, posts, BUCKET);
      const [first] = detector.issues().filter((i) => i.postIds.some((id) => id.startsWith('bj')));
      const end = posts[posts.length - 1].createdAt;
      detector.applyOutcome(first.id, 'dismissed', end);
      // The story comes back two hours later.
      const again = banjir(40, end + 2 * 3600_000).map((p) => ({ ...p, id: `again-${p.id}`, author: `${p.author}b` }));
      replayStream(detector, again, BUCKET);
      const all = detector.issues();
      expect(
        all.filter((i) => i.postIds.some((id) => id.startsWith('again-')) && i.state !== 'dismissed'),
      ).toHaveLength(0);
      expect(detector.getIssue(first.id)!.state).toBe('dismissed');

      const other = detector.issues().find((i) => i.id !== first.id);
      if (other) {
        const merged = detector.applyOutcome(other.id, 'merged', end, first.id);
        expect(merged.state).toBe('merged');
        expect(merged.mergedInto).toBe(first.id);
      }
      expect(() => detector.applyOutcome(first.id, 'merged', end, 'nope')).toThrow('tidak ditemukan');
    });
  });
});

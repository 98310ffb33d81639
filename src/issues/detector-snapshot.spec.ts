import type { DetectorPost, PassResult } from './detection/detection.types.js';
import { IssueDetector } from './detection/issue-detector.js';
import { toDetectorPost } from './detection/post-adapter.js';
import { decodeDetector, encodeDetector, SnapshotUnsupported } from './detector-snapshot.js';
import { WorkSlices } from './work-slices.js';

const BUCKET = 15 * 60_000;
const T0 = Date.UTC(2025, 0, 6);
const WORDS = 'makan siang kopi kerja kantor hujan panas film bola musik lagu teman keluarga anak sekolah'.split(' ');
const FLOOD = [
  'banjir lagi di sungai kunjang air masuk rumah #banjirsamarinda',
  'pengungsi banjir sungai kunjang butuh selimut dan makanan',
  'warga sungai kunjang mengungsi banjir makin tinggi',
];
const COPY = 'terima kasih bapak wali kota atas jembatan baru kota makin maju #samarindabangkit';

/** A day and a half of chatter, a flood and copied praise from many accounts from hour 30 on. */
function stream(): DetectorPost[] {
  let s = 7;
  const r = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  const posts: DetectorPost[] = [];
  for (let i = 0; i < 25 * 144; i++) {
    const at = T0 + Math.floor(i / 25) * BUCKET + (i % 25) * 35_000;
    const text = Array.from({ length: 7 }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
    posts.push(toDetectorPost({ id: `bg${i}`, text, createdAt: at, author: `u${Math.floor(r() * 2000)}` }));
  }
  for (let i = 0; i < 90; i++) {
    const at = T0 + 120 * BUCKET + i * 50_000;
    const text = `${FLOOD[i % FLOOD.length]} ${WORDS[(i * 7) % WORDS.length]}`;
    posts.push(toDetectorPost({ id: `bj${i}`, text, createdAt: at, author: `warga${i}` }));
    posts.push(toDetectorPost({ id: `cp${i}`, text: COPY, createdAt: at + 7_000, author: `akun${i}` }));
  }
  return posts.sort((a, b) => a.createdAt - b.createdAt);
}

/** Feeds `posts` with a pass at each new bucket (as the worker does); returns every pass's result. */
function run(detector: IssueDetector, posts: DetectorPost[], bucket: { at: number }): PassResult[] {
  const results: PassResult[] = [];
  for (const post of posts) {
    const b = Math.floor(post.createdAt / BUCKET);
    if (b > bucket.at) {
      results.push(detector.runPass(b * BUCKET));
      bucket.at = b;
    }
    detector.ingest(post);
  }
  return results;
}

const ids = (start = 0) => {
  let n = start;
  return {
    next: () => `isu-${++n}`,
    get count() {
      return n;
    },
  };
};

describe('detector snapshot', () => {
  const slices = () => new WorkSlices(5, () => false);

  it('should restore a detector that continues exactly as the one it was taken from', async () => {
    const posts = stream();
    const cut = posts.findIndex((p) => p.id === 'bj40'); // mid-story: open issues, held posts, copy groups
    const idsA = ids();
    const original = new IssueDetector({ bucketMs: BUCKET }, { newIssueId: idsA.next });
    const clock = { at: -Infinity };
    run(original, posts.slice(0, cut), clock);
    const bytes = await encodeDetector(original, new Map([[idsA.next, 'newIssueId']]), slices());
    const idsB = ids(idsA.count);
    const restored = await decodeDetector(bytes, new Map([['newIssueId', idsB.next]]), slices());

    expect(restored.issues()).toEqual(original.issues());
    expect(restored.stats()).toEqual(original.stats());
    expect(restored.exportBaselines()).toEqual(original.exportBaselines());
    expect(restored.exportCounts()).toEqual(original.exportCounts());
    const rest = posts.slice(cut);
    const after = run(restored, rest, { ...clock });
    const reference = run(original, rest, { ...clock });
    expect(after).toEqual(reference);
    expect(reference.some((r) => r.upserts.length > 0)).toBe(true);
    expect(restored.issues()).toEqual(original.issues());
    expect(original.issues().some((i) => i.postIds.some((id) => id.startsWith('bj')))).toBe(true);
  });

  it('should refuse a graph holding a function it was not told of', async () => {
    const detector = new IssueDetector({}, { newIssueId: () => 'x' });
    await expect(encodeDetector(detector, new Map(), slices())).rejects.toBeInstanceOf(SnapshotUnsupported);
  });
});

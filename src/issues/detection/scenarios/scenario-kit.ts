/**
 * Building blocks of the detector's scenario specs: a seeded day-rhythm background of chatter from many authors,
 * everyday topics that recur at a normal level, and event posts written in several wordings at one place. Posts are
 * DetectorPosts as the analysis engine would hand them over (tokens, places, category), so a scenario states exactly
 * what the detector sees.
 */
import type { DetectorPlace, DetectorPost, IssueSnapshot } from '../detection.types.js';
import type { DetectorConfig } from '../detector-config.js';
import { IssueDetector } from '../issue-detector.js';

export const BUCKET_MS = 15 * 60_000;
export const HOUR_MS = 3600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Monday 6 January 2025, 00:00 WITA (UTC+8). */
export const T0 = Date.UTC(2025, 0, 5, 16);

export const PLACES = {
  sungaiKunjang: { code: '64.72.06', name: 'Sungai Kunjang' },
  palaran: { code: '64.72.01', name: 'Palaran' },
  loaJanan: { code: '64.72.02', name: 'Loa Janan Ilir' },
  sempaja: { code: '64.72.07', name: 'Sempaja' },
  lempake: { code: '64.72.08', name: 'Lempake' },
  bukuan: { code: '64.72.09', name: 'Bukuan' },
  rapak: { code: '64.72.10', name: 'Rapak Dalam' },
  karangAsam: { code: '64.72.11', name: 'Karang Asam' },
} satisfies Record<string, DetectorPlace>;

/** Three kelurahan of Sungai Kunjang (64.72.06) and one of Palaran (64.72.01), codes as in idn-area-data. */
export const KELURAHAN = {
  karangAsamUlu: { code: '64.72.06.1003', name: 'Karang Asam Ulu' },
  lokBahu: { code: '64.72.06.1004', name: 'Lok Bahu' },
  telukLerongUlu: { code: '64.72.06.1005', name: 'Teluk Lerong Ulu' },
  rawaMakmur: { code: '64.72.01.1001', name: 'Rawa Makmur' },
} satisfies Record<string, DetectorPlace>;

/** The city the scenarios are set in, as a post that names only the city carries it. */
export const CITY: DetectorPlace = { code: '64.72', name: 'Kota Samarinda' };

const CHATTER =
  'makan siang kopi kerja kantor hujan panas film bola musik lagu teman keluarga anak sekolah kuliah tugas ujian libur pulang pagi malam sore nonton main game resep sambal motor foto jalan jalan'.split(
    ' ',
  );

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

/** Relative activity by local hour (night low, day high): the daily rhythm of every stream here. */
export function rhythm(at: number): number {
  const hour = Math.floor(((((at + 8 * HOUR_MS) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
  return hour < 5 ? 0.25 : hour < 8 ? 0.7 : hour < 22 ? 1 : 0.5;
}

export function post(
  id: string,
  at: number,
  author: string,
  text: string,
  extra: { places?: DetectorPlace[]; category?: string; hashtags?: string[] } = {},
): DetectorPost {
  return {
    id,
    createdAt: at,
    author,
    tokens: text.toLowerCase().split(/\s+/u).filter(Boolean),
    hashtags: extra.hashtags ?? [],
    places: extra.places ?? [],
    topics: [],
    category: extra.category,
  };
}

/** Chatter from `authors` accounts: about `perBucket` posts per bucket at the day's peak, from `from` to `to`. */
export function background(from: number, to: number, perBucket = 30, seed = 3, authors = 3000): DetectorPost[] {
  const r = rng(seed);
  const out: DetectorPost[] = [];
  for (let b = from; b < to; b += BUCKET_MS) {
    const n = Math.round(perBucket * rhythm(b));
    for (let i = 0; i < n; i++) {
      const at = b + Math.floor(r() * BUCKET_MS);
      const words = Array.from({ length: 8 }, () => CHATTER[Math.floor(r() * CHATTER.length)]);
      out.push(post(`bg-${b}-${i}`, at, `u${Math.floor(r() * authors)}`, words.join(' ')));
    }
  }
  return out;
}

/**
 * An everyday topic: `perHour` posts an hour at the day's peak (with the rhythm), each from a random author, its text
 * from `templates` with `{place}` filled by one of `places` at random.
 */
export function everyday(
  name: string,
  templates: readonly string[],
  places: readonly DetectorPlace[],
  from: number,
  to: number,
  perHour: number,
  seed: number,
  category?: string,
): DetectorPost[] {
  const r = rng(seed);
  const out: DetectorPost[] = [];
  for (let h = from; h < to; h += HOUR_MS) {
    const n = perHour * rhythm(h);
    const count = Math.floor(n) + (r() < n - Math.floor(n) ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const place = places[Math.floor(r() * places.length)];
      const template = templates[Math.floor(r() * templates.length)];
      const text = `${template.replace('{place}', place.name.toLowerCase())} ${CHATTER[Math.floor(r() * CHATTER.length)]}`;
      out.push(
        post(`${name}-${h}-${i}`, h + Math.floor(r() * HOUR_MS), `${name}-u${Math.floor(r() * 5000)}`, text, {
          places: [place],
          category,
        }),
      );
    }
  }
  return out;
}

/** An event: `count` posts by distinct authors from `from`, `gapMs` apart, cycling through `wordings` at `place`. */
export function event(
  name: string,
  wordings: readonly string[],
  place: DetectorPlace,
  from: number,
  count: number,
  gapMs: number,
  category: string,
  seed = 5,
): DetectorPost[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    // Six everyday words of the writer's own, so that two reports are not near-duplicates of each other.
    const own = Array.from({ length: 6 }, () => CHATTER[Math.floor(r() * CHATTER.length)]).join(' ');
    const text = `${wordings[i % wordings.length].replace('{place}', place.name.toLowerCase())} ${own}`;
    return post(`${name}-${i}`, from + i * gapMs, `${name}-warga${i}`, text, { places: [place], category });
  });
}

export interface ScenarioRun {
  detector: IssueDetector;
  issues: IssueSnapshot[];
}

/** Replays time-ordered posts through a fresh detector, a pass at every new bucket and one at `end`. */
export function replay(
  posts: DetectorPost[],
  end: number,
  config: Partial<DetectorConfig> = {},
  detector = new IssueDetector(config),
): ScenarioRun {
  const sorted = [...posts].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  let bucket = -Infinity;
  for (const p of sorted) {
    const b = Math.floor(p.createdAt / BUCKET_MS);
    if (b > bucket) {
      if (Number.isFinite(bucket)) {
        detector.runPass(b * BUCKET_MS);
      }
      bucket = b;
    }
    detector.ingest(p);
  }
  detector.runPass(end);
  return { detector, issues: detector.issues().filter((i) => i.state !== 'merged') };
}

/** Issues most of whose posts carry the id prefix `name-`. */
export function issuesOf(issues: readonly IssueSnapshot[], name: string): IssueSnapshot[] {
  return issues.filter((i) => i.postIds.filter((id) => id.startsWith(`${name}-`)).length * 2 > i.postIds.length);
}

/**
 * Posts of a story that names no kecamatan (a school is no place of the gazetteer): `count` authors from `from`,
 * `gapMs` apart, cycling through `wordings` with two everyday words of their own; every third post names the city.
 */
export function citywide(
  name: string,
  wordings: readonly string[],
  from: number,
  count: number,
  gapMs: number,
  category: string,
  seed: number,
): DetectorPost[] {
  const r = rng(seed);
  const own = (): string => CHATTER[Math.floor(r() * CHATTER.length)];
  return Array.from({ length: count }, (_, i) =>
    post(`${name}-${i}`, from + i * gapMs, `${name}-warga${i}`, `${wordings[i % wordings.length]} ${own()} ${own()}`, {
      category,
      places: i % 3 === 0 ? [CITY] : [],
    }),
  );
}

/** Each of two events is exactly one issue, and not the same one. */
export function expectSeparateIssues(issues: readonly IssueSnapshot[], a: string, b: string): void {
  const first = issuesOf(issues, a);
  const second = issuesOf(issues, b);
  expect(first).toHaveLength(1);
  expect(second).toHaveLength(1);
  expect(second[0].id).not.toBe(first[0].id);
}

/** Issues most of whose posts belong to none of `events`. */
export function falseIssues(issues: readonly IssueSnapshot[], events: readonly string[]): IssueSnapshot[] {
  return issues.filter(
    (i) => i.postIds.filter((id) => events.some((e) => id.startsWith(`${e}-`))).length * 2 <= i.postIds.length,
  );
}

/**
 * Shapes of the demo stream: a corpus written for Pantau Isu, set in Kota Samarinda (Kemendagri 64.72).
 * Every record is marked as demo data (`demo: true`, author handles prefixed with `demo_`, URLs on `.invalid`).
 */

export type DemoPlatform = 'x' | 'instagram' | 'facebook' | 'tiktok' | 'news' | 'youtube';

export const DEMO_PLATFORMS: readonly DemoPlatform[] = ['x', 'instagram', 'facebook', 'tiktok', 'news', 'youtube'];

/** Category slugs of the default taxonomy (ARCHITECTURE.md). */
export type DemoCategory =
  | 'infrastruktur'
  | 'bencana'
  | 'kesehatan'
  | 'pendidikan'
  | 'kependudukan'
  | 'lingkungan'
  | 'transportasi'
  | 'sosial'
  | 'ekonomi'
  | 'utilitas'
  | 'ketertiban'
  | 'tata-kelola'
  | 'pertanian'
  | 'lainnya';

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  'infrastruktur',
  'bencana',
  'kesehatan',
  'pendidikan',
  'kependudukan',
  'lingkungan',
  'transportasi',
  'sosial',
  'ekonomi',
  'utilitas',
  'ketertiban',
  'tata-kelola',
  'pertanian',
  'lainnya',
];

export type DemoSentiment = 'positive' | 'neutral' | 'negative';

export type DemoRegister = 'formal' | 'informal';

/** Story ids of the unfolding stories (background chatter has no story). */
export type DemoStory = 'banjir-sungai-kunjang' | 'pdam-mati' | 'pungutan-sekolah' | 'buzzer-pujian';

export const DEMO_STORIES: readonly DemoStory[] = [
  'banjir-sungai-kunjang',
  'pdam-mati',
  'pungutan-sekolah',
  'buzzer-pujian',
];

export interface DemoMetrics {
  likes: number;
  replies: number;
  reposts: number;
  views?: number;
}

/**
 * The labels the generator meant when it wrote the post. They are not platform data: they let tests and
 * evaluations check coverage (and compare with what the analysis finds); the ingest side may ignore them.
 */
export interface DemoPostTags {
  category: DemoCategory;
  sentiment: DemoSentiment;
  register: DemoRegister;
  /** Kemendagri code of the place the post is about (kelurahan, kecamatan, or the city 64.72), if any. */
  placeCode?: string;
  /** True when the text carries a synthetic NIK, phone number or e-mail (to exercise PII masking). */
  syntheticPii?: boolean;
}

/** One post of the corpus. Its time is an offset on the simulated clock, not a date. */
export interface DemoPost {
  externalId: string;
  text: string;
  /**
   * Simulated minutes since the corpus start, which is local midnight (WITA, UTC+8) of the first history day.
   * Offsets below `DEMO_HISTORY_MINUTES` are history; the rest is replayed.
   */
  offsetMinutes: number;
  author: string;
  authorName: string;
  url?: string;
  lang: 'id';
  metrics: DemoMetrics;
  platform: DemoPlatform;
  story?: DemoStory;
  demo: true;
  tags: DemoPostTags;
}

/** A post placed on the real clock by the replay planner. */
export interface PlannedDemoPost extends Omit<DemoPost, 'offsetMinutes'> {
  offsetMinutes: number;
  createdAt: Date;
}

export interface DemoLiveItem {
  /** When the post should be emitted (real clock); equals `post.createdAt`. */
  dueAt: Date;
  post: PlannedDemoPost;
}

export interface DemoReplayPlan {
  history: PlannedDemoPost[];
  live: DemoLiveItem[];
  /** Real time at which the replay starts (the `now` given to the planner). */
  startedAt: Date;
  /** Simulated minutes per real minute. */
  speed: number;
}

/** Three days of back-dated history. */
export const DEMO_HISTORY_MINUTES = 3 * 24 * 60;
/** Two simulated days replayed after start (2 real hours at the default speed). */
export const DEMO_LIVE_MINUTES = 2 * 24 * 60;
/**
 * Default replay speed: 1 real hour = 1 simulated day (24 simulated minutes per real minute). A 15-minute detection
 * bucket then holds 6 simulated hours, so the detector can still tell the stories apart in time; at 60 a bucket held
 * 15 simulated hours and the PDAM outage drowned in a day of background (docs/demo-stream.md).
 */
export const DEMO_DEFAULT_SPEED = 24;
/** Local time of the home region (WITA) in minutes east of UTC. */
export const DEMO_UTC_OFFSET_MINUTES = 8 * 60;

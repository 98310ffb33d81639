import type { DemoCategory, DemoPlatform, DemoSentiment, DemoStory } from './demo-post.types.js';

/** One hand-written post of an unfolding story, timed in simulated minutes after the replay starts. */
export interface StoryLine {
  at: number;
  voice: 'news' | 'official' | 'warga';
  register: 'formal' | 'informal';
  sentiment: DemoSentiment;
  text: string;
  /** Kelurahan name (from samarinda-places) the post is about. */
  kel?: string;
  /** Official account handle (without the `demo_` prefix) for official posts. */
  account?: string;
  platform?: DemoPlatform;
}

export interface StoryScript {
  story: DemoStory;
  category: DemoCategory;
  lines: StoryLine[];
}

type S = '+' | '0' | '-';
const SENT: Record<S, DemoSentiment> = { '+': 'positive', '0': 'neutral', '-': 'negative' };

/** Resident, informal. */
export const w = (at: number, s: S, text: string, kel?: string, platform?: DemoPlatform): StoryLine => ({
  at,
  voice: 'warga',
  register: 'informal',
  sentiment: SENT[s],
  text,
  kel,
  platform,
});

/** Resident, formal. */
export const wf = (at: number, s: S, text: string, kel?: string, platform?: DemoPlatform): StoryLine => ({
  at,
  voice: 'warga',
  register: 'formal',
  sentiment: SENT[s],
  text,
  kel,
  platform,
});

/** News portal. */
export const n = (at: number, s: S, text: string, kel?: string): StoryLine => ({
  at,
  voice: 'news',
  register: 'formal',
  sentiment: SENT[s],
  text,
  kel,
  platform: 'news',
});

/** Official account. */
export const o = (
  at: number,
  account: string,
  s: S,
  text: string,
  kel?: string,
  platform?: DemoPlatform,
): StoryLine => ({
  at,
  voice: 'official',
  register: 'formal',
  sentiment: SENT[s],
  text,
  kel,
  account,
  platform,
});

import { BACKGROUND_TEMPLATES_A } from './background-templates-a.js';
import { BACKGROUND_TEMPLATES_B } from './background-templates-b.js';
import { BACKGROUND_TEMPLATES_C } from './background-templates-c.js';
import type { BackgroundTemplate, CategoryTemplates } from './background-template.types.js';
import {
  DEMO_HISTORY_MINUTES,
  DEMO_LIVE_MINUTES,
  type DemoCategory,
  type DemoMetrics,
  type DemoPlatform,
  type DemoPost,
  type DemoRegister,
  type DemoSentiment,
  type DemoStory,
} from './demo-post.types.js';
import {
  NEWS_OUTLETS,
  OFFICIAL_ACCOUNTS,
  OFFICIAL_BY_CATEGORY,
  buildBuzzerAccounts,
  buildResidentPool,
  pickResident,
  type DemoAuthor,
} from './demo-authors.js';
import { toFormal, toInformal } from './register-transform.js';
import { DEMO_DISTRICTS, villageByName } from './samarinda-places.js';
import { SeededRandom } from './seeded-random.js';
import { BUZZER_ACCOUNT_COUNT, buildBuzzerLines } from './story-buzzer.js';
import { FLOOD_STORY } from './story-flood.js';
import type { StoryLine, StoryScript } from './story-line.js';
import { PDAM_STORY } from './story-pdam.js';
import { SCHOOL_FEE_STORY } from './story-school-fee.js';
import { fillTemplate } from './template-engine.js';

export const DEMO_DEFAULT_SEED = 6472;

export const BACKGROUND_TEMPLATES: readonly CategoryTemplates[] = [
  ...BACKGROUND_TEMPLATES_A,
  ...BACKGROUND_TEMPLATES_B,
  ...BACKGROUND_TEMPLATES_C,
];

export const STORY_SCRIPTS: readonly StoryScript[] = [FLOOD_STORY, PDAM_STORY, SCHOOL_FEE_STORY];

export interface DemoCorpusOptions {
  /** Number of background posts (stories come on top). */
  backgroundCount?: number;
}

/**
 * Relative posting activity by local hour (WITA): quiet at night, peaks in the morning and the evening.
 * The history part of the corpus follows it, so detection has a realistic baseline.
 */
export const HOURLY_ACTIVITY: readonly number[] = [
  0.12, 0.08, 0.05, 0.05, 0.1, 0.3, 0.65, 1.0, 1.0, 0.85, 0.7, 0.65, 0.75, 0.6, 0.55, 0.6, 0.75, 0.9, 0.95, 1.0, 0.95,
  0.8, 0.5, 0.25,
];

const SENT: Record<BackgroundTemplate['s'], DemoSentiment> = { neg: 'negative', neu: 'neutral', pos: 'positive' };
/** Complaints dominate what residents post about their city. */
const SENT_WEIGHT: Record<BackgroundTemplate['s'], number> = { neg: 1.3, neu: 1, pos: 0.8 };

const PII_RE = /\d{16}|\d{4} \d{4} \d{4} \d{4}|0811|\+62 811|@example\.(com|org)/;

const INFORMAL_OPENERS = [
  'min, ',
  'halo min, ',
  'lapor min! ',
  'gaes ',
  'warga samarinda, ',
  'info ',
  'curhat dikit: ',
  'plis ',
  'guys ',
  'duh ',
];
const INFORMAL_CLOSERS = [
  ' #samarinda',
  ' tolong di-up min',
  ' mohon dibantu',
  ' #infosamarinda',
  ' hadeh',
  ' wkwk',
  ' gimana nih',
  ' cmiiw',
  ' 🙏🙏',
  ' #kaltim',
];
const FORMAL_OPENERS = [
  'Assalamualaikum. ',
  'Selamat pagi, admin. ',
  'Mohon izin menyampaikan, ',
  'Sekadar informasi: ',
  'Yth. Pemkot Samarinda, ',
];
const NEWS_CLOSERS = [' Baca selengkapnya di tautan.', ' (red)', ' Simak berita lengkapnya.', '', '', ''];

interface Draft {
  text: string;
  offsetMinutes: number;
  author: DemoAuthor;
  platform: DemoPlatform;
  category: DemoCategory;
  sentiment: DemoSentiment;
  register: DemoRegister;
  placeCode?: string;
  story?: DemoStory;
  voice: 'news' | 'official' | 'warga';
  buzzer?: boolean;
}

/** Samples a minute in [0, total) with the daily rhythm. */
export function sampleRhythmMinute(rng: SeededRandom, totalMinutes: number): number {
  const days = Math.ceil(totalMinutes / 1440);
  for (;;) {
    const day = rng.int(0, days - 1);
    const hour = rng.weighted(HOURLY_ACTIVITY.map((w, h) => [h, w] as const));
    const minute = day * 1440 + hour * 60 + rng.int(0, 59);
    if (minute < totalMinutes) {
      return minute;
    }
  }
}

function platformFor(rng: SeededRandom, voice: Draft['voice'], register: DemoRegister): DemoPlatform {
  if (voice === 'news') {
    return rng.weighted([
      ['news', 8],
      ['facebook', 1],
      ['youtube', 1],
    ] as const);
  }
  if (voice === 'official') {
    return rng.weighted([
      ['instagram', 4],
      ['x', 3],
      ['facebook', 3],
    ] as const);
  }
  if (register === 'formal') {
    return rng.weighted([
      ['facebook', 5],
      ['x', 3],
      ['instagram', 2],
    ] as const);
  }
  return rng.weighted([
    ['x', 35],
    ['instagram', 20],
    ['facebook', 18],
    ['tiktok', 15],
    ['youtube', 12],
  ] as const);
}

function metricsFor(rng: SeededRandom, d: Draft): DemoMetrics {
  const boost = d.buzzer ? 0.15 : d.story ? 3 : 1;
  const base = d.voice === 'news' ? 40 : d.voice === 'official' ? 60 : 6;
  const likes = Math.round(rng.heavyTail(base * boost, 1.1));
  const replies = Math.round(rng.heavyTail(Math.max(1, likes * 0.15), 0.9));
  const reposts = Math.round(rng.heavyTail(Math.max(0.5, likes * (d.platform === 'x' ? 0.3 : 0.1)), 0.9));
  const m: DemoMetrics = { likes, replies, reposts };
  if (d.platform === 'news' || d.platform === 'tiktok' || d.platform === 'youtube') {
    m.views = Math.max(likes * 10, rng.heavyTail(d.platform === 'news' ? 1500 * boost : 3000 * boost, 1.2));
  }
  return m;
}

/** Gives a resident's post its final shape: opener/closer, register pass, platform habits. */
function finishResidentText(rng: SeededRandom, text: string, d: Omit<Draft, 'text'>, tpl?: CategoryTemplates): string {
  let out = text;
  if (d.register === 'informal') {
    if (rng.chance(0.2)) {
      out = rng.pick(INFORMAL_OPENERS) + out;
    }
    if (rng.chance(0.2)) {
      out = out + rng.pick(INFORMAL_CLOSERS);
    }
    out = toInformal(out, rng, { sentiment: d.sentiment });
    if (d.platform === 'tiktok' && rng.chance(0.6)) {
      out += ' #fyp #samarinda';
    }
    if (d.platform === 'instagram' && tpl && rng.chance(0.4)) {
      out += ` ${rng.pick(tpl.hashtags)}`;
    }
  } else {
    if (rng.chance(0.25)) {
      out = rng.pick(FORMAL_OPENERS) + out;
    }
    out = toFormal(out);
  }
  return out;
}

function finishNewsText(rng: SeededRandom, text: string, outlet: DemoAuthor): string {
  let out = text;
  if (rng.chance(0.3)) {
    out = out.replace('SAMARINDA –', `SAMARINDA, ${outlet.name.replace(' (demo)', '')} –`);
  }
  return toFormal(out + rng.pick(NEWS_CLOSERS));
}

function buildBackground(
  rng: SeededRandom,
  count: number,
  residents: readonly DemoAuthor[],
  seen: Set<string>,
): Draft[] {
  const total = DEMO_HISTORY_MINUTES + DEMO_LIVE_MINUTES;
  const drafts: Draft[] = [];
  const catWeights = BACKGROUND_TEMPLATES.map((c) => [c, c.weight] as const);
  let attempts = 0;
  while (drafts.length < count) {
    if (++attempts > count * 30) {
      throw new Error('demo corpus: templates cannot produce enough unique texts');
    }
    const cat = rng.weighted(catWeights);
    const tpl = rng.weighted(cat.templates.map((t) => [t, SENT_WEIGHT[t.s]] as const));
    const voice = tpl.k;
    const register: DemoRegister = voice === 'warga' && tpl.r === 'i' ? 'informal' : 'formal';
    const sentiment = SENT[tpl.s];
    const offsetMinutes = sampleRhythmMinute(rng, total);
    const filled = fillTemplate(tpl.t, rng, { banks: cat.banks, hashtags: cat.hashtags, mentions: cat.mentions });
    const platform = platformFor(rng, voice, register);
    let author: DemoAuthor;
    let text: string;
    if (voice === 'news') {
      author = rng.pick(NEWS_OUTLETS);
      text = finishNewsText(rng, filled.text, author);
    } else if (voice === 'official') {
      author = OFFICIAL_ACCOUNTS[OFFICIAL_BY_CATEGORY[cat.category]];
      text = toFormal(filled.text);
    } else {
      author = pickResident(rng, residents);
      const partial = { offsetMinutes, author, platform, category: cat.category, sentiment, register, voice };
      text = finishResidentText(rng, filled.text, partial, cat);
    }
    if (seen.has(text)) {
      continue;
    }
    seen.add(text);
    drafts.push({
      text,
      offsetMinutes,
      author,
      platform,
      category: cat.category,
      sentiment,
      register,
      placeCode: filled.placeCode,
      voice,
    });
  }
  return drafts;
}

function storyDraft(
  rng: SeededRandom,
  line: StoryLine,
  script: { story: DemoStory; category: DemoCategory },
  author: DemoAuthor,
): Draft {
  const platform = line.platform ?? platformFor(rng, line.voice, line.register);
  const placeCode = line.kel ? villageByName(line.kel).code : undefined;
  return {
    text: line.text,
    offsetMinutes: DEMO_HISTORY_MINUTES + line.at,
    author,
    platform,
    category: script.category,
    sentiment: line.sentiment,
    register: line.register,
    placeCode,
    story: script.story,
    voice: line.voice,
  };
}

function buildStories(rng: SeededRandom, residents: readonly DemoAuthor[]): Draft[] {
  const drafts: Draft[] = [];
  for (const script of STORY_SCRIPTS) {
    for (const line of script.lines) {
      const author =
        line.voice === 'news'
          ? rng.pick(NEWS_OUTLETS)
          : line.voice === 'official'
            ? OFFICIAL_ACCOUNTS[line.account ?? OFFICIAL_BY_CATEGORY[script.category]]
            : pickResident(rng, residents);
      if (!author) {
        throw new Error(`demo corpus: unknown official account ${line.account}`);
      }
      drafts.push(storyDraft(rng, line, script, author));
    }
  }
  const buzzers = buildBuzzerAccounts(rng, BUZZER_ACCOUNT_COUNT);
  buildBuzzerLines(rng, BUZZER_ACCOUNT_COUNT).forEach((line, i) => {
    drafts.push({
      ...storyDraft(rng, line, { story: 'buzzer-pujian', category: 'bencana' }, buzzers[i]),
      buzzer: true,
    });
  });
  return drafts;
}

/**
 * Builds the whole demo corpus, deterministically for a seed: background chatter over five simulated days
 * (three of history, two replayed) plus the hand-written stories inside the replayed part. Sorted by time.
 */
export function buildDemoCorpus(seed: number = DEMO_DEFAULT_SEED, options: DemoCorpusOptions = {}): DemoPost[] {
  const rng = new SeededRandom(seed);
  const residents = buildResidentPool(rng.fork('residents'), 900);
  const stories = buildStories(rng.fork('stories'), residents);
  const seen = new Set(stories.filter((d) => !d.buzzer).map((d) => d.text));
  const background = buildBackground(rng.fork('background'), options.backgroundCount ?? 1900, residents, seen);
  const metricsRng = rng.fork('metrics');
  const all = [...background, ...stories].sort(
    (a, b) =>
      a.offsetMinutes - b.offsetMinutes ||
      a.author.handle.localeCompare(b.author.handle) ||
      a.text.localeCompare(b.text),
  );
  return all.map((d, i): DemoPost => {
    const externalId = `demo-smd-${seed}-${String(i + 1).padStart(5, '0')}`;
    const post: DemoPost = {
      externalId,
      text: d.text,
      offsetMinutes: d.offsetMinutes,
      author: d.author.handle,
      authorName: d.author.name,
      url: `https://demo.pantau-isu.invalid/${d.platform}/${externalId}`,
      lang: 'id',
      metrics: metricsFor(metricsRng, d),
      platform: d.platform,
      demo: true,
      tags: {
        category: d.category,
        sentiment: d.sentiment,
        register: d.register,
        ...(d.placeCode ? { placeCode: d.placeCode } : {}),
        ...(PII_RE.test(d.text) ? { syntheticPii: true } : {}),
      },
    };
    if (d.story) {
      post.story = d.story;
    }
    return post;
  });
}

/** Kecamatan names of the home region, for callers that want to show where the demo is set. */
export const DEMO_DISTRICT_NAMES = DEMO_DISTRICTS.map((d) => d.name);

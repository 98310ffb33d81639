import { buildDemoCorpus } from './demo-corpus-builder.js';
import { DEMO_DEFAULT_SPEED, DEMO_HISTORY_MINUTES, DEMO_LIVE_MINUTES } from './demo-post.types.js';
import { planDemoReplay, takeDueDemoPosts } from './demo-replay-planner.js';

const corpus = buildDemoCorpus();
const MINUTE = 60_000;
// 14:25 WITA (06:25 UTC)
const now = new Date('2025-03-10T06:25:00Z');
/** Real minutes at the default speed for `m` real minutes at 60× (one simulated hour per real minute). */
const at60 = (m: number) => (m * 60) / DEMO_DEFAULT_SPEED;

describe('planDemoReplay', () => {
  const plan = planDemoReplay(corpus, now);

  it('should split the corpus into three days of history and a live replay', () => {
    expect(plan.history.length + plan.live.length).toBe(corpus.length);
    expect(plan.history.length).toBe(corpus.filter((p) => p.offsetMinutes < DEMO_HISTORY_MINUTES).length);
    for (const p of plan.history) {
      expect(p.createdAt.getTime()).toBeLessThan(now.getTime());
      expect(p.createdAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - DEMO_HISTORY_MINUTES * MINUTE);
      expect(p.story).toBeUndefined();
    }
  });

  it('should keep the local time of day of history posts, so the daily rhythm matches real hours', () => {
    for (const p of plan.history) {
      const localMinuteOfDay = Math.floor((p.createdAt.getTime() / MINUTE + 8 * 60) % 1440);
      expect(localMinuteOfDay).toBe(p.offsetMinutes % 1440);
    }
  });

  it('should replay the rest from now at one simulated day per real hour by default', () => {
    expect(plan.speed).toBe(24);
    expect(plan.live[0].dueAt.getTime() - now.getTime()).toBeLessThan(MINUTE);
    const last = plan.live[plan.live.length - 1];
    expect(last.dueAt.getTime()).toBeLessThanOrEqual(now.getTime() + (DEMO_LIVE_MINUTES / 24) * MINUTE);
    for (const item of plan.live) {
      expect(item.post.createdAt).toEqual(item.dueAt);
      const expected = now.getTime() + ((item.post.offsetMinutes - DEMO_HISTORY_MINUTES) * MINUTE) / 24;
      expect(item.dueAt.getTime()).toBe(expected);
    }
    for (let i = 1; i < plan.live.length; i++) {
      expect(plan.live[i].dueAt.getTime()).toBeGreaterThanOrEqual(plan.live[i - 1].dueAt.getTime());
    }
  });

  it('should bring the flood burst and the campaign within the first simulated quarter day', () => {
    const within = (story: string, minutes: number) =>
      plan.live.filter((i) => i.post.story === story && i.dueAt.getTime() < now.getTime() + at60(minutes) * MINUTE)
        .length;
    expect(within('banjir-sungai-kunjang', 2)).toBeGreaterThanOrEqual(5);
    expect(within('banjir-sungai-kunjang', 10)).toBeGreaterThanOrEqual(50);
    expect(within('buzzer-pujian', 12)).toBeGreaterThanOrEqual(38);
    expect(within('pdam-mati', 15)).toBeGreaterThanOrEqual(10);
    expect(within('pungutan-sekolah', 40)).toBeGreaterThanOrEqual(40);
  });

  it('should honour a configured speed', () => {
    const slow = planDemoReplay(corpus, now, { speed: 12 });
    const a = plan.live[plan.live.length - 1].dueAt.getTime() - now.getTime();
    const b = slow.live[slow.live.length - 1].dueAt.getTime() - now.getTime();
    expect(b).toBe(a * 2);
    expect(() => planDemoReplay(corpus, now, { speed: 0 })).toThrow(RangeError);
  });

  it('should give the same plan for the same inputs without mutating the corpus', () => {
    const again = planDemoReplay(corpus, now);
    expect(again).toEqual(plan);
    expect(corpus.some((p) => 'createdAt' in p)).toBe(false);
  });
});

describe('takeDueDemoPosts', () => {
  it('should hand out each live post once, in order, as time passes', () => {
    const plan = planDemoReplay(corpus, now);
    let cursor = 0;
    const seen: string[] = [];
    for (let m = 0; m <= at60(50); m += 5) {
      const step = takeDueDemoPosts(plan, cursor, new Date(now.getTime() + m * MINUTE));
      for (const item of step.due) {
        expect(item.dueAt.getTime()).toBeLessThanOrEqual(now.getTime() + m * MINUTE);
      }
      seen.push(...step.due.map((i) => i.post.externalId));
      cursor = step.cursor;
    }
    expect(seen).toEqual(plan.live.map((i) => i.post.externalId));
    expect(takeDueDemoPosts(plan, cursor, new Date(now.getTime() + at60(60) * MINUTE)).done).toBe(true);
  });
});

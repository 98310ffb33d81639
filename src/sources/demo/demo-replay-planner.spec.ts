import { buildDemoCorpus } from './demo-corpus-builder.js';
import { DEMO_HISTORY_MINUTES, DEMO_LIVE_MINUTES } from './demo-post.types.js';
import { planDemoReplay, takeDueDemoPosts } from './demo-replay-planner.js';

const corpus = buildDemoCorpus();
const MINUTE = 60_000;
// 14:25 WITA (06:25 UTC)
const now = new Date('2025-03-10T06:25:00Z');

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

  it('should replay the rest from now at one simulated hour per real minute by default', () => {
    expect(plan.speed).toBe(60);
    expect(plan.live[0].dueAt.getTime() - now.getTime()).toBeLessThan(MINUTE);
    const last = plan.live[plan.live.length - 1];
    expect(last.dueAt.getTime()).toBeLessThanOrEqual(now.getTime() + (DEMO_LIVE_MINUTES / 60) * MINUTE);
    for (const item of plan.live) {
      expect(item.post.createdAt).toEqual(item.dueAt);
      const expected = now.getTime() + ((item.post.offsetMinutes - DEMO_HISTORY_MINUTES) * MINUTE) / 60;
      expect(item.dueAt.getTime()).toBe(expected);
    }
    for (let i = 1; i < plan.live.length; i++) {
      expect(plan.live[i].dueAt.getTime()).toBeGreaterThanOrEqual(plan.live[i - 1].dueAt.getTime());
    }
  });

  it('should bring the flood burst and the campaign within the first real quarter hour', () => {
    const within = (story: string, minutes: number) =>
      plan.live.filter((i) => i.post.story === story && i.dueAt.getTime() < now.getTime() + minutes * MINUTE).length;
    expect(within('banjir-sungai-kunjang', 2)).toBeGreaterThanOrEqual(5);
    expect(within('banjir-sungai-kunjang', 10)).toBeGreaterThanOrEqual(50);
    expect(within('buzzer-pujian', 12)).toBeGreaterThanOrEqual(38);
    expect(within('pdam-mati', 15)).toBeGreaterThanOrEqual(10);
    expect(within('pungutan-sekolah', 40)).toBeGreaterThanOrEqual(40);
  });

  it('should honour a configured speed', () => {
    const slow = planDemoReplay(corpus, now, { speed: 30 });
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
    for (let m = 0; m <= 50; m += 5) {
      const step = takeDueDemoPosts(plan, cursor, new Date(now.getTime() + m * MINUTE));
      for (const item of step.due) expect(item.dueAt.getTime()).toBeLessThanOrEqual(now.getTime() + m * MINUTE);
      seen.push(...step.due.map((i) => i.post.externalId));
      cursor = step.cursor;
    }
    expect(seen).toEqual(plan.live.map((i) => i.post.externalId));
    expect(takeDueDemoPosts(plan, cursor, new Date(now.getTime() + 60 * MINUTE)).done).toBe(true);
  });
});

import {
  DEMO_DEFAULT_SPEED,
  DEMO_HISTORY_MINUTES,
  DEMO_UTC_OFFSET_MINUTES,
  type DemoLiveItem,
  type DemoPost,
  type DemoReplayPlan,
  type PlannedDemoPost,
} from './demo-post.types.js';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

export interface DemoReplayOptions {
  /** Simulated minutes per real minute (default 60: one real minute is one simulated hour). */
  speed?: number;
}

/**
 * Places the corpus on the real clock.
 *
 * History (offsets below three days) is back-dated into the three days before `now`, keeping each post's local
 * time of day (WITA) so the daily rhythm lines up with real hours: the corpus's three days are laid on the three
 * local days before today, and the part that would fall more than three days ago wraps forward by three days
 * into today (up to `now`). Every history post is strictly before `now`.
 *
 * The rest is replayed from `now`: a post `m` simulated minutes after the history ends is due at
 * `now + m / speed` real minutes, and its `createdAt` is that due time.
 */
export function planDemoReplay(
  corpus: readonly DemoPost[],
  now: Date,
  options: DemoReplayOptions = {},
): DemoReplayPlan {
  const speed = options.speed ?? DEMO_DEFAULT_SPEED;
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new RangeError('speed must be a positive number');
  }
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) {
    throw new RangeError('now must be a valid date');
  }
  const offsetMs = DEMO_UTC_OFFSET_MINUTES * MINUTE;
  const todayLocalMidnight = Math.floor((nowMs + offsetMs) / DAY) * DAY - offsetMs;
  const historyStart = todayLocalMidnight - 3 * DAY;
  const windowStart = nowMs - DEMO_HISTORY_MINUTES * MINUTE;

  const history: PlannedDemoPost[] = [];
  const live: DemoLiveItem[] = [];
  for (const post of corpus) {
    if (post.offsetMinutes < DEMO_HISTORY_MINUTES) {
      let t = historyStart + post.offsetMinutes * MINUTE;
      if (t < windowStart) {
        t += DEMO_HISTORY_MINUTES * MINUTE;
      }
      if (t >= nowMs) {
        t = nowMs - MINUTE;
      } // only when now is exactly local midnight
      history.push({ ...post, createdAt: new Date(t) });
    } else {
      const dueAt = new Date(nowMs + ((post.offsetMinutes - DEMO_HISTORY_MINUTES) * MINUTE) / speed);
      live.push({ dueAt, post: { ...post, createdAt: dueAt } });
    }
  }
  history.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.externalId.localeCompare(b.externalId));
  live.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.post.externalId.localeCompare(b.post.externalId));
  return { history, live, startedAt: new Date(nowMs), speed };
}

/**
 * The live items due by `now`, starting at `cursor` (an index into `plan.live`). Returns them with the next
 * cursor, so a scheduler can poll: `({ due, cursor } = takeDueDemoPosts(plan, cursor, new Date()))`.
 */
export function takeDueDemoPosts(
  plan: DemoReplayPlan,
  cursor: number,
  now: Date,
): { due: DemoLiveItem[]; cursor: number; done: boolean } {
  const t = now.getTime();
  let end = Math.max(0, cursor);
  while (end < plan.live.length && plan.live[end].dueAt.getTime() <= t) {
    end++;
  }
  return { due: plan.live.slice(cursor, end), cursor: end, done: end >= plan.live.length };
}

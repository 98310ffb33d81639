import { nextLifecycleState } from './issue-lifecycle.js';

const rules = { trendingMinVoices: 12, dormantAfterMs: 6 * 3600_000, declineShare: 0.5 };
const base = { now: 10 * 3600_000, detectedAt: 8 * 3600_000, lastActivityAt: 10 * 3600_000, reactivated: false };

describe('nextLifecycleState', () => {
  it('should move emerging → trending → declining → dormant and re-emerge when the story returns', () => {
    expect(nextLifecycleState({ ...base, state: 'emerging', hourVoices: 20, peakHourVoices: 20 }, rules)).toBe(
      'trending',
    );
    expect(nextLifecycleState({ ...base, state: 'trending', hourVoices: 5, peakHourVoices: 20 }, rules)).toBe(
      'declining',
    );
    expect(
      nextLifecycleState(
        { ...base, state: 'declining', hourVoices: 0, peakHourVoices: 20, now: base.now + 7 * 3600_000 },
        rules,
      ),
    ).toBe('dormant');
    expect(
      nextLifecycleState({ ...base, state: 'dormant', hourVoices: 6, peakHourVoices: 20, reactivated: true }, rules),
    ).toBe('emerging');
    expect(nextLifecycleState({ ...base, state: 'declining', hourVoices: 18, peakHourVoices: 20 }, rules)).toBe(
      'trending',
    );
  });
});

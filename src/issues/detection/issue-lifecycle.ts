/**
 * Lifecycle of an issue as the detector sees its activity: emerging → trending → declining → dormant, and back
 * (a declining issue that picks up again trends again; a dormant one whose story returns re-emerges). Analysts'
 * outcomes (dismissed, merged, followed_up) are kept apart and never overwritten by the detector.
 */
import type { LifecycleState } from './detection.types.js';

export interface LifecycleInput {
  state: LifecycleState;
  now: number;
  /** First detection time. */
  detectedAt: number;
  lastActivityAt: number;
  /** Distinct voices in the last hour, in the hour before, and the best hour so far. */
  hourVoices: number;
  peakHourVoices: number;
  /** True when a bursting key or a burst of new posts attached to the issue in this pass. */
  reactivated: boolean;
}

export interface LifecycleRules {
  trendingMinVoices: number;
  dormantAfterMs: number;
  /** Declining when the last hour falls to this share of the peak hour. */
  declineShare: number;
}

export function nextLifecycleState(input: LifecycleInput, rules: LifecycleRules): LifecycleState {
  const { state, now, hourVoices, peakHourVoices } = input;
  const idle = now - input.lastActivityAt;
  if (state === 'dormant') {
    return input.reactivated && idle < rules.dormantAfterMs ? 'emerging' : 'dormant';
  }
  if (idle >= rules.dormantAfterMs) {
    return 'dormant';
  }
  const fading = hourVoices <= rules.declineShare * peakHourVoices;
  const age = now - input.detectedAt;
  switch (state) {
    case 'emerging':
      if (hourVoices >= rules.trendingMinVoices) {
        return 'trending';
      }
      if (fading && age >= 3600_000) {
        return 'declining';
      }
      return 'emerging';
    case 'trending':
      return fading ? 'declining' : 'trending';
    case 'declining':
      if (hourVoices >= rules.trendingMinVoices && hourVoices >= 0.8 * peakHourVoices) {
        return 'trending';
      }
      return 'declining';
  }
}

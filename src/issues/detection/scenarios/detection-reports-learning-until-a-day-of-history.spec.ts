import { IssueDetector } from '../issue-detector.js';
import { background, DAY_MS, HOUR_MS, replay, T0 } from './scenario-kit.js';

// The default learning period (one day), stated so that the scenario does not move with the default.
const LEARNING = { learningHours: 24 };

it('detection reports that it is still learning until it has a day of history, imported or seen', () => {
  const half = replay(background(T0, T0 + 12 * HOUR_MS), T0 + 12 * HOUR_MS, LEARNING);
  expect(half.detector.status(T0 + 12 * HOUR_MS)).toMatchObject({ learning: true });
  const full = replay(background(T0, T0 + DAY_MS + HOUR_MS), T0 + DAY_MS + HOUR_MS, LEARNING);
  expect(full.detector.status(T0 + DAY_MS + HOUR_MS)).toMatchObject({ learning: false });
  // A restarted worker that imports the baselines of that day is not learning again.
  const restarted = new IssueDetector(LEARNING);
  restarted.importBaselines(full.detector.exportBaselines());
  expect(restarted.status(T0 + DAY_MS + 2 * HOUR_MS)).toMatchObject({ learning: false });
  expect(new IssueDetector(LEARNING).status(T0)).toMatchObject({ learning: true, historyHours: 0 });
});

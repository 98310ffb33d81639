import { evaluateOnStream } from './evaluation-runner.js';
import { generateStream, STREAM_SHAPES } from './stream-generator.js';

describe('detection evaluation', () => {
  it('should find most events of a small generated stream with fewer false issues than the spike rule', () => {
    const shape = { ...STREAM_SHAPES.quiet, days: 3, events: 5, name: 'small' };
    const row = evaluateOnStream(generateStream(7, shape));
    // Regression floor just under the measured level on this stream without the analysis engine (recall 3/5,
    // precision 4/4); the recall target (0.9) is NOT met here, see docs/detection.md.
    expect(row.detector.recall).toBeGreaterThanOrEqual(0.6);
    expect(row.detector.precision).toBeGreaterThanOrEqual(0.9);
    expect(row.detector.precision).toBeGreaterThan(row.baseline!.precision);
    expect(row.detector.campaignsFlagged).toBe(row.detector.campaignsTotal);
  });
});

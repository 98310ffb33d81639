import { cooldownDecision, evaluateRule, regionCovers } from './alert-rule-evaluator.js';
import type { AlertableIssue } from './alert.types.js';

function issue(overrides: Partial<AlertableIssue> = {}): AlertableIssue {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    label: 'banjir sungai kunjang',
    state: 'emerging',
    severity: 72,
    category: 'bencana',
    opd: 'BPBD',
    postCount: 120,
    authorCount: 85,
    firstDetectedAt: '2026-01-10T03:00:00.000Z',
    campaign: false,
    places: [{ code: '64.72.05', name: 'Sungai Kunjang' }],
    sentiment: { positive: 10, neutral: 20, negative: 70 },
    topPosts: [],
    topicIds: ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'],
    ...overrides,
  };
}

describe('evaluateRule', () => {
  it('should match an empty rule only on rising issues (emerging, trending by default)', () => {
    expect(evaluateRule({}, issue()).matched).toBe(true);
    expect(evaluateRule({}, issue({ state: 'trending' })).matched).toBe(true);
    expect(evaluateRule({}, issue({ state: 'declining' })).matched).toBe(false);
    expect(evaluateRule({}, issue({ state: 'dismissed' })).matched).toBe(false);
    expect(evaluateRule({ states: ['declining'] }, issue({ state: 'declining' })).matched).toBe(true);
  });

  it('should compare severity against the minimum, inclusive', () => {
    expect(evaluateRule({ minSeverity: 72 }, issue()).matched).toBe(true);
    const result = evaluateRule({ minSeverity: 73 }, issue());
    expect(result.matched).toBe(false);
    expect(result.checks.find((check) => check.condition === 'minSeverity')).toEqual({
      condition: 'minSeverity',
      matched: false,
      explanation: 'Tingkat keparahan 72; batas minimal 73.',
    });
  });

  it('should require the category to be one of the listed ones', () => {
    expect(evaluateRule({ categories: ['utilitas', 'bencana'] }, issue()).matched).toBe(true);
    expect(evaluateRule({ categories: ['utilitas'] }, issue()).matched).toBe(false);
    expect(evaluateRule({ categories: ['utilitas'] }, issue({ category: null })).matched).toBe(false);
  });

  it('should match regions by dotted Kemendagri prefix, not by string prefix', () => {
    expect(regionCovers('64', '64.72.05')).toBe(true);
    expect(regionCovers('64.72', '64.72')).toBe(true);
    expect(regionCovers('64.7', '64.72')).toBe(false);
    expect(regionCovers('6', '64.72')).toBe(false);
    expect(evaluateRule({ regionCodes: ['64.72'] }, issue()).matched).toBe(true);
    expect(evaluateRule({ regionCodes: ['33', '64.71'] }, issue()).matched).toBe(false);
    expect(evaluateRule({ regionCodes: ['64'] }, issue({ places: [] })).matched).toBe(false);
  });

  it('should compute the negative share over posts with a sentiment', () => {
    expect(evaluateRule({ minNegativeShare: 0.7 }, issue()).matched).toBe(true);
    expect(evaluateRule({ minNegativeShare: 0.71 }, issue()).matched).toBe(false);
    expect(
      evaluateRule({ minNegativeShare: 0.1 }, issue({ sentiment: { positive: 0, neutral: 0, negative: 0 } })).matched,
    ).toBe(false);
  });

  it('should match topics when the issue has any of them', () => {
    expect(evaluateRule({ topicIds: ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'b'] }, issue()).matched).toBe(true);
    expect(evaluateRule({ topicIds: ['bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'] }, issue()).matched).toBe(false);
    expect(
      evaluateRule({ topicIds: ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'] }, issue({ topicIds: undefined })).matched,
    ).toBe(false);
  });

  it('should filter campaigns in or out', () => {
    expect(evaluateRule({ campaign: true }, issue({ campaign: true })).matched).toBe(true);
    expect(evaluateRule({ campaign: true }, issue()).matched).toBe(false);
    expect(evaluateRule({ campaign: false }, issue({ campaign: true })).matched).toBe(false);
  });

  it('should explain every condition set, and match only when all do', () => {
    const result = evaluateRule(
      { minSeverity: 50, categories: ['bencana'], regionCodes: ['64'], minNegativeShare: 0.8 },
      issue(),
    );
    expect(result.matched).toBe(false);
    expect(result.checks.map((check) => [check.condition, check.matched])).toEqual([
      ['states', true],
      ['minSeverity', true],
      ['categories', true],
      ['regionCodes', true],
      ['minNegativeShare', false],
    ]);
    expect(result.checks[3].explanation).toBe('Lokasi isu di wilayah aturan: Sungai Kunjang (64.72.05).');
    expect(result.checks[4].explanation).toBe('Porsi sentimen negatif 70%; batas minimal 80%.');
  });
});

describe('cooldownDecision', () => {
  const now = new Date('2026-01-10T12:00:00.000Z');

  it('should allow the first alert of a (rule, issue)', () => {
    expect(cooldownDecision(null, 60, now)).toEqual({ allowed: true, nextAllowedAt: null });
  });

  it('should hold the next alert until the window from the previous one has passed', () => {
    const previous = new Date('2026-01-10T11:30:00.000Z');
    expect(cooldownDecision(previous, 60, now)).toEqual({
      allowed: false,
      nextAllowedAt: new Date('2026-01-10T12:30:00.000Z'),
    });
    expect(cooldownDecision(previous, 30, now).allowed).toBe(true);
    expect(cooldownDecision(previous, 29, now).allowed).toBe(true);
    expect(cooldownDecision(previous, 31, now).allowed).toBe(false);
  });

  it('should allow every alert with a zero cooldown', () => {
    expect(cooldownDecision(now, 0, now).allowed).toBe(true);
  });
});

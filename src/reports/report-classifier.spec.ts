import { classifyIssue, type ClassifiedIssue } from './report-classifier.js';

const base: ClassifiedIssue = {
  severityLevel: 'sedang',
  open: true,
  campaign: false,
  nearDuplicateShare: 0,
  sentiment: { positive: 0.2, neutral: 0.5, negative: 0.3 },
  overdueDispositions: 0,
};

describe('classifyIssue', () => {
  it('should put a campaign of copies under perlu klarifikasi, before anything else', () => {
    expect(classifyIssue({ ...base, campaign: true, overdueDispositions: 2 })?.group).toBe('perluKlarifikasi');
    expect(classifyIssue({ ...base, nearDuplicateShare: 0.4 })?.group).toBe('perluKlarifikasi');
  });

  it('should put negative issues of medium or higher severity, and overdue dispositions, under perlu perhatian', () => {
    const negative = { ...base, sentiment: { positive: 0.1, neutral: 0.3, negative: 0.6 } };
    expect(classifyIssue(negative)).toEqual({
      group: 'perluPerhatian',
      reason: 'Sentimen negatif 60% dengan tingkat keparahan sedang.',
    });
    expect(classifyIssue({ ...negative, severityLevel: 'rendah' })).toBeNull();
    expect(classifyIssue({ ...base, overdueDispositions: 1 })?.group).toBe('perluPerhatian');
  });

  it('should call mostly positive news good unless it is open at high severity', () => {
    const positive = { ...base, sentiment: { positive: 0.7, neutral: 0.2, negative: 0.1 } };
    expect(classifyIssue(positive)?.group).toBe('kabarBaik');
    expect(classifyIssue({ ...positive, severityLevel: 'tinggi' })).toBeNull();
    expect(classifyIssue({ ...positive, severityLevel: 'tinggi', open: false })?.group).toBe('kabarBaik');
    expect(classifyIssue(base)).toBeNull();
  });
});

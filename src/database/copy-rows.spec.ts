import { copyField } from './copy-rows.js';

describe('copyField', () => {
  it('should write NULL for null and undefined', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
  });

  it('should escape backslashes, tabs and line breaks so that a field stays one field', () => {
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField('\\N')).toBe('\\\\N');
  });

  it('should write dates as ISO 8601 and other values as text', () => {
    expect(copyField(new Date('2026-11-24T08:15:00.000Z'))).toBe('2026-11-24T08:15:00.000Z');
    expect(copyField(12)).toBe('12');
    expect(copyField(false)).toBe('false');
    expect(copyField('{"a":"b c"}')).toBe('{"a":"b c"}');
  });
});

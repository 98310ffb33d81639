import { int4Array, int8ArrayFromHex, timestamptzArray } from './binary-arrays.js';

describe('binary array parameters', () => {
  it('should write a bigint[] in the binary array format, hex digits as signed big-endian values', () => {
    const buffer = int8ArrayFromHex(['ffffffffffffffff', '0000000000000001']);
    expect(buffer.readInt32BE(0)).toBe(1); // one dimension
    expect(buffer.readInt32BE(4)).toBe(0); // no NULLs
    expect(buffer.readInt32BE(8)).toBe(20); // int8
    expect(buffer.readInt32BE(12)).toBe(2); // two elements
    expect(buffer.readInt32BE(16)).toBe(1); // lower bound
    expect(buffer.readInt32BE(20)).toBe(8);
    expect(buffer.readBigInt64BE(24)).toBe(-1n);
    expect(buffer.readBigInt64BE(36)).toBe(1n);
    expect(buffer.length).toBe(44);
  });

  it('should refuse a value that is not 16 hex digits', () => {
    expect(() => int8ArrayFromHex(['12'])).toThrow();
    expect(() => int8ArrayFromHex(['zzzzzzzzzzzzzzzz'])).toThrow();
  });

  it('should write an int[] and an empty array', () => {
    const buffer = int4Array([7, -3]);
    expect(buffer.readInt32BE(8)).toBe(23);
    expect(buffer.readInt32BE(24)).toBe(7);
    expect(buffer.readInt32BE(32)).toBe(-3);
    expect(int4Array([]).length).toBe(12);
    expect(int4Array([]).readInt32BE(0)).toBe(0);
  });

  it('should write a timestamptz[] as microseconds since 2000-01-01 UTC, before that date too', () => {
    const buffer = timestamptzArray([
      Date.UTC(2000, 0, 1),
      Date.UTC(2026, 11, 4, 18),
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
    ]);
    expect(buffer.readInt32BE(8)).toBe(1184);
    expect(buffer.readBigInt64BE(24)).toBe(0n);
    expect(buffer.readBigInt64BE(36)).toBe(BigInt(Date.UTC(2026, 11, 4, 18) - Date.UTC(2000, 0, 1)) * 1000n);
    expect(buffer.readBigInt64BE(48)).toBe(-1000n);
    expect(() => timestamptzArray([1.5])).toThrow();
  });
});

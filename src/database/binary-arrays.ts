/**
 * Array parameters in PostgreSQL's binary format, for the hot write paths. node-postgres sends a Buffer parameter in
 * binary, so a `$n::bigint[]` given one of these is read by array_recv: no text literal built in JavaScript, no
 * escaping of every element by node-postgres, no parse of decimal text by PostgreSQL.
 */
const INT4_OID = 23;
const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;
/** PostgreSQL's epoch (2000-01-01T00:00:00Z) in Unix milliseconds. */
const POSTGRES_EPOCH_MS = 946_684_800_000;

/**
 * A one-dimensional array without NULLs: header, then each element as its length and its bytes (`write` puts one
 * element's `elementBytes` bytes at `offset`).
 */
function binaryArray<T>(
  values: readonly T[],
  elementOid: number,
  elementBytes: number,
  write: (buffer: Buffer, offset: number, value: T) => void,
): Buffer {
  const count = values.length;
  const buffer = Buffer.allocUnsafe(count === 0 ? 12 : 20 + count * (4 + elementBytes));
  buffer.writeInt32BE(count === 0 ? 0 : 1, 0);
  buffer.writeInt32BE(0, 4);
  buffer.writeInt32BE(elementOid, 8);
  if (count > 0) {
    buffer.writeInt32BE(count, 12);
    buffer.writeInt32BE(1, 16);
  }
  let offset = 20;
  for (const value of values) {
    buffer.writeInt32BE(elementBytes, offset);
    write(buffer, offset + 4, value);
    offset += 4 + elementBytes;
  }
  return buffer;
}

/**
 * A bigint[] parameter from 64-bit values written as 16 hex digits each, big-endian two's complement (the first 8
 * bytes of a digest as `digest(…, 'hex')` gives them, read as PostgreSQL reads a signed int8).
 */
export function int8ArrayFromHex(values: readonly string[]): Buffer {
  return binaryArray(values, INT8_OID, 8, (buffer, offset, hex) => {
    if (hex.length !== 16 || buffer.write(hex, offset, 8, 'hex') !== 8) {
      throw new Error('int8ArrayFromHex: every value must be 16 hex digits');
    }
  });
}

/** An int[] parameter (32-bit signed integers). */
export function int4Array(values: readonly number[]): Buffer {
  return binaryArray(values, INT4_OID, 4, (buffer, offset, value) => buffer.writeInt32BE(value, offset));
}

/** A timestamptz[] parameter from Unix milliseconds (binary: microseconds since 2000-01-01 UTC as int8). */
export function timestamptzArray(values: readonly number[]): Buffer {
  return binaryArray(values, TIMESTAMPTZ_OID, 8, (buffer, offset, ms) => {
    if (!Number.isInteger(ms)) {
      throw new Error('timestamptzArray: every value must be whole milliseconds');
    }
    // Below 2^53 for any date this product stores; written as two 32-bit halves (two's complement when negative).
    const micros = (ms - POSTGRES_EPOCH_MS) * 1000;
    const high = Math.floor(micros / 4_294_967_296);
    buffer.writeInt32BE(high, offset);
    buffer.writeUInt32BE(micros - high * 4_294_967_296, offset + 4);
  });
}

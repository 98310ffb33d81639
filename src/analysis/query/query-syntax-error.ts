/** A malformed tracked-topic query. `message` is Bahasa Indonesia and names the 1-based character position. */
export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError';

  constructor(
    /** Machine-readable reason: 'empty', 'unbalanced-close', 'unbalanced-open', 'unterminated-quote', … */
    readonly code: string,
    /** Human description without the position, in Bahasa Indonesia. */
    readonly description: string,
    /** 1-based character position in the query text. */
    readonly position: number,
  ) {
    super(`${description} pada karakter ${position}`);
  }
}

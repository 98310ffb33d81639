/**
 * One author handle, however it was stored: platforms and importers write `@Budi`, `budi` or ` budi `. A data
 * subject's request (src/privacy) names the handle once; every spelling of it on that source is theirs.
 */
export function normaliseHandle(handle: string): string {
  return handle.trim().replace(/^@+/u, '').toLowerCase();
}

/** SQL of `normaliseHandle` over the column `column` (compare with a normalised parameter). */
export function normalisedHandleSql(column: string): string {
  return `lower(ltrim(btrim(${column}), '@'))`;
}

const REGEXP_SPECIALS = /[.*+?^${}()|[\]\\]/gu;

/**
 * Replaces the handle where a text names it (`@budi`, `budi`; any case, not inside a longer word) with `replacement`.
 * Returns the text unchanged when it does not name it.
 */
export function replaceHandle(text: string, handle: string, replacement: string): string {
  const bare = normaliseHandle(handle);
  if (bare === '') {
    return text;
  }
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_])@*${bare.replace(REGEXP_SPECIALS, '\\$&')}(?![\\p{L}\\p{N}_])`,
    'giu',
  );
  return text.replace(pattern, replacement);
}

/** `replaceHandle` over every string of a JSON-like value (keys too, for maps keyed by mentions). */
export function replaceHandleDeep(value: unknown, handle: string, replacement: string): unknown {
  if (typeof value === 'string') {
    return replaceHandle(value, handle, replacement);
  }
  if (Array.isArray(value)) {
    return value.map((item) => replaceHandleDeep(item, handle, replacement));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        replaceHandle(key, handle, replacement),
        replaceHandleDeep(item, handle, replacement),
      ]),
    );
  }
  return value;
}

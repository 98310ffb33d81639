/** Percentile bootstrap interval of a statistic over resampled rows (seeded: the same rows give the same interval). */
export function bootstrapInterval<T>(
  rows: readonly T[],
  statistic: (sample: readonly T[]) => number,
  options: { resamples?: number; level?: number; seed?: number } = {},
): { low: number; high: number } {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  let state = (options.seed ?? 12) >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from({ length: rows.length }, () => rows[Math.floor(next() * rows.length)]);
    values.push(statistic(sample));
  }
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))];
  return { low: at((1 - level) / 2), high: at(1 - (1 - level) / 2) };
}

/**
 * Severity of an issue in 0..100: a weighted sum of six normalised factors, each explained in Bahasa Indonesia.
 */
import type { SeverityFactor, SeverityResult } from './detection.types.js';

export interface SeverityInput {
  /** Distinct voices over the life. */
  voices: number;
  /** Distinct voices in the last hour and the hour before. */
  hourVoices: number;
  previousHourVoices: number;
  negativeShare: number;
  totalReach: number;
  /** Places with at least two posts. */
  places: number;
  category: string;
  categoryWeight: number;
}

export const SEVERITY_WEIGHTS: Record<SeverityFactor['factor'], number> = {
  volume: 0.25,
  velocity: 0.2,
  negativity: 0.2,
  reach: 0.1,
  spread: 0.1,
  category: 0.15,
};

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const num = (x: number): string => Math.round(x).toLocaleString('id-ID');

export function computeSeverity(input: SeverityInput): SeverityResult {
  const volume = Math.min(1, Math.log10(1 + input.voices) / Math.log10(1 + 1000));
  const growth = input.hourVoices / (input.previousHourVoices + 1);
  const velocity = Math.min(1, (Math.log2(1 + growth) / 3) * Math.min(1, input.hourVoices / 10));
  const negativity = Math.min(1, Math.max(0, input.negativeShare));
  const reach = Math.min(1, Math.log10(1 + Math.max(0, input.totalReach)) / 6);
  const spread = Math.min(1, Math.max(0, input.places - 1) / 4);
  const category = Math.min(1, Math.max(0, input.categoryWeight));
  const values: Record<SeverityFactor['factor'], [number, string]> = {
    volume: [volume, `${num(input.voices)} akun berbeda membicarakan isu ini`],
    velocity: [
      velocity,
      `${num(input.hourVoices)} akun dalam satu jam terakhir (satu jam sebelumnya ${num(input.previousHourVoices)})`,
    ],
    negativity: [negativity, `sentimen negatif ${pct(negativity)} dari unggahan`],
    reach: [reach, `jangkauan total sekitar ${num(input.totalReach)}`],
    spread: [spread, `tersebar di ${num(input.places)} wilayah`],
    category: [category, `kategori ${input.category} (bobot ${category.toFixed(2).replace('.', ',')})`],
  };
  const factors: SeverityFactor[] = (Object.keys(SEVERITY_WEIGHTS) as SeverityFactor['factor'][]).map((factor) => {
    const [value, note] = values[factor];
    const weight = SEVERITY_WEIGHTS[factor];
    return { factor, value: round3(value), weight, contribution: round3(weight * value * 100), note };
  });
  const score = round3(factors.reduce((s, f) => s + f.contribution, 0));
  const level = score >= 75 ? 'kritis' : score >= 50 ? 'tinggi' : score >= 25 ? 'sedang' : 'rendah';
  return { score, level, factors };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Runs the harness's detector-vs-spike evaluation over a blind generator's streams. Each stream names its own home
 * region, so the analysis engine (when given) is built per region.
 */
import { evaluateOnStream, type Analyze, type EvaluationRow } from '../evaluation-runner.js';
import type { BlindGenerator, GeneratorInputs } from './generator-kit.js';

type HarnessOptions = NonNullable<Parameters<typeof evaluateOnStream>[1]>;

export interface BlindEvaluationOptions {
  config?: HarnessOptions['config'];
  baseline?: boolean;
  /** The analysis engine for a home region (undefined: the detector's fallback tokeniser). */
  analyzeFor?: (homeRegion: string) => Analyze | undefined;
}

export function evaluateBlindSeeds(
  generator: BlindGenerator,
  seeds: readonly number[],
  inputs: GeneratorInputs,
  options: BlindEvaluationOptions = {},
): EvaluationRow[] {
  return seeds.map((seed) => {
    const stream = generator.generate(seed, inputs);
    const row = evaluateOnStream(stream, {
      config: options.config,
      baseline: options.baseline,
      analyze: options.analyzeFor?.(stream.homeRegion),
    });
    return { ...row, shape: `${generator.name}/${stream.startMode}` };
  });
}

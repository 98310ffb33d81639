/**
 * The blind stream generators by name, and the inputs they are built from at evaluation time (real background
 * sentences from the shared datasets' train splits, the idn-area-data gazetteer).
 */
import { loadAreaIndex } from './area-index.js';
import { loadBackgroundSentences } from './background-corpus.js';
import type { BlindGenerator, GeneratorInputs } from './generator-kit.js';
import { LINIMASA_GENERATOR } from './linimasa-generator.js';
import { WARGA_GENERATOR } from './warga-generator.js';

export type { BlindEvent, BlindGenerator, BlindStream, GeneratorInputs } from './generator-kit.js';

export const BLIND_GENERATORS: Readonly<Record<string, BlindGenerator>> = {
  [WARGA_GENERATOR.name]: WARGA_GENERATOR,
  [LINIMASA_GENERATOR.name]: LINIMASA_GENERATOR,
};

/** Reads the background sentences (PANTAU_DATASETS_DIR or the nearest shared/datasets) and the area index. */
export async function loadGeneratorInputs(datasetsDir?: string): Promise<GeneratorInputs> {
  const background = loadBackgroundSentences(datasetsDir);
  return { background, areas: await loadAreaIndex() };
}

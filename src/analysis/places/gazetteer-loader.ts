/**
 * Loads the gazetteer once from the idn-area-data package (asynchronous getters reading its CSV files).
 */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import { processShared } from '../shared/process-shared.js';
import { Gazetteer } from './gazetteer.js';

export interface LoadGazetteerOptions {
  /** Extra ordinary words that must not match as bare place names (lexicon words, category keywords…). */
  commonWords?: Iterable<string>;
}

/**
 * The compiled gazetteer. Without options the same instance is shared by every caller of the process (it is read-only
 * once built; a failed build is retried by the next call); with options a new one is built.
 */
export function loadGazetteer(options?: LoadGazetteerOptions): Promise<Gazetteer> {
  if (!options) {
    return processShared('analysis:gazetteer:default', () => build());
  }
  return build(options);
}

async function build(options: LoadGazetteerOptions = {}): Promise<Gazetteer> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  return new Gazetteer({ provinces, regencies, districts, villages }, options.commonWords);
}

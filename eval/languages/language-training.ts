/**
 * `npm run train:languages [-- --datasets DIR] [--check]` (entry: eval/train-languages.ts)
 *
 * Trains the language detector, the eight regional sentiment models and the emotion model from ../shared/datasets
 * and writes them under src/analysis/model/nusax/ and src/analysis/model/emot/. Training is deterministic (file
 * order, seeded shuffle, fixed ids and date), so the same datasets give the same bytes; `--check` writes nothing
 * and exits 1 when a committed file differs from a fresh training.
 *
 * - Language detector: naive Bayes on the NusaX train splits of all nine languages plus EmoT train (Indonesian).
 * - Regional sentiment: each language on its own NusaX train split only.
 * - Emotion: EmoT train only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EMOTION_MODEL_FILE, EMOTION_RECIPE, emotionFeatures } from '../../src/analysis/emotion/emotion-classifier.js';
import { HashedLinearModel } from '../../src/analysis/hashed-model/hashed-linear-model.js';
import {
  emitLanguageNgrams,
  LANGUAGE_NGRAMS,
  readLetters,
  createLetterBuffer,
} from '../../src/analysis/language/language-features.js';
import { LANGUAGE_MODEL_FILE } from '../../src/analysis/language/language-detector.js';
import { REGIONAL_LANGUAGES, type RegionalLanguageName } from '../../src/analysis/language/language.types.js';
import { modelInputOf, type ModelInput } from '../../src/analysis/language/model-input.js';
import {
  REGIONAL_SENTIMENT_RECIPE,
  regionalSentimentFeatures,
} from '../../src/analysis/language/regional-sentiment.js';
import { createSentimentScorer } from '../../src/analysis/sentiment/index.js';
import { getDefaultNormalizer } from '../../src/analysis/text/index.js';
import { repoRoot, resolveDatasetsDir } from '../eval-suite.js';
import { NUSAX_LANGUAGES, readEmot, readNusax, readRegional } from './language-datasets.js';

const CREATED_AT = '2026-12-02T00:00:00.000Z';
const NUSAX_LICENCE = 'CC-BY-SA-4.0 (NusaX, Winata et al. 2023; see LICENSE in this folder)';
const EMOT_LICENCE = 'Apache-2.0 (IndoNLU repository LICENSE; EmoT, Saputri et al. 2018; see NOTICE)';

/** Detector settings chosen on the valid splits (docs/analysis-languages.md). */
export const LANGUAGE_RECIPE = {
  bits: 16,
  alpha: 0.1,
  ngrams: LANGUAGE_NGRAMS,
  indonesianPrior: 2,
  otherBelow: -10,
  otherMinNgrams: 20,
} as const;

export function regionalModelFile(code: string): string {
  return `src/analysis/model/nusax/sentiment-${code}.json`;
}

let inputs: ((text: string) => ModelInput) | undefined;
/** ModelInput of a text, as the analyzer builds it (default normaliser, built-in lexicon). */
export function toModelInput(text: string): ModelInput {
  if (!inputs) {
    const normalizer = getDefaultNormalizer();
    const lexicon = createSentimentScorer({ normalizer });
    inputs = (t) => modelInputOf(t, normalizer, lexicon);
  }
  return inputs(text);
}

export function trainLanguageDetector(datasetsDir: string): HashedLinearModel {
  const examples = [
    ...NUSAX_LANGUAGES.flatMap(({ folder, code }) =>
      readNusax(datasetsDir, folder, 'train').map((r) => ({ input: r.text, label: code })),
    ),
    ...readEmot(datasetsDir, 'train').map((r) => ({ input: r.text, label: 'id' })),
  ];
  const { bits, alpha, ...recipe } = LANGUAGE_RECIPE;
  return HashedLinearModel.trainNaiveBayes(
    examples,
    (text: string, sink) => emitLanguageNgrams(readLetters(text, createLetterBuffer()), sink),
    {
      bits,
      alpha,
      id: 'language-id-nusax-1',
      createdAt: CREATED_AT,
      licence: NUSAX_LICENCE,
      data: 'NusaX-Senti train splits of 9 languages (500 each) + IndoNLU EmoT train (Indonesian)',
      recipe: { ...recipe, alpha },
    },
  );
}

export function trainRegionalSentiment(datasetsDir: string, name: RegionalLanguageName): HashedLinearModel {
  const code = REGIONAL_LANGUAGES[name];
  const examples = readRegional(datasetsDir, name, 'train').map((r) => ({
    input: toModelInput(r.text),
    label: r.label,
  }));
  const { bits, params, ...features } = REGIONAL_SENTIMENT_RECIPE;
  return HashedLinearModel.trainLogReg(examples, regionalSentimentFeatures, {
    bits,
    params,
    id: `sentiment-nusax-${code}-1`,
    createdAt: CREATED_AT,
    licence: NUSAX_LICENCE,
    data: `NusaX-Senti nusax-${name} train`,
    recipe: { ...features, ...params },
  });
}

export function trainEmotion(datasetsDir: string): HashedLinearModel {
  const examples = readEmot(datasetsDir, 'train').map((r) => ({ input: toModelInput(r.text), label: r.label }));
  const { bits, params, ...features } = EMOTION_RECIPE;
  return HashedLinearModel.trainLogReg(examples, emotionFeatures, {
    bits,
    params,
    id: 'emotion-emot-1',
    createdAt: CREATED_AT,
    licence: EMOT_LICENCE,
    data: 'IndoNLU EmoT train',
    recipe: { ...features, ...params },
  });
}

/** Every file train:languages writes: repository path → bytes. */
export function trainLanguageModels(datasetsDir: string): Map<string, string> {
  const bytes = (m: HashedLinearModel) => JSON.stringify(m.toJSON()) + '\n';
  const files = new Map<string, string>();
  files.set(LANGUAGE_MODEL_FILE, bytes(trainLanguageDetector(datasetsDir)));
  for (const [name, code] of Object.entries(REGIONAL_LANGUAGES)) {
    files.set(regionalModelFile(code), bytes(trainRegionalSentiment(datasetsDir, name as RegionalLanguageName)));
  }
  files.set(EMOTION_MODEL_FILE, bytes(trainEmotion(datasetsDir)));
  return files;
}

/** The files whose committed bytes differ from a fresh training (empty: all reproduced). */
export function languageModelsDiffering(datasetsDir: string): string[] {
  const root = repoRoot();
  return [...trainLanguageModels(datasetsDir)]
    .filter(([file, bytes]) => {
      try {
        return readFileSync(join(root, file), 'utf8') !== bytes;
      } catch {
        return true;
      }
    })
    .map(([file]) => file);
}

export function runTrainLanguages(argv: string[], out: NodeJS.WritableStream): number {
  const { values } = parseArgs({
    args: argv,
    options: { datasets: { type: 'string' }, check: { type: 'boolean', default: false } },
  });
  const datasetsDir = resolveDatasetsDir(values.datasets);
  if (values.check) {
    const differing = languageModelsDiffering(datasetsDir);
    out.write(
      differing.length ? `DIFFER from a fresh training: ${differing.join(', ')}\n` : 'all reproduced bit for bit\n',
    );
    return differing.length ? 1 : 0;
  }
  for (const [file, bytes] of trainLanguageModels(datasetsDir)) {
    writeFileSync(join(repoRoot(), file), bytes);
    out.write(`${file}: ${bytes.length} bytes\n`);
  }
  return 0;
}

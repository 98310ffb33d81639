/**
 * Rows of `npm run eval` for languages and emotions: the shipped files reproduce from the datasets; the language
 * detector on the NusaX splits of nine languages (and EmoT tweets, Indonesian); each regional sentiment model on its
 * language's split; end to end, the nine languages' splits pooled and routed by the detector; emotion on EmoT.
 * Floors sit just under the figures measured on the valid splits (docs/analysis-languages.md).
 *
 * End to end, a post detected as Indonesian (or other) is scored by a model trained the same way on NusaX-id train
 * only — never the shipped default, which saw SmSA train, where the Indonesian originals of NusaX test sentences are.
 */
import { SENTIMENT_LABELS } from '../../src/analysis/analysis.types.js';
import { EmotionClassifier, loadDefaultEmotionClassifier } from '../../src/analysis/emotion/emotion-classifier.js';
import { EMOTION_LABELS } from '../../src/analysis/emotion/emotion.types.js';
import { HashedLinearModel } from '../../src/analysis/hashed-model/hashed-linear-model.js';
import { loadDefaultLanguageDetector } from '../../src/analysis/language/language-detector.js';
import {
  isRegionalLanguage,
  LANGUAGE_CODES,
  REGIONAL_LANGUAGES,
  type RegionalLanguageName,
} from '../../src/analysis/language/language.types.js';
import {
  REGIONAL_SENTIMENT_RECIPE,
  RegionalSentiment,
  RegionalSentimentModel,
  regionalSentimentFeatures,
} from '../../src/analysis/language/regional-sentiment.js';
import { evaluate } from '../../src/analysis/model/index.js';
import type { EvalRow, EvalSuite } from '../eval-suite.js';
import { NUSAX_LANGUAGES, readEmot, readNusax, readRegional } from './language-datasets.js';
import { languageModelsDiffering, toModelInput } from './language-training.js';

/** Valid-split floors, just under the measured figures. */
export const LANGUAGE_FLOORS = {
  detectorAccuracy: 0.97,
  emotIndonesian: 0.97,
  regional: {
    javanese: 0.8,
    sundanese: 0.74,
    banjarese: 0.76,
    minangkabau: 0.8,
    balinese: 0.66,
    madurese: 0.74,
    // Measured 0.752 with `--suites languages,sentiment` and 0.745 in the full `npm run eval` on the same committed
    // model (same bytes): something other suites set changes the lexicon features between runs (not yet found, see
    // docs/analysis-languages.md). The floor sits under both.
    buginese: 0.74,
    acehnese: 0.78,
  } satisfies Record<RegionalLanguageName, number>,
  endToEnd: 0.78,
  emotion: 0.65,
};

export const languagesSuite: EvalSuite = {
  name: 'languages',
  async run(ctx) {
    const split = ctx.split;
    const rows: EvalRow[] = [];
    const base = { suite: 'languages' } as const;
    const differing = languageModelsDiffering(ctx.datasetsDir);
    rows.push({
      ...base,
      subject: 'language, regional sentiment and emotion models',
      data: `retrained (npm run train:languages)${differing.length ? ': differ ' + differing.join(', ') : ''}`,
      n: 10,
      metric: 'same bytes as committed (1 = yes)',
      value: differing.length === 0 ? 1 : 0,
      floor: 1,
    });

    const detector = loadDefaultLanguageDetector();
    const pooled = NUSAX_LANGUAGES.flatMap(({ folder, code }) =>
      readNusax(ctx.datasetsDir, folder, split).map((r) => ({ ...r, language: code })),
    );
    const detected = pooled.map((r) => detector.detect(r.text).code as string);
    const lid = evaluate(
      pooled.map((r) => r.language),
      detected,
      LANGUAGE_CODES.filter((c) => c !== 'other'),
    );
    rows.push({
      ...base,
      subject: `language detector ${detector.model.json.id}`,
      data: `NusaX 9 languages ${split}`,
      n: pooled.length,
      metric: 'accuracy',
      value: lid.accuracy,
      floor: LANGUAGE_FLOORS.detectorAccuracy,
    });
    rows.push({
      ...base,
      subject: `language detector ${detector.model.json.id}`,
      data: `NusaX 9 languages ${split}`,
      n: pooled.length,
      metric: 'macro-F1',
      value: lid.macroF1,
    });
    for (const { code } of NUSAX_LANGUAGES) {
      const mine = pooled.map((r, i) => ({ r, d: detected[i] })).filter((x) => x.r.language === code);
      rows.push({
        ...base,
        subject: `language detector ${detector.model.json.id}`,
        data: `nusax ${code} ${split}`,
        n: mine.length,
        metric: 'recall',
        value: mine.filter((x) => x.d === code).length / mine.length,
      });
    }
    const tweets = readEmot(ctx.datasetsDir, split);
    rows.push({
      ...base,
      subject: `language detector ${detector.model.json.id}`,
      data: `EmoT ${split} (Indonesian tweets)`,
      n: tweets.length,
      metric: 'detected as id',
      value: tweets.filter((t) => detector.detect(t.text).code === 'id').length / tweets.length,
      floor: LANGUAGE_FLOORS.emotIndonesian,
    });

    const regional = new RegionalSentiment();
    for (const [name, code] of Object.entries(REGIONAL_LANGUAGES)) {
      const data = readRegional(ctx.datasetsDir, name as RegionalLanguageName, split);
      const model = regional.modelFor(code)!;
      rows.push({
        ...base,
        subject: `regional sentiment ${model.model.json.id}`,
        data: `nusax-${name} ${split}`,
        n: data.length,
        metric: 'macro-F1',
        value: evaluate(
          data.map((r) => r.label),
          data.map((r) => model.predict(toModelInput(r.text)).label),
          SENTIMENT_LABELS,
        ).macroF1,
        floor: LANGUAGE_FLOORS.regional[name as RegionalLanguageName],
      });
    }

    // End to end: routed by the detector; Indonesian and other by a NusaX-id-only model of the same recipe.
    const { bits, params } = REGIONAL_SENTIMENT_RECIPE;
    const indonesian = new RegionalSentimentModel(
      HashedLinearModel.trainLogReg(
        readNusax(ctx.datasetsDir, 'nusax-id', 'train').map((r) => ({ input: toModelInput(r.text), label: r.label })),
        regionalSentimentFeatures,
        { bits, params, id: 'eval-sentiment-nusax-id', createdAt: '', licence: '', data: 'nusax-id train', recipe: {} },
      ),
    );
    const routed = pooled.map((r, i) => {
      const code = detected[i];
      const model = isRegionalLanguage(code) ? regional.modelFor(code)! : indonesian;
      return model.predict(toModelInput(r.text)).label;
    });
    rows.push({
      ...base,
      subject: 'detector → per-language sentiment (id: NusaX-id-trained, not the default)',
      data: `NusaX 9 languages pooled ${split}`,
      n: pooled.length,
      metric: 'macro-F1',
      value: evaluate(
        pooled.map((r) => r.label),
        routed,
        SENTIMENT_LABELS,
      ).macroF1,
      floor: LANGUAGE_FLOORS.endToEnd,
    });

    const emotion: EmotionClassifier = loadDefaultEmotionClassifier();
    rows.push({
      ...base,
      subject: `emotion ${emotion.model.json.id}`,
      data: `EmoT ${split}`,
      n: tweets.length,
      metric: 'macro-F1',
      value: evaluate(
        tweets.map((t) => t.label),
        tweets.map((t) => emotion.classify(toModelInput(t.text)).label),
        EMOTION_LABELS,
      ).macroF1,
      floor: LANGUAGE_FLOORS.emotion,
    });
    return rows;
  },
};

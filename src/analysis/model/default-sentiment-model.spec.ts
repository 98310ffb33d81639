import { createAnalyzer } from '../analyzer.js';
import { createSentimentScorer } from '../sentiment/index.js';
import { getDefaultNormalizer } from '../text/index.js';
import { DEFAULT_SENTIMENT_RECIPE, loadDefaultSentimentModel } from './default-sentiment-model.js';
import { isSentimentModel, predictSentiment } from './sentiment-model.js';

describe('the shipped default sentiment model', () => {
  const model = loadDefaultSentimentModel();

  it('should be the recipe trained on SmSA train, with the three sentiment labels', () => {
    expect(model.json.id).toBe(DEFAULT_SENTIMENT_RECIPE.id);
    expect(model.json.createdAt).toBe(DEFAULT_SENTIMENT_RECIPE.createdAt);
    expect(model.json.trainedOn).toBe(11000);
    expect(isSentimentModel(model)).toBe(true);
    expect(model.json.params).toMatchObject(DEFAULT_SENTIMENT_RECIPE.params);
  });

  it('should read plain praise and complaints the way a reader would, with the features as evidence', () => {
    const normalizer = getDefaultNormalizer();
    const praise = predictSentiment(model, normalizer.normalize('Pelayanannya ramah dan cepat, mantap sekali'));
    const complaint = predictSentiment(model, normalizer.normalize('Jalan rusak parah, pemerintah tidak peduli'));
    expect(praise).toMatchObject({ label: 'positive', source: 'model', modelVersion: DEFAULT_SENTIMENT_RECIPE.id });
    expect(complaint.label).toBe('negative');
    expect(complaint.evidence.length).toBeGreaterThan(0);
  });

  it('should give the same prediction from the shared lexicon result of the analyzer as from scoring the post itself', () => {
    const normalizer = getDefaultNormalizer();
    const lexicon = createSentimentScorer({ normalizer });
    const texts = [
      'Pelayanannya ramah dan cepat, mantap sekali',
      'Jalan rusak parah, pemerintah tidak peduli',
      'perbaikan jalan di kecamatan belum selesai',
      'aku takfaham kenapa pelayanan teruk, menyampah',
      'jangan sampai banjir lagi ya, mari donasi',
      'selamat pagi warga, info pemadaman listrik besok',
      '',
    ];
    for (const t of texts) {
      const n = normalizer.normalize(t);
      expect(predictSentiment(model, n, lexicon.scoreNormalized(n))).toEqual(predictSentiment(model, n));
    }
    // The analyzer hands its own built-in lexicon result to the model (one scoring per post).
    const seen: unknown[] = [];
    const analyzer = createAnalyzer({
      sentimentModel: (n, _masked, builtIn) => {
        seen.push(builtIn?.());
        return predictSentiment(model, n, builtIn?.());
      },
    });
    const a = analyzer.analyze(texts[1]);
    expect(seen[0]).toEqual(lexicon.scoreNormalized(normalizer.normalize(texts[1])));
    expect(a.sentiment).toEqual(predictSentiment(model, normalizer.normalize(texts[1])));
    // With an admin's local word the analyzer's lexicon is not the built-in one: nothing is handed over.
    const local = createAnalyzer({
      lexiconOverrides: { kocak: 0.5 },
      languages: false,
      emotion: false,
      sentimentModel: (n, _masked, builtIn) => {
        seen.push(builtIn);
        return predictSentiment(model, n);
      },
    });
    local.analyze(texts[0]);
    expect(seen[seen.length - 1]).toBeUndefined();
  });
});

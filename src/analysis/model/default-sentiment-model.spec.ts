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
});

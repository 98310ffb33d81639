import { createAnalyzer, explainAnalysis } from '../analyzer.js';
import { loadDefaultEmotionClassifier } from '../emotion/emotion-classifier.js';
import { HashedLinearModel } from '../hashed-model/hashed-linear-model.js';
import { loadDefaultLanguageDetector } from './language-detector.js';
import { RegionalSentiment } from './regional-sentiment.js';

// Hand-written sentences (not from any data set).
const JAVANESE = 'Aku ora seneng karo pelayanane, suwe banget lan wonge ora ramah blas.';
const SUNDANESE = 'Abdi teu resep pisan kana palayanan di dieu, lami pisan sareng teu aya nu ngabantosan.';
const INDONESIAN = 'Jalan di depan rumah saya rusak parah dan sampai sekarang belum juga diperbaiki.';
const ENGLISH = 'The road in front of my house has been broken for months and nobody seems to care about it.';

describe('LanguageDetector', () => {
  const detector = loadDefaultLanguageDetector();

  it('should tell Javanese, Sundanese and Indonesian apart and explain with the words that pointed to them', () => {
    const jv = detector.detect(JAVANESE);
    expect(jv.code).toBe('jv');
    expect(jv.evidence.length).toBeGreaterThan(0);
    expect(detector.detect(SUNDANESE).code).toBe('su');
    const id = detector.detect(INDONESIAN);
    expect(id.code).toBe('id');
    expect(id.evidence).toEqual([]);
  });

  it('should call English and texts without letters other', () => {
    expect(detector.detect(ENGLISH)).toMatchObject({ code: 'other', reason: 'unlike-any' });
    expect(detector.detect('😡😡 123 !!!')).toMatchObject({ code: 'other', reason: 'no-letters' });
    expect(detector.detect('')).toMatchObject({ code: 'other', reason: 'no-letters' });
  });

  it('should not read mentions, hashtags and links as words', () => {
    const r = detector.detect(`@wongjowo #ngopisore https://contoh.id/sing-ora ${INDONESIAN}`);
    expect(r.code).toBe('id');
  });
});

describe('HashedLinearModel', () => {
  it('should learn a separable problem and give the same file after a round trip through JSON', () => {
    const examples = ['apel manis', 'apel segar', 'jeruk asam', 'jeruk kecut'].map((t) => ({
      input: t,
      label: t.startsWith('apel') ? 'a' : 'j',
    }));
    const extract = (t: string, sink: { text(h: number): void }) => {
      for (const w of t.split(' ')) {
        sink.text([...w].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261));
      }
    };
    const meta = { bits: 8, id: 't', createdAt: 'x', licence: 'none', data: 'toy', recipe: {} };
    const model = HashedLinearModel.trainLogReg(examples, extract, meta);
    const again = HashedLinearModel.fromJSON(JSON.stringify(model.toJSON()));
    for (const m of [model, again]) {
      const scorer = m.scorer();
      const z = new Float64Array(2);
      extract('apel', scorer.reset());
      scorer.scores(z);
      expect(m.labels[z[0] > z[1] ? 0 : 1]).toBe('a');
    }
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(model.toJSON()));
    expect(() => HashedLinearModel.fromJSON({ ...model.toJSON(), weights: [1] })).toThrow(/Damaged/);
  });
});

describe('createAnalyzer with languages and emotion', () => {
  const analyzer = createAnalyzer();

  it('should score a Javanese post with the Javanese model and an Indonesian post without it', () => {
    const jv = analyzer.analyze(JAVANESE);
    expect(jv.language?.code).toBe('jv');
    expect(jv.sentiment).toMatchObject({ source: 'model', modelVersion: 'sentiment-nusax-jv-1', label: 'negative' });
    const id = analyzer.analyze(INDONESIAN);
    expect(id.language?.code).toBe('id');
    expect(id.sentiment.source).toBe('lexicon');
  });

  it('should load a regional model only when a post in that language comes', () => {
    const regional = new RegionalSentiment();
    const a = createAnalyzer({ languages: { regionalSentiment: regional } });
    a.analyze(INDONESIAN);
    expect(regional.loadedLanguages()).toEqual([]);
    a.analyze(SUNDANESE);
    expect(regional.loadedLanguages()).toEqual(['su']);
  });

  it('should give every post an emotion and explain language and emotion in Bahasa Indonesia', () => {
    const a = analyzer.analyze(
      'Alhamdulillah senang sekali akhirnya jalan desa kami diperbaiki, terima kasih pak bupati!',
    );
    expect(a.emotion?.label).toBe('happy');
    expect(a.emotion?.modelVersion).toBe(loadDefaultEmotionClassifier().model.json.id);
    const text = explainAnalysis(a);
    expect(text).toContain('Bahasa: bahasa Indonesia');
    expect(text).toContain('Emosi senang');
    expect(explainAnalysis(analyzer.analyze(JAVANESE))).toContain('Bahasa: bahasa Jawa');
  });

  it('should leave language and emotion out when turned off', () => {
    const a = createAnalyzer({ languages: false, emotion: false }).analyze(JAVANESE);
    expect(a.language).toBeUndefined();
    expect(a.emotion).toBeUndefined();
    expect(a.sentiment.source).toBe('lexicon');
  });
});

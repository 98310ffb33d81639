import { normalizeText } from '../text/index.js';
import { SentimentScorer } from '../sentiment/sentiment-scorer.js';
import { predictSentiment, TextClassifier } from './index.js';
import { extractFeatures } from './text-features.js';

const TRAIN = [
  ['pelayanan cepat dan ramah', 'positive'],
  ['petugas sigap, terima kasih', 'positive'],
  ['jalan sudah mulus, mantap', 'positive'],
  ['taman kota bersih dan indah', 'positive'],
  ['antre lama sekali, petugas jutek', 'negative'],
  ['jalan rusak tidak diperbaiki', 'negative'],
  ['ada pungli di kantor itu', 'negative'],
  ['lampu jalan mati berminggu-minggu', 'negative'],
  ['rapat digelar hari senin di balai kota', 'neutral'],
  ['jadwal posyandu diumumkan minggu depan', 'neutral'],
  ['pendaftaran dibuka mulai tanggal lima', 'neutral'],
  ['kantor kelurahan buka jam delapan', 'neutral'],
].map(([text, label]) => ({ text, label }));

describe('TextClassifier', () => {
  it('trains, serialises to versioned JSON, reloads and predicts the same', () => {
    const model = TextClassifier.train(TRAIN, { epochs: 30, minDf: 1, lexiconScale: 1 }, { id: 'uji-1' });
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    expect(json).toEqual(
      expect.objectContaining({
        version: 1,
        kind: 'logreg-ngram',
        id: 'uji-1',
        labels: ['negative', 'neutral', 'positive'],
      }),
    );
    expect(typeof json.createdAt).toBe('string');
    expect(json.params.lexiconScale).toBe(1);
    const reloaded = TextClassifier.fromJSON(json);
    for (const text of ['petugas ramah dan cepat', 'jalan rusak parah', 'rapat di balai kota']) {
      expect(reloaded.predict(text).label).toBe(model.predict(text).label);
    }
    expect(reloaded.predict('pelayanan cepat ramah sekali').label).toBe('positive');
    expect(reloaded.predict('jalan rusak dan lampu mati').label).toBe('negative');
    const s = predictSentiment(reloaded, normalizeText('petugas sigap dan ramah'));
    expect(s).toEqual(expect.objectContaining({ label: 'positive', source: 'model', modelVersion: 'uji-1' }));
  });

  it('classifies any label set (categories)', () => {
    const cats = [
      ['jalan berlubang di jalan ahmad yani', 'infrastruktur'],
      ['aspal jalan rusak dan jembatan retak', 'infrastruktur'],
      ['puskesmas kekurangan obat', 'kesehatan'],
      ['antrean bpjs di rumah sakit panjang', 'kesehatan'],
    ].map(([text, label]) => ({ text, label }));
    const m = TextClassifier.train(cats, { epochs: 30, minDf: 1, lexiconScale: 0 });
    expect(m.predict('jembatan rusak').label).toBe('infrastruktur');
    expect(m.predict('obat di puskesmas habis').label).toBe('kesehatan');
  });

  it('rejects unknown or inconsistent JSON with a clear error', () => {
    expect(() => TextClassifier.fromJSON({ kind: 'other', version: 1 })).toThrow(/Jenis model/);
    const m = TextClassifier.train(TRAIN, { epochs: 2, minDf: 1 });
    expect(() => TextClassifier.fromJSON({ ...m.toJSON(), version: 99 })).toThrow(/Versi/);
    expect(() => TextClassifier.train([{ text: 'a', label: 'x' }])).toThrow();
  });

  it('predicts a word-only model (the fast path) exactly as the sum over its named features', () => {
    const m = TextClassifier.fromJSON(
      TextClassifier.train(TRAIN, { epochs: 5, minDf: 1, charMax: 0, averageLastEpochs: 2 }).toJSON(),
    );
    const json = m.toJSON();
    const index = new Map(json.features.map((f, i) => [f, i]));
    const scorer = new SentimentScorer();
    // Repeated words and bigrams, unknown words, a hashtag and a post longer than the fast path's limit.
    const texts = [
      'jalan rusak rusak jalan rusak, petugas jutek jutek',
      'pelayanan cepat #mantap kata yang tidak dikenal',
      Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? 'ramah' : `kata${i % 7}`)).join(' '),
    ];
    for (const text of texts) {
      const n = normalizeText(text);
      const z = json.weights.map((row) => {
        let s = row[json.features.length];
        for (const [name, v] of extractFeatures(n, json.params, scorer)) {
          const i = index.get(name);
          s += i === undefined ? 0 : row[i] * v;
        }
        return s;
      });
      const max = Math.max(...z);
      const e = z.map((x) => Math.exp(x - max));
      const total = e.reduce((a, b) => a + b, 0);
      const p = m.predictNormalized(n);
      json.labels.forEach((label, k) => expect(p.probabilities[label]).toBeCloseTo(e[k] / total, 12));
      for (const f of p.topFeatures) {
        expect(index.has(f.feature)).toBe(true);
      }
    }
  });

  it('averages the weights of the last epochs when asked, and trains the same without it as before', () => {
    const last = TextClassifier.train(TRAIN, { epochs: 4, minDf: 1 }).toJSON().weights;
    const averaged = TextClassifier.train(TRAIN, { epochs: 4, minDf: 1, averageLastEpochs: 3 }).toJSON().weights;
    const again = TextClassifier.train(TRAIN, { epochs: 4, minDf: 1, averageLastEpochs: 0 }).toJSON().weights;
    expect(again).toEqual(last);
    expect(averaged).not.toEqual(last);
  });
});

import { normalizeText } from '../text/index.js';
import { predictSentiment, TextClassifier } from './index.js';

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
});

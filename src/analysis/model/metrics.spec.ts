import { evaluate, formatReport } from './metrics.js';
import { parseCsv, parseJsonl, parseTsv } from './labelled-file.js';

describe('metrics', () => {
  it('computes accuracy, macro-F1 and the confusion matrix', () => {
    const gold = ['positive', 'positive', 'neutral', 'negative', 'negative', 'negative'];
    const pred = ['positive', 'neutral', 'neutral', 'negative', 'positive', 'negative'];
    const r = evaluate(gold, pred, ['positive', 'neutral', 'negative']);
    expect(r.accuracy).toBeCloseTo(4 / 6);
    expect(r.confusion).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
    // F1: positive 0.5, neutral 2/3, negative 0.8
    expect(r.macroF1).toBeCloseTo((0.5 + 2 / 3 + 0.8) / 3);
    expect(formatReport(r)).toContain('macro-F1');
  });
});

describe('dataset readers', () => {
  it('reads TSV without header, quoted CSV with header, and JSONL', () => {
    expect(parseTsv('bagus sekali .\tpositive\njelek\tnegative\n')).toEqual([
      { text: 'bagus sekali .', label: 'positive' },
      { text: 'jelek', label: 'negative' },
    ]);
    expect(parseCsv('id,text,label\n1,"Enak, murah ""banget""",positive\n')).toEqual([
      { text: 'Enak, murah "banget"', label: 'positive' },
    ]);
    expect(parseJsonl('{"text":"a","label":"x"}\n\n{"text":"b","sentiment":"y"}\n')).toEqual([
      { text: 'a', label: 'x' },
      { text: 'b', label: 'y' },
    ]);
  });
});

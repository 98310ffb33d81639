/** Classification metrics: accuracy, per-class precision/recall/F1, macro-F1 and a confusion matrix. */
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  labels: string[];
  total: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** confusion[i][j]: gold labels[i] predicted as labels[j]. */
  confusion: number[][];
}

export function evaluate(
  gold: readonly string[],
  predicted: readonly string[],
  labels?: readonly string[],
): EvaluationReport {
  if (gold.length !== predicted.length) {
    throw new Error('gold and predicted differ in length');
  }
  const labelList = labels ? [...labels] : [...new Set([...gold, ...predicted])].sort();
  const index = new Map(labelList.map((l, i) => [l, i]));
  const k = labelList.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = index.get(gold[i]);
    const p = index.get(predicted[i]);
    if (g === undefined || p === undefined) {
      continue;
    }
    confusion[g][p]++;
    if (g === p) {
      correct++;
    }
  }
  const perClass: ClassMetrics[] = labelList.map((label, c) => {
    const tp = confusion[c][c];
    let fp = 0;
    let fn = 0;
    for (let j = 0; j < k; j++) {
      if (j === c) {
        continue;
      }
      fp += confusion[j][c];
      fn += confusion[c][j];
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: tp + fn };
  });
  const macroF1 = perClass.reduce((s, m) => s + m.f1, 0) / (k || 1);
  return {
    labels: labelList,
    total: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1,
    perClass,
    confusion,
  };
}

/** A plain-text report: accuracy, macro-F1, per-class figures and the confusion matrix. */
export function formatReport(report: EvaluationReport, title = ''): string {
  const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
  const lines: string[] = [];
  if (title) {
    lines.push(title);
  }
  lines.push(`n=${report.total}  accuracy=${pct(report.accuracy)}%  macro-F1=${pct(report.macroF1)}%`);
  lines.push('label        precision  recall     F1  support');
  for (const m of report.perClass) {
    lines.push(
      `${m.label.padEnd(12)} ${pct(m.precision)}%  ${pct(m.recall)}% ${pct(m.f1)}%  ${String(m.support).padStart(7)}`,
    );
  }
  const w = Math.max(9, ...report.labels.map((l) => l.length + 1));
  lines.push('confusion (rows: gold, columns: predicted)');
  lines.push(''.padEnd(w) + report.labels.map((l) => l.padStart(w)).join(''));
  report.confusion.forEach((row, i) => {
    lines.push(report.labels[i].padEnd(w) + row.map((v) => String(v).padStart(w)).join(''));
  });
  return lines.join('\n');
}

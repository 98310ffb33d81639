/**
 * A linear classifier over hashed features: one weight per (bucket, label) in a dense Float32Array, so that scoring a
 * post is one multiply-add per feature and label, with no feature strings and no map lookups. Two ways to train it:
 * softmax logistic regression (AdaGrad, L2, class-balanced) and multinomial naive Bayes (log-probabilities).
 *
 * Text features (word and character n-grams) count once per occurrence and are divided by √(number of text features)
 * (the L2 norm when no feature repeats); dense features (lexicon scores) are added as they are. A naive-Bayes model
 * sends every feature as dense, with the count as its value.
 *
 * The file keeps only the buckets training saw (ids delta-encoded, weights as integers × `scale`), so a model of a
 * few thousand features is a few hundred kB of JSON and loads in milliseconds.
 */
export const HASHED_MODEL_KIND = 'hashed-linear';
export const HASHED_MODEL_VERSION = 1;

export interface HashedModelJson {
  version: typeof HASHED_MODEL_VERSION;
  kind: typeof HASHED_MODEL_KIND;
  id: string;
  createdAt: string;
  /** The licence of the weights (that of the training data). */
  licence: string;
  /** What it was trained on (datasets and splits), and how many examples. */
  trainedOn: { data: string; examples: number };
  /** How the features were made and trained (read by the model's owner; not interpreted here). */
  recipe: Record<string, unknown>;
  labels: string[];
  bits: number;
  bias: number[];
  /** Weight of a bucket not in `buckets`, per label (0 for logistic regression, smoothed log-probability for NB). */
  fill: number[];
  scale: number;
  /** Bucket ids, ascending, each stored as the difference to the previous one. */
  buckets: number[];
  /** labels.length integers per bucket, in bucket order. */
  weights: number[];
}

/** Receives a post's features: text features once per occurrence, dense features with their value. */
export interface FeatureSink {
  text(hash: number): void;
  dense(hash: number, value: number): void;
}

export type FeatureExtractor<T> = (input: T, sink: FeatureSink) => void;

export interface LogRegParams {
  epochs: number;
  learningRate: number;
  l2: number;
  balanced: boolean;
  seed: number;
  /** Features (buckets) seen in fewer training examples are dropped from the file. */
  minDf: number;
}

export const DEFAULT_LOGREG_PARAMS: LogRegParams = {
  epochs: 10,
  learningRate: 0.5,
  l2: 1e-4,
  balanced: true,
  seed: 1,
  minDf: 1,
};

interface ModelMeta {
  id: string;
  createdAt: string;
  licence: string;
  data: string;
  recipe: Record<string, unknown>;
}

/** A training example as sparse buckets (already aggregated). */
interface SparseExample {
  idx: Int32Array;
  val: Float64Array;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Collects one post's features into aggregated buckets (training) — the same arithmetic as scoring. */
function sparseOf<T>(input: T, extract: FeatureExtractor<T>, mask: number): SparseExample {
  const text = new Map<number, number>();
  const dense = new Map<number, number>();
  let count = 0;
  extract(input, {
    text(hash) {
      const b = hash & mask;
      text.set(b, (text.get(b) ?? 0) + 1);
      count++;
    },
    dense(hash, value) {
      const b = hash & mask;
      dense.set(b, (dense.get(b) ?? 0) + value);
    },
  });
  const norm = 1 / Math.sqrt(count || 1);
  const all = new Map<number, number>();
  for (const [b, c] of text) {
    all.set(b, c * norm);
  }
  for (const [b, v] of dense) {
    all.set(b, (all.get(b) ?? 0) + v);
  }
  const keys = [...all.keys()].sort((x, y) => x - y);
  return { idx: Int32Array.from(keys), val: Float64Array.from(keys, (k) => all.get(k)!) };
}

export class HashedLinearModel {
  readonly labels: readonly string[];
  private readonly k: number;
  private readonly mask: number;
  private readonly bias: Float64Array;

  private constructor(
    readonly json: HashedModelJson,
    private readonly w: Float32Array,
  ) {
    this.labels = json.labels;
    this.k = json.labels.length;
    this.mask = (1 << json.bits) - 1;
    this.bias = Float64Array.from(json.bias);
  }

  /** Softmax logistic regression on the extracted features. Deterministic: same examples, same file. */
  static trainLogReg<T>(
    examples: ReadonlyArray<{ input: T; label: string }>,
    extract: FeatureExtractor<T>,
    options: { bits: number; params?: Partial<LogRegParams> } & ModelMeta,
  ): HashedLinearModel {
    const p = { ...DEFAULT_LOGREG_PARAMS, ...options.params };
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const K = labels.length;
    const size = 1 << options.bits;
    const mask = size - 1;
    const docs = examples.map((e) => sparseOf(e.input, extract, mask));
    const y = examples.map((e) => labels.indexOf(e.label));
    const classCount = new Array<number>(K).fill(0);
    for (const c of y) {
      classCount[c]++;
    }
    const classWeight = classCount.map((c) => (p.balanced ? examples.length / (K * c) : 1));
    const w = new Float64Array(size * K);
    const g2 = new Float64Array(size * K).fill(1e-8);
    const bias = new Float64Array(K);
    const gb = new Float64Array(K).fill(1e-8);
    const rand = mulberry32(p.seed);
    const order = docs.map((_, i) => i);
    const z = new Float64Array(K);
    for (let epoch = 0; epoch < p.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const d of order) {
        const { idx, val } = docs[d];
        let max = -Infinity;
        for (let k = 0; k < K; k++) {
          let s = bias[k];
          for (let t = 0; t < idx.length; t++) {
            s += w[idx[t] * K + k] * val[t];
          }
          z[k] = s;
          max = Math.max(max, s);
        }
        let sum = 0;
        for (let k = 0; k < K; k++) {
          z[k] = Math.exp(z[k] - max);
          sum += z[k];
        }
        const cw = classWeight[y[d]];
        for (let k = 0; k < K; k++) {
          const err = (z[k] / sum - (k === y[d] ? 1 : 0)) * cw;
          for (let t = 0; t < idx.length; t++) {
            const f = idx[t] * K + k;
            const g = err * val[t] + p.l2 * w[f];
            g2[f] += g * g;
            w[f] -= (p.learningRate * g) / Math.sqrt(g2[f]);
          }
          gb[k] += err * err;
          bias[k] -= (p.learningRate * err) / Math.sqrt(gb[k]);
        }
      }
    }
    const df = new Map<number, number>();
    for (const d of docs) {
      for (const b of d.idx) {
        df.set(b, (df.get(b) ?? 0) + 1);
      }
    }
    const kept = [...df.entries()].filter(([, c]) => c >= p.minDf).map(([b]) => b);
    return HashedLinearModel.pack(
      options,
      labels,
      Array.from(bias),
      new Array<number>(K).fill(0),
      kept,
      w,
      examples.length,
      1e4,
    );
  }

  /**
   * Multinomial naive Bayes with additive smoothing `alpha` over all 2^bits buckets and a uniform prior: weights are
   * log P(bucket | label). The extractor's features are counted with their values (send them as dense).
   */
  static trainNaiveBayes<T>(
    examples: ReadonlyArray<{ input: T; label: string }>,
    extract: FeatureExtractor<T>,
    options: { bits: number; alpha: number } & ModelMeta,
  ): HashedLinearModel {
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const K = labels.length;
    const size = 1 << options.bits;
    const mask = size - 1;
    const counts = new Float64Array(size * K);
    const totals = new Float64Array(K);
    for (const e of examples) {
      const k = labels.indexOf(e.label);
      const add = (hash: number, value: number) => {
        counts[(hash & mask) * K + k] += value;
        totals[k] += value;
      };
      extract(e.input, { text: (hash) => add(hash, 1), dense: add });
    }
    const denominators = Array.from(totals, (t) => Math.log(t + options.alpha * size));
    const fill = denominators.map((d) => Math.log(options.alpha) - d);
    const w = new Float64Array(size * K);
    const seen: number[] = [];
    for (let b = 0; b < size; b++) {
      let any = false;
      for (let k = 0; k < K; k++) {
        const c = counts[b * K + k];
        any ||= c > 0;
        w[b * K + k] = Math.log(c + options.alpha) - denominators[k];
      }
      if (any) {
        seen.push(b);
      }
    }
    return HashedLinearModel.pack(options, labels, new Array<number>(K).fill(0), fill, seen, w, examples.length, 1e2);
  }

  private static pack(
    meta: { bits: number } & ModelMeta,
    labels: string[],
    bias: number[],
    fill: number[],
    kept: number[],
    w: Float64Array,
    examples: number,
    scale: number,
  ): HashedLinearModel {
    const K = labels.length;
    kept.sort((a, b) => a - b);
    const weights: number[] = [];
    const buckets: number[] = [];
    let previous = 0;
    for (const b of kept) {
      buckets.push(b - previous);
      previous = b;
      for (let k = 0; k < K; k++) {
        weights.push(Math.round(w[b * K + k] * scale));
      }
    }
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    return HashedLinearModel.fromJSON({
      version: HASHED_MODEL_VERSION,
      kind: HASHED_MODEL_KIND,
      id: meta.id,
      createdAt: meta.createdAt,
      licence: meta.licence,
      trainedOn: { data: meta.data, examples },
      recipe: meta.recipe,
      labels,
      bits: meta.bits,
      bias: bias.map(round),
      fill: fill.map(round),
      scale,
      buckets,
      weights,
    });
  }

  /** Rebuilds a model from its file (throws a clear error on another kind, version or a damaged file). */
  static fromJSON(data: unknown): HashedLinearModel {
    const json = (typeof data === 'string' ? JSON.parse(data) : data) as HashedModelJson;
    if (!json || json.kind !== HASHED_MODEL_KIND || json.version !== HASHED_MODEL_VERSION) {
      throw new Error(`Unsupported model file: kind ${String(json?.kind)}, version ${String(json?.version)}`);
    }
    const K = json.labels.length;
    if (json.weights.length !== json.buckets.length * K || json.bias.length !== K || json.fill.length !== K) {
      throw new Error(`Damaged model file ${json.id}: weights do not match buckets and labels`);
    }
    const size = 1 << json.bits;
    const w = new Float32Array(size * K);
    if (json.fill.some((f) => f !== 0)) {
      for (let b = 0; b < size; b++) {
        w.set(json.fill, b * K);
      }
    }
    let bucket = 0;
    for (let i = 0; i < json.buckets.length; i++) {
      bucket += json.buckets[i];
      for (let k = 0; k < K; k++) {
        w[bucket * K + k] = json.weights[i * K + k] / json.scale;
      }
    }
    return new HashedLinearModel(json, w);
  }

  toJSON(): HashedModelJson {
    return this.json;
  }

  /** A fresh accumulator of one post's scores (reuse it across posts: `reset()` between them). */
  scorer(): HashedScorer {
    return new HashedScorer(this.w, this.bias, this.k, this.mask);
  }

  /** The weight of one feature for one label (for explanations). */
  weight(hash: number, label: number): number {
    return this.w[(hash & this.mask) * this.k + label];
  }
}

/** Accumulates one post's label scores; a FeatureSink, so an extractor writes straight into it. */
export class HashedScorer implements FeatureSink {
  private readonly textSum: Float64Array;
  private readonly denseSum: Float64Array;
  private count = 0;

  constructor(
    private readonly w: Float32Array,
    private readonly bias: Float64Array,
    readonly k: number,
    private readonly mask: number,
  ) {
    this.textSum = new Float64Array(k);
    this.denseSum = new Float64Array(k);
  }

  reset(): this {
    this.textSum.fill(0);
    this.denseSum.fill(0);
    this.count = 0;
    return this;
  }

  text(hash: number): void {
    const o = (hash & this.mask) * this.k;
    for (let k = 0; k < this.k; k++) {
      this.textSum[k] += this.w[o + k];
    }
    this.count++;
  }

  dense(hash: number, value: number): void {
    const o = (hash & this.mask) * this.k;
    for (let k = 0; k < this.k; k++) {
      this.denseSum[k] += this.w[o + k] * value;
    }
  }

  /** Adds `sums[offset + k]` (per-label sums of dense weights, each feature's value 1) to the dense scores. */
  addDenseSums(sums: Float64Array, offset: number): void {
    for (let k = 0; k < this.k; k++) {
      this.denseSum[k] += sums[offset + k];
    }
  }

  /** Adds the weights of bucket `hash` (value 1) to the per-label sums `out[offset..offset+k)`. */
  sumWeightsInto(hash: number, out: Float64Array, offset: number): void {
    const o = (hash & this.mask) * this.k;
    for (let k = 0; k < this.k; k++) {
      out[offset + k] += this.w[o + k];
    }
  }

  /**
   * Whether sums of dense weights of value 1 are exact in float64 whatever their order (so that partial sums may be
   * cached and added later): every weight a float32 of magnitude at least 2^-8, and at most `terms` of them summed
   * (each a multiple of 2^-31, a sum below 2^21 needs fewer than 53 bits).
   */
  exactDenseSums(terms: number): boolean {
    let max = 0;
    for (let i = 0; i < this.w.length; i++) {
      const a = Math.abs(this.w[i]);
      if (a !== 0 && a < 2 ** -8) {
        return false;
      }
      max = Math.max(max, a);
    }
    return max * terms < 2 ** 21;
  }

  /** How many text features were added. */
  get textFeatures(): number {
    return this.count;
  }

  /** The factor each text feature's weight was multiplied by. */
  get textScale(): number {
    return 1 / Math.sqrt(this.count || 1);
  }

  /** Raw scores per label (bias + features) into `out`. */
  scores(out: Float64Array): Float64Array {
    const norm = this.textScale;
    for (let k = 0; k < this.k; k++) {
      out[k] = this.bias[k] + this.textSum[k] * norm + this.denseSum[k];
    }
    return out;
  }
}

/** Softmax of raw scores in place; returns the index of the best label. */
export function softmaxInPlace(z: Float64Array): number {
  let best = 0;
  for (let k = 1; k < z.length; k++) {
    if (z[k] > z[best]) {
      best = k;
    }
  }
  const max = z[best];
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp(z[k] - max);
    sum += z[k];
  }
  for (let k = 0; k < z.length; k++) {
    z[k] /= sum;
  }
  return best;
}

/**
 * A generic trainable text classifier: multinomial logistic regression (softmax) on sparse word/character
 * n-gram features plus lexicon features, trained with AdaGrad and L2 regularisation. Works for any label set
 * (sentiment, categories). Serialises to versioned JSON so the app can store it in the database.
 */
import type { SentimentResult } from '../analysis.types.js';
import type { NormalizedText } from '../text/normalized-text.js';
import { getDefaultNormalizer, type TextNormalizer } from '../text/index.js';
import { SentimentScorer } from '../sentiment/sentiment-scorer.js';
import {
  countNorm,
  countTextFeatures,
  DEFAULT_FEATURE_PARAMS,
  extractFeatures,
  lexiconFeatures,
  type FeatureParams,
} from './text-features.js';

export const MODEL_FORMAT_VERSION = 1;
export const MODEL_KIND = 'logreg-ngram';

export interface TrainParams extends FeatureParams {
  /** L2 regularisation strength per example. */
  l2: number;
  epochs: number;
  learningRate: number;
  /** Weight examples inversely to their class frequency (helps macro-F1 on skewed data). */
  balanced: boolean;
  /** Features seen in fewer documents are dropped. */
  minDf: number;
  seed: number;
  /**
   * Keep the average of the weights after each of the last N epochs instead of the last weights (Polyak averaging:
   * less dependent on the order of the last examples). 0 or absent = the last weights.
   */
  averageLastEpochs?: number;
}

export const DEFAULT_TRAIN_PARAMS: TrainParams = {
  ...DEFAULT_FEATURE_PARAMS,
  l2: 1e-4,
  epochs: 12,
  learningRate: 0.5,
  balanced: true,
  minDf: 2,
  seed: 1,
};

export interface TextClassifierJson {
  version: number;
  kind: typeof MODEL_KIND;
  /** A name for this trained model (e.g. 'sentiment-2026-11-24T05:00:00Z'). */
  id: string;
  createdAt: string;
  params: TrainParams;
  labels: string[];
  features: string[];
  /** weights[k]: one row per label, features.length + 1 values (last = bias), rounded. */
  weights: number[][];
  trainedOn: number;
  metrics?: Record<string, number>;
}

export interface Prediction {
  label: string;
  probabilities: Record<string, number>;
  /** The features that pushed most towards the chosen label. */
  topFeatures: Array<{ feature: string; contribution: number }>;
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

/**
 * The word uni/bigram features of a model without character n-grams, keyed so that prediction builds no strings: a
 * unigram is looked up by the token itself (whose hash V8 keeps on the string), a bigram by two token ids.
 */
interface WordFeatureIndex {
  /** token → its unigram feature and bigram token id (-1 when none), and the per-post scratch of addWordFeatures. */
  words: Map<string, WordEntry>;
  /** id(a) × vocabulary size + id(b) → feature index of `b:a b`. */
  bigram: IntTable;
  vocabulary: number;
}

/** Non-negative int keys (< 2^30) → non-negative int values, open addressing in two flat arrays (few cache misses). */
class IntTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(entries: number) {
    let size = 16;
    while (size < entries * 2) {
      size *= 2;
    }
    this.keys = new Int32Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  set(key: number, value: number): void {
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= this.mask;
      if (this.keys[slot] === -1 || this.keys[slot] === key) {
        this.keys[slot] = key;
        this.values[slot] = value;
        return;
      }
      slot++;
    }
  }

  /** The value of `key`, or undefined. */
  get(key: number): number | undefined {
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= this.mask;
      const k = this.keys[slot];
      if (k === key) {
        return this.values[slot];
      }
      if (k === -1) {
        return undefined;
      }
      slot++;
    }
  }
}

interface WordEntry {
  /** Feature index of `w:token`, or -1. */
  unigram: number;
  /** Id of the token among the words of bigram features, or -1. */
  token: number;
  /** The post (scratch generation) that last gave `local`. */
  stamp: number;
  /** The word's id among the distinct words of that post. */
  local: number;
}

/** Reused arrays of addWordFeatures (one post at a time: analysis is synchronous). */
class WordScratch {
  generation = 0;
  readonly words: string[] = [];
  readonly local = new Int32Array(FAST_PATH_MAX_WORDS);
  readonly entries: Array<WordEntry | undefined> = [];
  readonly uniCount = new Int32Array(FAST_PATH_MAX_WORDS);
  readonly biCount = new Int32Array(FAST_PATH_MAX_WORDS);
  readonly firstAt = new Int32Array(FAST_PATH_MAX_WORDS);
  readonly biStamp = new Int32Array(FAST_PATH_MAX_WORDS * FAST_PATH_MAX_WORDS);
  readonly biFirst = new Int32Array(FAST_PATH_MAX_WORDS * FAST_PATH_MAX_WORDS);
  readonly unknown = new Map<string, number>();
}

/** Posts with more words than this take the general path (the fast one counts repeats by pairwise comparison). */
const FAST_PATH_MAX_WORDS = 96;

function buildWordFeatureIndex(features: readonly string[], params: FeatureParams): WordFeatureIndex | undefined {
  if (params.charMax > 0 || params.wordNgrams > 2) {
    return undefined;
  }
  const unigram = new Map<string, number>();
  const tokenId = new Map<string, number>();
  const pairs: Array<[string, string, number]> = [];
  const id = (t: string) => {
    let i = tokenId.get(t);
    if (i === undefined) {
      i = tokenId.size;
      tokenId.set(t, i);
    }
    return i;
  };
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    if (f.startsWith('w:')) {
      unigram.set(f.slice(2), i);
    } else if (f.startsWith('b:')) {
      const parts = f.slice(2).split(' ');
      if (parts.length !== 2) {
        return undefined;
      }
      id(parts[0]);
      id(parts[1]);
      pairs.push([parts[0], parts[1], i]);
    } else if (!f.startsWith('lex:')) {
      return undefined;
    }
  }
  const vocabulary = Math.max(1, tokenId.size);
  if (vocabulary * vocabulary >= 2 ** 30) {
    return undefined;
  }
  const bigram = new IntTable(pairs.length);
  for (const [a, b, i] of pairs) {
    bigram.set(tokenId.get(a)! * vocabulary + tokenId.get(b)!, i);
  }
  const words = new Map<string, WordEntry>();
  for (const t of new Set([...unigram.keys(), ...tokenId.keys()])) {
    words.set(t, { unigram: unigram.get(t) ?? -1, token: tokenId.get(t) ?? -1, stamp: 0, local: 0 });
  }
  return { words, bigram, vocabulary };
}

export class TextClassifier {
  private readonly index: Map<string, number>;
  private readonly scorer: SentimentScorer | undefined;
  /** The lexicon features come from the built-in lexicon (no scorer given): a caller's built-in result may be used. */
  private readonly builtInScorer: boolean;
  private readonly wordIndex: WordFeatureIndex | undefined;
  private readonly scratch = new WordScratch();
  /** The weights feature-major (feature × labels + label): one cache line per feature when scoring. */
  private readonly byFeature: Float64Array;

  private constructor(
    readonly json: TextClassifierJson,
    private readonly w: Float64Array[],
    private readonly normalizer: TextNormalizer,
    scorer?: SentimentScorer,
  ) {
    this.index = new Map(json.features.map((f, i) => [f, i]));
    const K = json.labels.length;
    this.byFeature = new Float64Array((json.features.length + 1) * K);
    for (let k = 0; k < K; k++) {
      for (let f = 0; f <= json.features.length; f++) {
        this.byFeature[f * K + k] = w[k][f];
      }
    }
    this.wordIndex = buildWordFeatureIndex(json.features, json.params);
    this.scorer = json.params.lexiconScale > 0 ? (scorer ?? new SentimentScorer()) : undefined;
    this.builtInScorer = !scorer;
  }

  get labels(): readonly string[] {
    return this.json.labels;
  }

  static train(
    examples: ReadonlyArray<{ text: string; label: string }>,
    params: Partial<TrainParams> = {},
    options: {
      id?: string;
      /** Fixed for a reproducible file (the shipped default model); the training time otherwise. */
      createdAt?: string;
      normalizer?: TextNormalizer;
      scorer?: SentimentScorer;
    } = {},
  ): TextClassifier {
    const p: TrainParams = { ...DEFAULT_TRAIN_PARAMS, ...params };
    if (examples.length === 0) {
      throw new Error('Tidak ada contoh berlabel untuk melatih model.');
    }
    const normalizer = options.normalizer ?? getDefaultNormalizer();
    const scorer = p.lexiconScale > 0 ? (options.scorer ?? new SentimentScorer()) : undefined;
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    if (labels.length < 2) {
      throw new Error('Model membutuhkan contoh dari sedikitnya dua label.');
    }
    const labelIndex = new Map(labels.map((l, i) => [l, i]));
    const docs = examples.map((e) => extractFeatures(normalizer.normalize(e.text), p, scorer));
    const df = new Map<string, number>();
    for (const d of docs) {
      for (const k of d.keys()) {
        df.set(k, (df.get(k) ?? 0) + 1);
      }
    }
    const features = [...df.entries()]
      .filter(([k, c]) => c >= p.minDf || k.startsWith('lex:'))
      .map(([k]) => k)
      .sort();
    const index = new Map(features.map((f, i) => [f, i]));
    const F = features.length;
    const K = labels.length;
    const sparse = docs.map((d) => {
      const idx: number[] = [];
      const val: number[] = [];
      for (const [k, v] of d) {
        const i = index.get(k);
        if (i !== undefined) {
          idx.push(i);
          val.push(v);
        }
      }
      return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
    });
    const y = examples.map((e) => labelIndex.get(e.label)!);
    const classCount = new Array<number>(K).fill(0);
    for (const c of y) {
      classCount[c]++;
    }
    const classWeight = classCount.map((c) => (p.balanced ? examples.length / (K * c) : 1));

    const w = Array.from({ length: K }, () => new Float64Array(F + 1));
    const g2 = Array.from({ length: K }, () => new Float64Array(F + 1).fill(1e-8));
    const rand = mulberry32(p.seed);
    const order = Array.from({ length: docs.length }, (_, i) => i);
    const z = new Float64Array(K);
    const averageOver = Math.min(p.epochs, Math.max(0, Math.floor(p.averageLastEpochs ?? 0)));
    const averaged = averageOver > 0 ? Array.from({ length: K }, () => new Float64Array(F + 1)) : undefined;
    for (let epoch = 0; epoch < p.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const d of order) {
        const { idx, val } = sparse[d];
        let max = -Infinity;
        for (let k = 0; k < K; k++) {
          let s = w[k][F];
          for (let t = 0; t < idx.length; t++) {
            s += w[k][idx[t]] * val[t];
          }
          z[k] = s;
          if (s > max) {
            max = s;
          }
        }
        let sum = 0;
        for (let k = 0; k < K; k++) {
          z[k] = Math.exp(z[k] - max);
          sum += z[k];
        }
        const cw = classWeight[y[d]];
        for (let k = 0; k < K; k++) {
          const err = (z[k] / sum - (k === y[d] ? 1 : 0)) * cw;
          const wk = w[k];
          const gk = g2[k];
          for (let t = 0; t < idx.length; t++) {
            const f = idx[t];
            const g = err * val[t] + p.l2 * wk[f];
            gk[f] += g * g;
            wk[f] -= (p.learningRate * g) / Math.sqrt(gk[f]);
          }
          gk[F] += err * err;
          wk[F] -= (p.learningRate * err) / Math.sqrt(gk[F]);
        }
      }
      if (averaged && epoch >= p.epochs - averageOver) {
        for (let k = 0; k < K; k++) {
          const ak = averaged[k];
          const wk = w[k];
          for (let f = 0; f <= F; f++) {
            ak[f] += wk[f] / averageOver;
          }
        }
      }
    }
    const final = averaged ?? w;
    const createdAt = options.createdAt ?? new Date().toISOString();
    const json: TextClassifierJson = {
      version: MODEL_FORMAT_VERSION,
      kind: MODEL_KIND,
      id: options.id ?? `model-${createdAt}`,
      createdAt,
      params: p,
      labels,
      features,
      weights: final.map((row) => Array.from(row, (v) => Math.round(v * 1e5) / 1e5)),
      trainedOn: examples.length,
    };
    return new TextClassifier(json, final, normalizer, scorer);
  }

  /** Rebuild a model from its JSON (throws a clear error on an unknown version or kind). */
  static fromJSON(
    data: unknown,
    options: { normalizer?: TextNormalizer; scorer?: SentimentScorer } = {},
  ): TextClassifier {
    const json = (typeof data === 'string' ? JSON.parse(data) : data) as TextClassifierJson;
    if (!json || json.kind !== MODEL_KIND) {
      throw new Error(`Jenis model tidak dikenal: ${String(json?.kind)}`);
    }
    if (json.version !== MODEL_FORMAT_VERSION) {
      throw new Error(`Versi model tidak didukung: ${String(json.version)}`);
    }
    if (!Array.isArray(json.weights) || json.weights.length !== json.labels.length) {
      throw new Error('Bobot model tidak sesuai dengan daftar label.');
    }
    const w = json.weights.map((row) => {
      if (row.length !== json.features.length + 1) {
        throw new Error('Bobot model tidak sesuai dengan daftar fitur.');
      }
      return Float64Array.from(row);
    });
    return new TextClassifier(json, w, options.normalizer ?? getDefaultNormalizer(), options.scorer);
  }

  toJSON(): TextClassifierJson {
    return this.json;
  }

  predict(text: string): Prediction {
    return this.predictNormalized(this.normalizer.normalize(text));
  }

  /**
   * `builtInLexicon`: the built-in lexicon scorer's result for `n` (default thresholds, no local words) when the caller
   * has it already; used for the lexicon features only when this model's scorer is that lexicon, so the sums are the
   * same as without it.
   */
  predictNormalized(n: NormalizedText, explain = 5, builtInLexicon?: SentimentResult): Prediction {
    // The same sums as training's features (bias first, then each feature in text order), without building the
    // feature map: one pass over the counts, each known feature added to every label's score at once.
    const params = this.json.params;
    const K = this.json.labels.length;
    const F = this.json.features.length;
    const z = new Array<number>(K);
    for (let k = 0; k < K; k++) {
      z[k] = this.w[k][F];
    }
    const idx: number[] = [];
    const val: number[] = [];
    const take = (name: string, x: number) => {
      const i = this.index.get(name);
      if (i === undefined) {
        return;
      }
      const o = i * K;
      for (let k = 0; k < K; k++) {
        z[k] += this.byFeature[o + k] * x;
      }
      if (explain > 0) {
        idx.push(i);
        val.push(x);
      }
    };
    if (!(this.wordIndex && this.addWordFeatures(n, this.wordIndex, z, explain > 0 ? { idx, val } : null))) {
      const counts = countTextFeatures(n, params);
      const norm = countNorm(counts);
      for (const [name, v] of counts) {
        take(name, v / norm);
      }
    }
    for (const [name, x] of lexiconFeatures(n, params, this.scorer, this.builtInScorer ? builtInLexicon : undefined)) {
      take(name, x);
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      if (z[k] > max) {
        max = z[k];
      }
    }
    let sum = 0;
    for (let k = 0; k < K; k++) {
      z[k] = Math.exp(z[k] - max);
      sum += z[k];
    }
    let best = 0;
    const probabilities: Record<string, number> = {};
    for (let k = 0; k < K; k++) {
      probabilities[this.json.labels[k]] = z[k] / sum;
      if (z[k] > z[best]) {
        best = k;
      }
    }
    return {
      label: this.json.labels[best],
      probabilities,
      topFeatures: this.topFeatures(best, idx, val, explain),
    };
  }

  /**
   * Adds the word uni/bigram features of `n` to the label scores `z`, with the same values and in the same order as
   * countTextFeatures (each distinct n-gram at its first occurrence, its count over the L2 norm of all counts), so the
   * sums are identical to the general path. False (nothing added) for a post too long for pairwise counting.
   */
  private addWordFeatures(
    n: NormalizedText,
    index: WordFeatureIndex,
    z: number[],
    explain: { idx: number[]; val: number[] } | null,
  ): boolean {
    const words = this.scratch.words;
    words.length = 0;
    for (const t of n.tokens) {
      const c = t.charCodeAt(0);
      if (c === 35 || c === 64 || t.startsWith('http')) {
        continue;
      }
      if (words.length === FAST_PATH_MAX_WORDS) {
        return false;
      }
      words.push(t);
    }
    const W = words.length;
    // Occurrences of each distinct unigram and bigram, counted at its first position (0 = a repeat). Each distinct
    // word of the post gets a local id (through its model entry, or a per-post map for words the model lacks), so
    // that a repeat is found by an array lookup, not by comparing with every earlier word.
    const scratch = this.scratch;
    const gen = ++scratch.generation;
    const { local, entries, uniCount, biCount, firstAt, biStamp, biFirst, unknown } = scratch;
    if (unknown.size > 0) {
      unknown.clear();
    }
    let locals = 0;
    for (let i = 0; i < W; i++) {
      const e = index.words.get(words[i]);
      entries[i] = e;
      let id: number;
      if (e) {
        if (e.stamp !== gen) {
          e.stamp = gen;
          e.local = locals;
          firstAt[locals++] = i;
        }
        id = e.local;
      } else {
        const u = unknown.get(words[i]);
        if (u === undefined) {
          unknown.set(words[i], locals);
          id = locals;
          firstAt[locals++] = i;
        } else {
          id = u;
        }
      }
      local[i] = id;
      uniCount[i] = 0;
      biCount[i] = 0;
    }
    let sumSquares = 0;
    for (let i = 0; i < W; i++) {
      uniCount[firstAt[local[i]]]++;
      if (i + 1 < W) {
        const key = local[i] * FAST_PATH_MAX_WORDS + local[i + 1];
        if (biStamp[key] !== gen) {
          biStamp[key] = gen;
          biFirst[key] = i;
        }
        biCount[biFirst[key]]++;
      }
    }
    for (let i = 0; i < W; i++) {
      sumSquares += uniCount[i] * uniCount[i] + biCount[i] * biCount[i];
    }
    const norm = Math.sqrt(sumSquares) || 1;
    const K = z.length;
    const add = (f: number | undefined, count: number) => {
      if (f === undefined) {
        return;
      }
      const x = count / norm;
      const o = f * K;
      for (let k = 0; k < K; k++) {
        z[k] += this.byFeature[o + k] * x;
      }
      if (explain) {
        explain.idx.push(f);
        explain.val.push(x);
      }
    };
    const V = index.vocabulary;
    for (let i = 0; i < W; i++) {
      const e = entries[i];
      if (uniCount[i] > 0 && e && e.unigram >= 0) {
        add(e.unigram, uniCount[i]);
      }
      if (biCount[i] > 0 && e && e.token >= 0) {
        const b = entries[i + 1];
        if (b && b.token >= 0) {
          add(index.bigram.get(e.token * V + b.token), biCount[i]);
        }
      }
    }
    return true;
  }

  /** The `explain` features contributing most (and positively) to the chosen label, strongest first. */
  private topFeatures(
    best: number,
    idx: readonly number[],
    val: readonly number[],
    explain: number,
  ): Prediction['topFeatures'] {
    const top: Prediction['topFeatures'] = [];
    for (let t = 0; t < idx.length; t++) {
      const contribution = this.w[best][idx[t]] * val[t];
      if (contribution <= 0 || (top.length === explain && contribution <= top[explain - 1].contribution)) {
        continue;
      }
      let at = top.length === explain ? explain - 1 : top.length;
      // Stable like the sort it replaces: an equal contribution stays after the earlier feature.
      while (at > 0 && top[at - 1].contribution < contribution) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = { feature: this.json.features[idx[t]], contribution };
    }
    return top.map((f) => ({ feature: f.feature, contribution: Math.round(f.contribution * 1000) / 1000 }));
  }
}

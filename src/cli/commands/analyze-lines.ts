/**
 * What `pantau analyze` does to a batch of input lines, in the main thread or in a worker (analyze.worker.ts): each
 * JSONL line `{id, text}` becomes one output line, a bad line becomes a message for stderr. One source of truth for
 * the output row, whichever thread runs it.
 */
import {
  createAnalyzer,
  explainAnalysis,
  loadGazetteer,
  type Analyzer,
  type TopicQuery,
} from '../../analysis/index.js';
import { loadDefaultSentimentModel, predictSentiment } from '../../analysis/model/index.js';

/** What an analyzer of the command is built from (sent to each worker as is). */
export interface AnalyzeSettings {
  topics: TopicQuery[];
  homeRegion?: string;
  /** The lexicon alone (`--lexicon`), no default model. */
  lexicon: boolean;
}

/** The command's analyzer (loads the gazetteer and, unless `lexicon`, the default model). */
export async function createCommandAnalyzer(settings: AnalyzeSettings): Promise<Analyzer> {
  const gazetteer = await loadGazetteer();
  const model = settings.lexicon ? undefined : loadDefaultSentimentModel();
  return createAnalyzer({
    topics: settings.topics,
    homeRegion: settings.homeRegion,
    gazetteer,
    sentimentModel: model && ((normalized, _masked, lexicon) => predictSentiment(model, normalized, lexicon?.())),
  });
}

/** A batch of input lines; `firstLine` is the 1-based number of `lines[0]` in the input. */
export interface LineBatch {
  firstLine: number;
  lines: string[];
}

export interface BatchResult {
  /** The output lines, each ending in '\n'. */
  out: string;
  /** Messages for stderr (bad lines), each ending in '\n', in input order. */
  errors: string;
  done: number;
  bad: number;
}

export function analyzeBatch(analyzer: Analyzer, batch: LineBatch): BatchResult {
  let out = '';
  let errors = '';
  let done = 0;
  let bad = 0;
  for (let i = 0; i < batch.lines.length; i++) {
    const line = batch.lines[i];
    const lineNo = batch.firstLine + i;
    if (line.trim() === '') {
      continue;
    }
    let post: { id?: unknown; text?: unknown };
    try {
      post = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch {
      bad++;
      errors += `pantau analyze: baris ${lineNo} bukan JSON yang sah, dilewati\n`;
      continue;
    }
    if (post === null || typeof post !== 'object' || typeof post.text !== 'string') {
      bad++;
      errors += `pantau analyze: baris ${lineNo} tidak memiliki "text" berupa teks, dilewati\n`;
      continue;
    }
    const a = analyzer.analyze(post.text);
    const row = {
      id: post.id ?? lineNo,
      sentiment: a.sentiment.label,
      score: a.sentiment.score,
      category: a.category.slug,
      opd: a.category.opd,
      locations: a.locations.map((l) => ({ code: l.code, name: l.name, level: l.level })),
      topics: a.topics.map((t) => t.id),
      maskedText: a.maskedText,
      explanation: explainAnalysis(a),
    };
    out += JSON.stringify(row) + '\n';
    done++;
  }
  return { out, errors, done, bad };
}

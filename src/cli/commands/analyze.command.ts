/**
 * `pantau analyze --input FILE|- [--topics topics.json] [--home-region 33.08] [--lexicon]`
 *
 * Reads JSONL posts `{id, text}` (one per line, `-` for stdin) and writes one JSON line per post:
 * `{id, sentiment, score, category, opd, locations: [{code, name, level}], topics, maskedText, explanation}`.
 * Streaming (readline), no server, no database. Sentiment comes from the shipped default model
 * (src/analysis/model/default-sentiment-model.ts), as on a new server; `--lexicon` uses the lexicon alone.
 *
 * A bad line (not JSON, no string `text`) is reported on stderr with its line number and skipped; the command goes on
 * and exits with code 1 at the end if any line was skipped. A topics file that does not parse, or a query with a syntax
 * error, stops the command before any post is read (exit code 2).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createAnalyzer, explainAnalysis, loadGazetteer, type TopicQuery } from '../../analysis/index.js';
import { loadDefaultSentimentModel, predictSentiment } from '../../analysis/model/index.js';

export interface AnalyzeCommandOptions {
  input: string;
  topics?: string;
  homeRegion?: string;
  /** false unless --lexicon: the default model scores sentiment. */
  lexicon?: boolean;
}

export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('Analisis pos (JSONL {id, text}) tanpa server: sentimen, kategori/OPD, lokasi, topik, PII disamarkan')
    .requiredOption('-i, --input <file>', 'berkas JSONL, atau - untuk stdin')
    .option('-t, --topics <file>', 'berkas JSON berisi daftar topik [{id, query}]')
    .option(
      '--home-region <code>',
      'kode wilayah Kemendagri (bawaan: PANTAU_HOME_REGION)',
      process.env.PANTAU_HOME_REGION,
    )
    .option('--lexicon', 'sentimen dari leksikon saja (tanpa model bawaan)')
    .action(async (opts: AnalyzeCommandOptions) => {
      process.exitCode = await runAnalyze(opts, process.stdout, process.stderr);
    });
}

function readTopics(path: string): TopicQuery[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = Array.isArray(raw) ? raw : (raw as { topics?: unknown })?.topics;
  if (!Array.isArray(list)) {
    throw new Error('berkas topik harus berupa larik [{id, query}]');
  }
  return list.map((t: unknown, i: number) => {
    const o = t as { id?: unknown; query?: unknown };
    if (typeof o?.query !== 'string' || (typeof o.id !== 'string' && typeof o.id !== 'number')) {
      throw new Error(`topik ke-${i + 1} harus memiliki id dan query (teks)`);
    }
    return { id: String(o.id), query: o.query };
  });
}

async function write(out: NodeJS.WritableStream, line: string): Promise<void> {
  if (!out.write(line)) {
    await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
}

/** Runs the command; returns the exit code. */
export async function runAnalyze(
  opts: AnalyzeCommandOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  let topics: TopicQuery[] = [];
  if (opts.topics) {
    try {
      topics = readTopics(opts.topics);
    } catch (e) {
      err.write(`pantau analyze: berkas topik ${opts.topics} tidak dapat dibaca: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const gazetteer = await loadGazetteer();
  const model = opts.lexicon ? undefined : loadDefaultSentimentModel();
  const analyzer = createAnalyzer({
    topics,
    homeRegion: opts.homeRegion,
    gazetteer,
    sentimentModel: model && ((normalized, _masked, lexicon) => predictSentiment(model, normalized, lexicon?.())),
  });
  if (analyzer.topicErrors.length > 0) {
    for (const t of analyzer.topicErrors) {
      err.write(`pantau analyze: kueri topik "${t.id}" tidak sah: ${t.message}\n`);
    }
    return 2;
  }
  const input = opts.input === '-' ? process.stdin : createReadStream(opts.input, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let bad = 0;
  let done = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') {
        continue;
      }
      let post: { id?: unknown; text?: unknown };
      try {
        post = JSON.parse(line) as { id?: unknown; text?: unknown };
      } catch {
        bad++;
        err.write(`pantau analyze: baris ${lineNo} bukan JSON yang sah, dilewati\n`);
        continue;
      }
      if (post === null || typeof post !== 'object' || typeof post.text !== 'string') {
        bad++;
        err.write(`pantau analyze: baris ${lineNo} tidak memiliki "text" berupa teks, dilewati\n`);
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
      await write(out, JSON.stringify(row) + '\n');
      done++;
    }
  } catch (e) {
    err.write(
      `pantau analyze: masukan ${opts.input} tidak dapat dibaca: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
    );
    return 2;
  }
  err.write(`pantau analyze: ${done} pos dianalisis${bad ? `, ${bad} baris dilewati` : ''}\n`);
  return bad > 0 ? 1 : 0;
}

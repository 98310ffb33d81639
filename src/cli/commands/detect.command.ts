/**
 * `pantau detect --input stream.jsonl [--home-region 64.72] [--bucket-minutes 15] [--no-analyzer]`
 *
 * Replays JSONL posts `{id, text, createdAt, author?, source?}` in time order (sorted when needed) through the same
 * analyser and detector the workers run, the bucket clock driven by the posts' timestamps, without a server or a
 * database; writes one JSON line per issue in its final state:
 * `{id, label, state, firstDetectedAt, postIds, category, severity, campaign}`.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createAnalyzer, loadGazetteer } from '../../analysis/index.js';
import type { DetectorPost } from '../../issues/detection/detection.types.js';
import { IssueDetector } from '../../issues/detection/issue-detector.js';
import { toDetectorPost, type RawPostInput } from '../../issues/detection/post-adapter.js';
import { replayStream } from '../../../eval/detection/stream-replayer.js';

export interface DetectCommandOptions {
  input: string;
  homeRegion?: string;
  bucketMinutes?: string;
  analyzer?: boolean;
}

export function registerDetectCommand(program: Command): void {
  program
    .command('detect')
    .description(
      'Deteksi isu dari aliran pos JSONL {id, text, createdAt, author?, source?} tanpa server dan basis data',
    )
    .requiredOption('-i, --input <file>', 'berkas JSONL, atau - untuk stdin')
    .option(
      '--home-region <code>',
      'kode wilayah Kemendagri (bawaan: PANTAU_HOME_REGION)',
      process.env.PANTAU_HOME_REGION,
    )
    .option('--bucket-minutes <n>', 'panjang ember hitungan dalam menit', '15')
    .option('--no-analyzer', 'pakai tokenisasi sederhana tanpa mesin analisis')
    .action(async (opts: DetectCommandOptions) => {
      process.exitCode = await runDetect(opts, process.stdout, process.stderr);
    });
}

export async function runDetect(
  opts: DetectCommandOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const bucketMinutes = Number(opts.bucketMinutes ?? '15');
  if (!Number.isFinite(bucketMinutes) || bucketMinutes < 1 || bucketMinutes > 1440) {
    err.write('pantau detect: --bucket-minutes harus antara 1 dan 1440\n');
    return 2;
  }
  let analyze: ((text: string) => ReturnType<ReturnType<typeof createAnalyzer>['analyze']>) | null = null;
  if (opts.analyzer !== false) {
    const gazetteer = await loadGazetteer();
    const analyzer = createAnalyzer({ homeRegion: opts.homeRegion, gazetteer });
    analyze = (text) => analyzer.analyze(text);
  }
  const input = opts.input === '-' ? process.stdin : createReadStream(opts.input, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const posts: DetectorPost[] = [];
  let lineNo = 0;
  let bad = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') {
      continue;
    }
    try {
      const raw = JSON.parse(line) as Partial<RawPostInput>;
      if (typeof raw.text !== 'string' || (typeof raw.id !== 'string' && typeof raw.id !== 'number')) {
        throw new Error('baris harus memiliki id dan text');
      }
      if (typeof raw.createdAt !== 'string' && typeof raw.createdAt !== 'number') {
        throw new Error('baris harus memiliki createdAt');
      }
      const post: RawPostInput = {
        id: String(raw.id),
        text: raw.text,
        createdAt: raw.createdAt,
        author: typeof raw.author === 'string' ? raw.author : undefined,
        source: typeof raw.source === 'string' ? raw.source : undefined,
        reach: typeof raw.reach === 'number' ? raw.reach : undefined,
        url: typeof raw.url === 'string' ? raw.url : undefined,
      };
      posts.push(toDetectorPost(post, analyze?.(post.text)));
    } catch (e) {
      bad++;
      err.write(`pantau detect: baris ${lineNo} dilewati: ${(e as Error).message}\n`);
    }
  }
  posts.sort((a, b) => a.createdAt - b.createdAt);
  const detector = new IssueDetector({ bucketMs: bucketMinutes * 60_000 });
  const result = replayStream(detector, posts, detector.config.bucketMs);
  const issues = result.issues.sort((a, b) => a.firstDetectedAt - b.firstDetectedAt);
  for (const issue of issues) {
    const line = {
      id: issue.id,
      label: issue.label,
      state: issue.state,
      firstDetectedAt: new Date(issue.firstDetectedAt).toISOString(),
      postIds: issue.postIds,
      category: issue.category,
      severity: issue.severity.score,
      campaign: issue.campaign,
    };
    if (!out.write(`${JSON.stringify(line)}\n`)) {
      await new Promise<void>((r) => out.once('drain', () => r()));
    }
  }
  err.write(`pantau detect: ${posts.length} pos, ${issues.length} isu, ${result.passes} putaran deteksi\n`);
  return bad > 0 ? 1 : 0;
}

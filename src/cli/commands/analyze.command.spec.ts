/**
 * `pantau analyze` prints exactly what it printed before the engine was made faster: the output of a fixed sample
 * (fixtures/analyze-sample.jsonl: the blind places posts, generated complaints with PII, regional-language and edge
 * cases, bad lines) is compared line by line with hashes recorded from the earlier code (fixtures/analyze-golden.json,
 * recorded at commit 733803e; re-recorded once for the places rules of issue 12, which changed the locations and their
 * explanation of 146 and 137 lines and nothing else; and again for default-sentiment-smsa-4, the "not only" negation
 * rule and the retrained language and emotion files, which changed scores and explanations of 467 and 61 lines and
 * no sentiment label). The built command with worker threads, small batches and two workers, must print the
 * same bytes as the main-thread run. A deliberate change of behaviour re-records the hashes and says so in its commit.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runAnalyze, type AnalyzeCommandOptions } from './analyze.command.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const golden = JSON.parse(readFileSync(fixture('analyze-golden.json'), 'utf8')) as {
  withModel: string[];
  lexicon: string[];
};
const hash = (line: string) => createHash('sha256').update(line).digest('hex').slice(0, 16);

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function runInProcess(opts: Partial<AnalyzeCommandOptions>): Promise<{ code: number; out: string; err: string }> {
  const out = new Collect();
  const err = new Collect();
  const code = await runAnalyze({ input: fixture('analyze-sample.jsonl'), workers: 1, ...opts }, out, err);
  return { code, out: out.text, err: err.text };
}

const withModel = { topics: fixture('analyze-topics.json'), homeRegion: '64.72' };
const lexicon = { lexicon: true, homeRegion: '33.02' };
const EXPECTED_ERR =
  'pantau analyze: baris 11 bukan JSON yang sah, dilewati\n' +
  'pantau analyze: baris 21 tidak memiliki "text" berupa teks, dilewati\n' +
  'pantau analyze: 519 pos dianalisis, 2 baris dilewati\n';

function differingLines(out: string, hashes: readonly string[]): string[] {
  const lines = out.split('\n').filter(Boolean);
  const differ = lines.filter((l, i) => hash(l) !== hashes[i]).slice(0, 5);
  return lines.length === hashes.length ? differ : [`${lines.length} lines, expected ${hashes.length}`, ...differ];
}

describe('pantau analyze output', () => {
  it('is the recorded output, with the default model, topics and a home region', async () => {
    const r = await runInProcess(withModel);
    expect(r.code).toBe(1);
    expect(r.err).toBe(EXPECTED_ERR);
    expect(differingLines(r.out, golden.withModel)).toEqual([]);
  });

  it('is the recorded output with the lexicon alone', async () => {
    const r = await runInProcess(lexicon);
    expect(r.err).toBe(EXPECTED_ERR);
    expect(differingLines(r.out, golden.lexicon)).toEqual([]);
  });

  it('is the same from the built command with two worker threads and small batches', async () => {
    const inProcess = await runInProcess(withModel);
    const bin = fileURLToPath(new URL('../../../bin/pantau.js', import.meta.url));
    const args = [bin, 'analyze', '-w', '2', '-i', fixture('analyze-sample.jsonl'), '-t', withModel.topics];
    const run = promisify(execFile);
    const r = await run(process.execPath, [...args, '--home-region', withModel.homeRegion], {
      env: { ...process.env, PANTAU_ANALYZE_BATCH: '7' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect((r as { code?: number }).code).toBe(1);
    expect(r.stderr).toBe(EXPECTED_ERR);
    expect(r.stdout).toBe(inProcess.out);
  });
});

/**
 * Summarises a V8 CPU profile (`node --cpu-prof …`) by the phase of the ingest path each sample belongs to: every
 * sample's stack is walked from the leaf towards the root and goes to the first frame that names a phase (a module
 * of src/, node-postgres, the garbage collector), so that a library called from a phase counts for it unless it is
 * node-postgres itself. Prints the share of the samples of the ingest path (idle and boot excluded) and the top
 * self-time functions.
 *
 *   node --cpu-prof --cpu-prof-dir /tmp/prof dist/bench/ingest-profile.bench.js --batches 20
 *   node dist/bench/cpu-profile-summary.js /tmp/prof/CPU.*.cpuprofile
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Shared helpers that do not name a phase: their samples go to the caller's phase. */
const PASS_THROUGH = ['/src/analysis/hashed-model/'];

/** First match wins, tested on each frame from the leaf upwards. */
const PHASES: [string, (url: string, name: string) => boolean][] = [
  ['garbage collection', (_url, name) => name === '(garbage collector)'],
  ['node-postgres (encoding, sending, parsing)', (url) => /node_modules\/(pg|pg-protocol|pg-copy-streams)\//.test(url)],
  ['analysis: trained sentiment model', (url) => url.includes('/src/analysis/model/')],
  ['analysis: emotion', (url) => url.includes('/src/analysis/emotion/')],
  ['analysis: language', (url) => url.includes('/src/analysis/language/')],
  ['analysis: sentiment lexicon', (url) => url.includes('/src/analysis/sentiment/')],
  ['analysis: places', (url) => /\/src\/analysis\/(places|gazetteer|geo)/.test(url)],
  ['analysis: category', (url) => url.includes('/src/analysis/category/')],
  ['analysis: normalisation', (url) => /\/src\/analysis\/(normali|text|slang|stem)/.test(url)],
  ['analysis: PII', (url) => url.includes('/src/analysis/pii')],
  ['analysis: other', (url) => url.includes('/src/analysis/')],
  ['detection counting (issues)', (url) => url.includes('/src/issues/')],
  ['rollups', (url) => url.includes('/src/ingestion/rollup-writer')],
  ['posts COPY rows', (url) => url.includes('/src/database/copy-rows')],
  ['PostStore', (url) => url.includes('/src/ingestion/post-store')],
  ['ingestion (other)', (url) => url.includes('/src/ingestion/')],
  ['TypeORM', (url) => url.includes('node_modules/typeorm/')],
  ['BullMQ / queue', (url) => url.includes('node_modules/bullmq') || url.includes('/src/queue/')],
  ['bench harness', (url) => url.includes('/bench/')],
];

const file = process.argv[2];
if (!file) {
  throw new Error('usage: node dist/bench/cpu-profile-summary.js PROFILE.cpuprofile');
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) {
  for (const child of node.children ?? []) {
    parent.set(child, node.id);
  }
}
const phaseOf = new Map<number, string>();
function phase(id: number): string {
  const known = phaseOf.get(id);
  if (known) {
    return known;
  }
  const node = byId.get(id) as ProfileNode;
  const { url, functionName } = node.callFrame;
  let found: string | undefined;
  if (functionName === '(idle)' || functionName === '(program)') {
    found = functionName;
  }
  if (!PASS_THROUGH.some((part) => url.includes(part))) {
    found ??= PHASES.find(([, test]) => test(url, functionName))?.[0];
  }
  const up = parent.get(id);
  found ??= up === undefined ? 'other (node internals, boot)' : phase(up);
  phaseOf.set(id, found);
  return found;
}

const totals = new Map<string, number>();
const self = new Map<string, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  const name = phase(id);
  totals.set(name, (totals.get(name) ?? 0) + ms);
  const frame = (byId.get(id) as ProfileNode).callFrame;
  const label = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(dist|node_modules)\//, '')}:${frame.lineNumber + 1}`;
  self.set(label, (self.get(label) ?? 0) + ms);
}
const excluded = new Set(['(idle)', 'other (node internals, boot)', '(program)', 'bench harness']);
const counted = [...totals].filter(([name]) => !excluded.has(name));
const sum = counted.reduce((total, [, ms]) => total + ms, 0);
console.log(`CPU profile ${file}: ${(sum / 1000).toFixed(1)} s of samples in the ingest path`);
console.log('| phase | ms | share |');
console.log('| --- | ---: | ---: |');
for (const [name, ms] of counted.sort((a, b) => b[1] - a[1])) {
  console.log(`| ${name} | ${ms.toFixed(0)} | ${((100 * ms) / sum).toFixed(1)} % |`);
}
for (const name of excluded) {
  console.log(`(not counted: ${name} ${(totals.get(name) ?? 0).toFixed(0)} ms)`);
}
console.log('\nTop self time:');
for (const [label, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${label}`);
}

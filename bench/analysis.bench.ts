/**
 * Throughput of the whole analysis (PII → normalise → sentiment → category → places → topics) on one core, with
 * 10, 1,000 and 10,000 active tracked queries, on synthetic posts of 100–300 characters generated here (never from the
 * evaluation datasets), and of each stage on its own, sentiment (the lexicon scorer the analyzer uses) included.
 * Prints tables; run with `npm run bench:analysis`.
 *
 * Honest under a shared machine: every figure is measured in rounds of one pass over the posts, rounds of different
 * measurements interleaved, and reported from CPU time of this process (best round and median round) beside wall
 * time (median round). The load average before and after is printed: figures taken with a load average above the
 * number of cores are an upper bound on the cost, not the engine's speed.
 */
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  CategoryClassifier,
  createAnalyzer,
  DEFAULT_CATEGORIES,
  loadGazetteer,
  maskPiiWithCounts,
  normalizeText,
  stemWord,
  TopicMatcher,
  type Gazetteer,
  type NormalizedText,
  type TopicQuery,
} from '../src/analysis/index.js';
import { createSentimentScorer } from '../src/analysis/sentiment/index.js';
import { loadDefaultLanguageDetector } from '../src/analysis/language/language-detector.js';
import { loadDefaultEmotionClassifier } from '../src/analysis/emotion/emotion-classifier.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const HOME = '33.08';

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

let seed = 20240601;
function rnd(n: number): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed % n;
}
const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)];

const ISSUES = [
  'jalan rusak parah dan berlubang',
  'banjir setinggi lutut merendam rumah warga',
  'sampah menumpuk di TPS belum diangkut',
  'air PDAM mati sejak kemarin',
  'listrik padam berkali-kali',
  'antrean di puskesmas panjang sekali',
  'macet total di simpang empat',
  'harga cabai naik terus',
  'pupuk subsidi langka pas musim tanam',
  'ada pungli waktu urus KTP',
  'PKL berjualan di trotoar',
  'bansos gak tepat sasaran',
  'guru honorer belum digaji',
  'lampu jalan mati semua gelap',
  'longsor menutup akses jalan desa',
  'balap liar tiap malam minggu',
  'pelayanan di kantor kecamatan lambat',
  'drainase mampet tiap hujan meluap',
  'gas melon langka di pangkalan',
  'jembatan gantung hampir putus',
  'kebakaran rumah di gang sempit',
];
const OPENERS = [
  'Tolong pak',
  'Min,',
  'Lapor!',
  'Warga mengeluh',
  'Gimana ini',
  'Info:',
  'Mohon perhatian',
  'Sudah seminggu',
  '',
];
const TAILS = [
  'gak ada yg peduli 😡',
  'mohon segera ditindaklanjuti 🙏',
  'udh lapor tp blm ada respon',
  'parah bgt sih',
  'terima kasih sudah cepat tanggap 👍',
  'bikin warga resah',
  'kapan diperbaiki?',
  'sangat mengganggu aktivitas',
  'mantul pelayanannya sekarang',
  'semoga cepat ditangani',
];
const TAGS = [
  '#pantauwarga',
  '#banjirmagelang',
  '#jalanrusak',
  '#lapor',
  '#infomagelang',
  '@pemkabmagelang',
  '@lapor1708',
  '',
];

function places(g: Gazetteer): { near: string[]; far: string[] } {
  const near: string[] = [];
  const far: string[] = [];
  for (let d = 1; d <= 21; d++) {
    const p = g.lookup(`${HOME}.${String(d).padStart(2, '0')}`);
    if (p) {
      near.push(`Kec. ${p.name}`, p.name);
    }
  }
  for (const code of ['33.71', '33.72', '34.04', '64.72', '32.76', '35.73', '33.74']) {
    const p = g.lookup(code);
    if (p) {
      far.push(p.name);
    }
  }
  return { near, far };
}

function makePosts(n: number, g: Gazetteer): string[] {
  const { near, far } = places(g);
  const out: string[] = [];
  while (out.length < n) {
    let t = `${pick(OPENERS)} ${pick(ISSUES)} di ${rnd(3) ? pick(near) : pick(far)}, ${pick(TAILS)}`;
    if (rnd(2)) {
      t += ` ${pick(ISSUES)} juga ${pick(TAILS)}`;
    }
    if (rnd(10) === 0) {
      t += ` hub 08${1 + rnd(9)}${String(10_000_000 + rnd(89_999_999))}`;
    }
    t += ` ${pick(TAGS)} ${pick(TAGS)}`;
    t = t.trim();
    if (t.length < 100) {
      t += ` ${pick(TAILS)} ${pick(TAILS)}`;
    }
    out.push(t.slice(0, 300));
  }
  return out;
}

function makeQueries(n: number, g: Gazetteer): TopicQuery[] {
  const topical = [
    'banjir',
    'longsor',
    'jalan',
    'sampah',
    'pdam',
    'listrik',
    'puskesmas',
    'macet',
    'cabai',
    'pupuk',
    'pungli',
    'pkl',
    'bansos',
    'guru',
    'drainase',
    'jembatan',
    'kebakaran',
    'pelayanan',
    'gas',
    'harga',
    'sekolah',
    'parkir',
    'ktp',
    'rsud',
  ];
  const names: string[] = [];
  for (let r = 0; r < 514; r++) {
    // District names from all over the country give distinct query terms, as real deployments' topics would.
    const code = `${pick(['11', '12', '13', '32', '33', '35', '36', '51', '61', '64', '73'])}.${String(1 + rnd(30)).padStart(2, '0')}.${String(1 + rnd(20)).padStart(2, '0')}`;
    const p = g.lookup(code);
    if (p) {
      names.push(p.name.toLowerCase());
    }
  }
  const nearNames = places(g)
    .near.filter((x) => !x.startsWith('Kec.'))
    .map((x) => x.toLowerCase());
  const q = (s: string) => (s.includes(' ') ? `"${s}"` : s);
  const out: TopicQuery[] = [];
  for (let i = 0; i < n; i++) {
    const a = pick(topical);
    const place1 = i % 50 === 0 ? pick(nearNames) : pick(names);
    const place2 = pick(names);
    let query: string;
    switch (i % 5) {
      case 0:
        query = `${a} AND (${q(place1)} OR ${q(place2)}) NOT latihan`;
        break;
      case 1:
        query = `"${a} ${pick(['rusak', 'parah', 'lagi', 'mati'])}" ${q(place1)}`;
        break;
      case 2:
        query = `${a.slice(0, 4)}* AND ${q(place1)}`;
        break;
      case 3:
        query = `(#${a}${place1.replace(/\W/g, '')} OR @pemkab${place2.replace(/\W/g, '')}) OR (${a} ${q(place2)})`;
        break;
      default:
        query = `${q(place1)} AND (${a} OR ${pick(topical)}) NOT hoaks`;
    }
    out.push({ id: `t${i}`, query });
  }
  return out;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

interface Measure {
  name: string;
  /** One pass over the inputs. */
  pass: () => void;
  count: number;
  cpuUs: number[];
  wallMs: number[];
}

function measure(name: string, count: number, pass: () => void): Measure {
  return { name, pass, count, cpuUs: [], wallMs: [] };
}

/** Runs the measures in interleaved rounds (after one warm-up pass each), so machine load hits them alike. */
function runRounds(measures: Measure[], rounds = ROUNDS): void {
  for (const m of measures) {
    m.pass();
  }
  for (let r = 0; r < rounds; r++) {
    for (const m of measures) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      m.pass();
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      m.cpuUs.push(c.user + c.system);
      m.wallMs.push(wall);
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bestRate = (m: Measure) => (m.count * 1e6) / Math.min(...m.cpuUs);
const medianRate = (m: Measure) => (m.count * 1e6) / median(m.cpuUs);
const wallRate = (m: Measure) => (m.count * 1e3) / median(m.wallMs);
const usPerPost = (m: Measure) => Math.min(...m.cpuUs) / m.count;

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

async function main(): Promise<void> {
  const loadBefore = load();
  const m0 = heapMb();
  const t0 = performance.now();
  const gazetteer = await loadGazetteer();
  const loadMs = performance.now() - t0;
  const gazMb = heapMb() - m0;
  const posts = makePosts(20_000, gazetteer);
  const avgLen = posts.reduce((s, p) => s + p.length, 0) / posts.length;

  console.log(
    `\nAnalysis engine benchmark — node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ` +
      `one core used, ${posts.length} synthetic posts, mean ${fmt(avgLen)} chars, ${ROUNDS} rounds per figure`,
  );
  console.log(`Load average (1, 5, 15 min) at start: ${loadBefore}`);
  console.log(`Gazetteer: ${JSON.stringify(gazetteer.stats())}, load ${fmt(loadMs)} ms, heap ${fmt(gazMb, 1)} MB\n`);

  // Stage costs, each stage on its own input as the analyzer gives it (1,000 queries for the topic stage).
  const analyzer1k = createAnalyzer({ topics: makeQueries(1000, gazetteer), homeRegion: HOME, gazetteer });
  const normalized: NormalizedText[] = posts.map((p) => normalizeText(maskPiiWithCounts(p).text));
  const normalizeTerm = (w: string) => normalizeText(w).tokens;
  const classifier = new CategoryClassifier(DEFAULT_CATEGORIES, { normalizeTerm, stem: stemWord });
  const sentiment = createSentimentScorer();
  const matcher1k = new TopicMatcher(makeQueries(1000, gazetteer), { normalizeTerm });
  const masked = posts.map((p) => maskPiiWithCounts(p).text);
  const detector = loadDefaultLanguageDetector();
  const emotion = loadDefaultEmotionClassifier();
  const lexiconResults = normalized.map((x) => sentiment.scoreNormalized(x));
  const n = posts.length;
  const stages = [
    measure('PII masking', n, () => {
      for (const p of posts) {
        maskPiiWithCounts(p);
      }
    }),
    measure('normalisation', n, () => {
      for (const p of posts) {
        normalizeText(p);
      }
    }),
    measure('sentiment (lexicon scorer)', n, () => {
      for (const x of normalized) {
        sentiment.scoreNormalized(x);
      }
    }),
    measure('category rules', n, () => {
      for (const x of normalized) {
        classifier.classify(x.tokens, undefined, x);
      }
    }),
    measure('places', n, () => {
      for (const x of normalized) {
        gazetteer.match(x.tokens, { homeRegion: HOME });
      }
    }),
    measure('language detection', n, () => {
      for (const t of masked) {
        detector.detect(t);
      }
    }),
    measure('emotion', n, () => {
      for (let i = 0; i < n; i++) {
        emotion.classify({ normalized: normalized[i], lexicon: lexiconResults[i] });
      }
    }),
    measure('topics (1,000 queries)', n, () => {
      for (const x of normalized) {
        matcher1k.match(x);
      }
    }),
    measure('whole analysis (1,000 queries)', n, () => {
      for (const p of posts) {
        analyzer1k.analyze(p);
      }
    }),
  ];
  runRounds(stages);
  console.log('| stage | µs/post (best) | posts/s CPU best | posts/s CPU median | posts/s wall median |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  let sum = 0;
  for (const m of stages) {
    if (!m.name.startsWith('whole')) {
      sum += usPerPost(m);
    }
    console.log(
      `| ${m.name} | ${fmt(usPerPost(m), 2)} | ${fmt(bestRate(m))} | ${fmt(medianRate(m))} | ${fmt(wallRate(m))} |`,
    );
  }
  console.log(`| sum of the stages | ${fmt(sum, 2)} | ${fmt(1e6 / sum)} | | |`);

  console.log(
    '\n| active queries | compile ms | compiled topics heap MB | topics/post | posts/s CPU best | posts/s CPU median | posts/s wall median |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const wholes: Measure[] = [];
  const rows: string[] = [];
  for (const q of [10, 1000, 10_000]) {
    const queries = makeQueries(q, gazetteer);
    const before = heapMb();
    const c0 = performance.now();
    const analyzer = createAnalyzer({ topics: queries, homeRegion: HOME, gazetteer });
    const compileMs = performance.now() - c0;
    const mb = heapMb() - before;
    if (analyzer.topicErrors.length) {
      throw new Error(`bench queries did not compile: ${JSON.stringify(analyzer.topicErrors[0])}`);
    }
    let matched = 0;
    for (let i = 0; i < 2000; i++) {
      matched += analyzer.analyze(posts[i]).topics.length;
    }
    rows.push(`| ${fmt(q)} | ${fmt(compileMs)} | ${fmt(mb, 1)} | ${fmt(matched / 2000, 2)} |`);
    wholes.push(
      measure(String(q), n, () => {
        for (const p of posts) {
          analyzer.analyze(p);
        }
      }),
    );
  }
  runRounds(wholes);
  wholes.forEach((m, i) =>
    console.log(`${rows[i]} ${fmt(bestRate(m))} | ${fmt(medianRate(m))} | ${fmt(wallRate(m))} |`),
  );
  const [w10, w1k, w10k] = wholes;
  console.log(
    `\nThroughput 10,000 vs 10 queries (CPU best / median): ${fmt(bestRate(w10k) / bestRate(w10), 2)} / ` +
      `${fmt(medianRate(w10k) / medianRate(w10), 2)} (target ≥ 0.80)`,
  );
  console.log(
    `Whole analysis with 1,000 queries: ${fmt(bestRate(w1k))} posts/s CPU best, ${fmt(medianRate(w1k))} median, ` +
      `${fmt(wallRate(w1k))} wall (target ≥ 50,000)`,
  );
  console.log(`Load average (1, 5, 15 min) at end: ${load()} on ${cpus().length} cores\n`);
}

await main();

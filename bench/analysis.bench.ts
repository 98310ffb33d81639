/**
 * Throughput of the whole analysis (PII → normalise → sentiment → category → places → topics) on one core, with
 * 10, 1,000 and 10,000 active tracked queries, on synthetic posts of 100–300 characters generated here (never from the
 * evaluation datasets). Prints a table; run with `npm run bench:analysis`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  CategoryClassifier,
  createAnalyzer,
  DEFAULT_CATEGORIES,
  loadGazetteer,
  maskPiiWithCounts,
  normalizeText,
  TopicMatcher,
  type Gazetteer,
  type TopicQuery,
} from '../src/analysis/index.js';

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
    if (p) near.push(`Kec. ${p.name}`, p.name);
  }
  for (const code of ['33.71', '33.72', '34.04', '64.72', '32.76', '35.73', '33.74']) {
    const p = g.lookup(code);
    if (p) far.push(p.name);
  }
  return { near, far };
}

function makePosts(n: number, g: Gazetteer): string[] {
  const { near, far } = places(g);
  const out: string[] = [];
  while (out.length < n) {
    let t = `${pick(OPENERS)} ${pick(ISSUES)} di ${rnd(3) ? pick(near) : pick(far)}, ${pick(TAILS)}`;
    if (rnd(2)) t += ` ${pick(ISSUES)} juga ${pick(TAILS)}`;
    if (rnd(10) === 0) t += ` hub 08${1 + rnd(9)}${String(10_000_000 + rnd(89_999_999))}`;
    t += ` ${pick(TAGS)} ${pick(TAGS)}`;
    t = t.trim();
    if (t.length < 100) t += ` ${pick(TAILS)} ${pick(TAILS)}`;
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
    if (p) names.push(p.name.toLowerCase());
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

function throughput(fn: (text: string) => unknown, posts: string[], minMs = 2500): number {
  for (let i = 0; i < Math.min(posts.length, 20_000); i++) fn(posts[i]); // warm-up
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    for (let i = 0; i < posts.length; i++) fn(posts[i]);
    n += posts.length;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main(): Promise<void> {
  const m0 = heapMb();
  const t0 = performance.now();
  const gazetteer = await loadGazetteer();
  const loadMs = performance.now() - t0;
  const gazMb = heapMb() - m0;
  const posts = makePosts(20_000, gazetteer);
  const avgLen = posts.reduce((s, p) => s + p.length, 0) / posts.length;

  console.log(
    `\nAnalysis engine benchmark — node ${process.version}, one core, ${posts.length} synthetic posts, mean ${fmt(avgLen)} chars`,
  );
  console.log(`Gazetteer: ${JSON.stringify(gazetteer.stats())}, load ${fmt(loadMs)} ms, heap ${fmt(gazMb, 1)} MB\n`);

  // Stage costs (1,000 queries for the topic stage).
  const normalized = posts.map((p) => normalizeText(p));
  const classifier = new CategoryClassifier(DEFAULT_CATEGORIES);
  const matcher1k = new TopicMatcher(makeQueries(1000, gazetteer), { normalizeTerm: (w) => normalizeText(w).tokens });
  let k = 0;
  const next = () => normalized[k++ % normalized.length];
  const stages: [string, number][] = [
    ['PII masking', throughput((p) => maskPiiWithCounts(p), posts, 1500)],
    ['normalisation', throughput((p) => normalizeText(p), posts, 1500)],
    ['category rules', throughput(() => classifier.classify(next().tokens), posts, 1500)],
    ['places', throughput(() => gazetteer.match(next().tokens, { homeRegion: HOME }), posts, 1500)],
    ['topics (1,000 queries)', throughput(() => matcher1k.match(next()), posts, 1500)],
  ];
  console.log('| stage | posts/s |\n| --- | ---: |');
  for (const [name, r] of stages) console.log(`| ${name} | ${fmt(r)} |`);

  console.log('\n| active queries | compile ms | compiled topics heap MB | topics/post | posts/s (whole analysis) |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  const results = new Map<number, number>();
  for (const n of [10, 1000, 10_000]) {
    const queries = makeQueries(n, gazetteer);
    const before = heapMb();
    const c0 = performance.now();
    const analyzer = createAnalyzer({ topics: queries, homeRegion: HOME, gazetteer });
    const compileMs = performance.now() - c0;
    const mb = heapMb() - before;
    if (analyzer.topicErrors.length)
      throw new Error(`bench queries did not compile: ${JSON.stringify(analyzer.topicErrors[0])}`);
    let matched = 0;
    for (let i = 0; i < 2000; i++) matched += analyzer.analyze(posts[i]).topics.length;
    const rate = throughput((p) => analyzer.analyze(p), posts);
    results.set(n, rate);
    console.log(`| ${fmt(n)} | ${fmt(compileMs)} | ${fmt(mb, 1)} | ${fmt(matched / 2000, 2)} | ${fmt(rate)} |`);
  }
  const ratio = results.get(10_000)! / results.get(10)!;
  console.log(`\nThroughput 10,000 vs 10 queries: ${fmt(ratio, 2)} (target ≥ 0.80)`);
  console.log(`Whole analysis with 1,000 queries: ${fmt(results.get(1000)!)} posts/s (target ≥ 50,000)\n`);
}

await main();

/**
 * Regency-level place resolution of the product's analyzer on the blind places set (eval/places/posts.jsonl),
 * per split: `node dist/eval/places/places-evaluation.js [--errors]` (after `npm run build`), or
 * `npm run eval:places`. Each post is analysed with its own home region, as its deployment would. Nothing here is
 * tuned; `--errors` lists the tune split's misses and false hits only (the report split is for reporting).
 */
import { pathToFileURL } from 'node:url';
import { createAnalyzer, loadGazetteer, type Analyzer } from '../../src/analysis/index.js';
import {
  provincesOf,
  readPlacePosts,
  regenciesOf,
  scorePairs,
  type LabelledPlacePost,
  type PairScore,
  type PlacesSplit,
} from './places-scoring.js';

export interface PlacesRow {
  split: PlacesSplit | 'all';
  posts: number;
  regency: PairScore;
  province: PairScore;
  /** Posts with no Indonesian place (no-place or Malaysia only) that got a regency anyway. */
  falseOnPlaceless: number;
  placeless: number;
}

export interface PlacePrediction {
  post: LabelledPlacePost;
  regencies: string[];
  provinces: string[];
}

export async function predictPlaces(posts: readonly LabelledPlacePost[]): Promise<PlacePrediction[]> {
  const gazetteer = await loadGazetteer();
  const analyzers = new Map<string, Analyzer>();
  return posts.map((post) => {
    let analyzer = analyzers.get(post.homeRegion);
    if (!analyzer) {
      analyzer = createAnalyzer({ homeRegion: post.homeRegion, gazetteer });
      analyzers.set(post.homeRegion, analyzer);
    }
    const codes = analyzer.analyze(post.text).locations.map((l) => l.code);
    return { post, regencies: regenciesOf(codes), provinces: provincesOf(codes) };
  });
}

export function placesRows(predictions: readonly PlacePrediction[]): PlacesRow[] {
  const row = (split: PlacesRow['split'], rows: readonly PlacePrediction[]): PlacesRow => {
    const placeless = rows.filter((r) => r.post.regencies.length === 0);
    return {
      split,
      posts: rows.length,
      regency: scorePairs(rows.map((r) => ({ gold: r.post.regencies, predicted: r.regencies }))),
      province: scorePairs(rows.map((r) => ({ gold: r.post.provinces, predicted: r.provinces }))),
      falseOnPlaceless: placeless.filter((r) => r.regencies.length > 0).length,
      placeless: placeless.length,
    };
  };
  return [
    row(
      'tune',
      predictions.filter((p) => p.post.split === 'tune'),
    ),
    row(
      'report',
      predictions.filter((p) => p.post.split === 'report'),
    ),
    row('all', predictions),
  ];
}

const f3 = (x: number): string => x.toFixed(3);

export function formatPlacesRows(rows: readonly PlacesRow[]): string {
  const lines = [
    'split   posts | regency: prec   rec    F1   (tp/fp/fn)    | province: prec   rec    F1   | placeless posts with a regency',
  ];
  for (const r of rows) {
    const g = r.regency;
    const p = r.province;
    lines.push(
      `${r.split.padEnd(7)} ${String(r.posts).padStart(5)} |          ${f3(g.precision)} ${f3(g.recall)} ${f3(g.f1)} ${`(${g.truePositives}/${g.falsePositives}/${g.falseNegatives})`.padEnd(13)} |           ${f3(p.precision)} ${f3(p.recall)} ${f3(p.f1)} | ${r.falseOnPlaceless}/${r.placeless}`,
    );
  }
  lines.push('target (issue 12): regency-level F1 ≥ 0.90 on posts not seen while tuning (the report split)');
  return `${lines.join('\n')}\n`;
}

/** Per hard-case tag on the given split: posts, and posts whose regency set is wrong. */
export function caseTable(predictions: readonly PlacePrediction[], split: PlacesSplit): string {
  const byCase = new Map<string, { posts: number; wrong: number }>();
  for (const p of predictions.filter((x) => x.post.split === split)) {
    const wrong = p.regencies.join(',') !== [...p.post.regencies].sort().join(',');
    for (const c of p.post.cases) {
      const e = byCase.get(c) ?? { posts: 0, wrong: 0 };
      e.posts++;
      e.wrong += wrong ? 1 : 0;
      byCase.set(c, e);
    }
  }
  const lines = [`hard cases (${split} split): tag, posts, posts with a wrong regency set`];
  for (const [c, e] of [...byCase].sort((a, b) => b[1].posts - a[1].posts)) {
    lines.push(`  ${c.padEnd(32)} ${String(e.posts).padStart(4)} ${String(e.wrong).padStart(4)}`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<void> {
  const predictions = await predictPlaces(readPlacePosts());
  process.stdout.write(formatPlacesRows(placesRows(predictions)));
  process.stdout.write(caseTable(predictions, 'report'));
  if (argv.includes('--errors')) {
    process.stdout.write('errors on the tune split (gold → predicted):\n');
    for (const p of predictions.filter((x) => x.post.split === 'tune')) {
      const gold = [...p.post.regencies].sort().join(',');
      if (gold !== p.regencies.join(',')) {
        process.stdout.write(
          `  ${p.post.id} [${p.post.homeRegion}] ${gold || '-'} → ${p.regencies.join(',') || '-'}: ${p.post.text}\n`,
        );
      }
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}

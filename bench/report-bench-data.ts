/**
 * The database of `npm run bench:briefs -- --case report`: one report day of 1,000,000 posts (and a smaller day
 * before it, for the changes), realistic rows COPY'd into posts (Indonesian texts per category, Zipf authors,
 * sentiment, places of Kota Samarinda, near-duplicate keys for a campaign), the rollups written by the product's
 * RollupWriter (the ingest path's rollup step) in batches, 40 issues holding a third of the posts through
 * issue_posts, alerts and overdue dispositions. Built once per seed into a database of its own on the server
 * (`briefs_report_bench_<seed>_v<version>`, outside the repository) and reused by later runs; `--rebuild` drops it.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { DEFAULT_CATEGORIES } from '../src/analysis/index.js';
import type { PostAnalysis } from '../src/analysis/index.js';
import { copyField, type CopyValue } from '../src/database/copy-rows.js';
import { dataSourceOptions, runMigrations } from '../src/database/data-source.js';
import { RollupWriter } from '../src/ingestion/rollup-writer.js';
import { DEMO_DISTRICTS } from '../src/sources/demo/samarinda-places.js';
import type { AnalysedPost, StoredPost } from '../src/ingestion/stored-post.js';
import { SeededRandom } from '../eval/detection/stream-generator.js';

/** Bump when the generated data changes shape, so a stale cache is not reused. */
const VERSION = 3;
const HOUR = 3_600_000;
const RHYTHM = [
  0.25, 0.15, 0.1, 0.1, 0.15, 0.35, 0.7, 0.9, 1.1, 1.2, 1.2, 1.25, 1.35, 1.2, 1.05, 1.0, 1.0, 1.1, 1.3, 1.5, 1.6, 1.5,
  1.0, 0.5,
];
const SOURCES = ['Mastodon', 'Bluesky', 'Reddit', 'YouTube', 'X', 'Telegram', 'RSS Berita', 'Aduan'];
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
const AUTHORS = 120_000;
const ISSUES = 40;
const BATCH = 5000;
/** Kota Samarinda's districts (Kemendagri codes) and names, as the demo stream knows them. */
const PLACES = DEMO_DISTRICTS;
const PHRASES: Record<string, string[]> = {
  bencana: ['banjir lagi di', 'air sudah sepinggang di', 'warga mengungsi dari', 'longsor menutup jalan di'],
  infrastruktur: ['jalan rusak parah di', 'lampu jalan mati di', 'jembatan retak di', 'drainase tersumbat di'],
  kesehatan: ['antrean puskesmas panjang di', 'kasus DBD naik di', 'obat kosong di apotek', 'pelayanan RSUD ramah di'],
  pendidikan: ['pungutan sekolah di', 'zonasi PPDB bermasalah di', 'guru honorer belum digaji di'],
  ekonomi: ['harga cabai naik di pasar', 'minyak goreng langka di', 'UMKM ramai di'],
  utilitas: ['air PDAM mati di', 'listrik padam lagi di', 'air keruh di'],
  transportasi: ['macet panjang di', 'angkot mogok di', 'parkir liar di'],
  lingkungan: ['sampah menumpuk di', 'asap pembakaran di', 'sungai tercemar di'],
  ketertiban: ['pedagang kaki lima di', 'balap liar di', 'pengamen di simpang'],
  sosial: ['bansos belum cair di', 'dapur umum dibuka di', 'lansia terlantar di'],
  kependudukan: ['antrean KTP-el di', 'blangko KK habis di'],
  'tata-kelola': ['pungli perizinan di', 'pelayanan kelurahan lambat di'],
  pertanian: ['pupuk langka di', 'panen gagal di'],
  lainnya: ['nonton bola bareng di', 'kuliner malam ramai di', 'kerja bakti di'],
};
const CLOSE = ['Mohon perhatian pemkot.', 'Semoga cepat ditangani.', 'Sudah berhari-hari begini.', '', '#samarinda'];

export interface ReportBenchData {
  url: string;
  name: string;
  reportDate: string;
  /** Posts in the report period, counted when the data was built. */
  periodPosts: number;
  built: boolean;
  buildSeconds: number;
}

interface BenchIssue {
  id: string;
  label: string;
  category: string;
  opd: string;
  places: { code: string; name: string }[];
  /** Share of the day's posts. */
  weight: number;
  sentiment: [number, number, number];
  campaign: boolean;
  severity: number;
  level: string;
  startsBeforePeriod: boolean;
}

function levelOf(score: number): string {
  return score >= 75 ? 'kritis' : score >= 50 ? 'tinggi' : score >= 25 ? 'sedang' : 'rendah';
}

function benchIssues(rng: SeededRandom): BenchIssue[] {
  const categories = DEFAULT_CATEGORIES.filter((c) => c.slug !== 'lainnya');
  const issues: BenchIssue[] = [];
  for (let i = 0; i < ISSUES; i++) {
    const category =
      i === 0 ? categories.find((c) => c.slug === 'bencana')! : categories[rng.zipf(categories.length, 0.7)];
    const place = PLACES[rng.zipf(PLACES.length, 0.8)];
    const phrase = PHRASES[category.slug]?.[0] ?? 'keluhan warga di';
    const severity = Math.max(5, 92 - i * 2.1 - rng.next() * 6);
    const negative = i % 7 === 3 ? 0.1 : 0.35 + rng.next() * 0.5;
    const positive = i % 7 === 3 ? 0.75 : (1 - negative) * rng.next() * 0.6;
    issues.push({
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      label: `${phrase[0].toUpperCase()}${phrase.slice(1)} ${place.name}`,
      category: category.slug,
      opd: category.opd,
      places: [place, PLACES[(PLACES.indexOf(place) + 1 + rng.int(0, 3)) % PLACES.length]],
      // A third of the day in issues: the first holds 12 %, then a Zipf-like tail.
      weight: 0.12 / (1 + i * 0.45),
      sentiment: [negative, Math.max(0, 1 - negative - positive), positive],
      campaign: i === 4,
      severity,
      level: levelOf(severity),
      startsBeforePeriod: i % 3 !== 2,
    });
  }
  return issues;
}

/** Post times over [from, to) following the daily rhythm (local hours start at `localOffsetHours`). */
function postTimes(rng: SeededRandom, from: number, hours: number, count: number, localOffsetHours: number) {
  const weights = Array.from(
    { length: hours },
    (_, h) => RHYTHM[(h + localOffsetHours) % 24] * (0.85 + 0.3 * rng.next()),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const times = new Float64Array(count);
  let at = 0;
  for (let h = 0; h < hours && at < count; h++) {
    const n = h === hours - 1 ? count - at : Math.round((weights[h] / total) * count);
    for (let i = 0; i < n && at < count; i++) {
      times[at++] = from + h * HOUR + Math.floor(rng.next() * HOUR);
    }
  }
  return times.subarray(0, at).sort();
}

async function copyInto(client: pg.Client, target: string, rows: CopyValue[][]): Promise<void> {
  const lines = rows.map((row) => row.map(copyField).join('\t'));
  await pipeline(Readable.from([lines.join('\n') + '\n']), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
}

const POST_COLUMNS =
  'posts (id, source_id, external_id, created_at, text, author, url, lang, likes, replies, reposts, analyzed_at, ' +
  'sentiment, sentiment_score, category, opd, locations, near_duplicate_key)';

/**
 * Returns the cached database for `seed`, building it first when it is missing. `posts` are the report period's
 * posts; the day before gets a quarter of that.
 */
export async function reportBenchData(
  adminUrl: string,
  options: { seed: number; posts: number; reportDate: string; period: { from: Date; to: Date }; rebuild: boolean },
): Promise<ReportBenchData> {
  const name = `briefs_report_bench_${options.seed}_${options.posts}_v${VERSION}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    if (options.rebuild) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (exists.rowCount) {
      const db = new pg.Client(url.toString());
      await db.connect();
      try {
        const ready = await db.query<{ period_posts: number }>(
          `SELECT period_posts FROM bench_ready WHERE report_date = $1`,
          [options.reportDate],
        );
        if (ready.rows[0]) {
          return {
            url: url.toString(),
            name,
            reportDate: options.reportDate,
            periodPosts: ready.rows[0].period_posts,
            built: false,
            buildSeconds: 0,
          };
        }
      } catch {
        // an unfinished build (no bench_ready): built again below
      } finally {
        await db.end();
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const started = Date.now();
  await runMigrations(url.toString());
  await build(url.toString(), options);
  return {
    url: url.toString(),
    name,
    reportDate: options.reportDate,
    periodPosts: options.posts,
    built: true,
    buildSeconds: (Date.now() - started) / 1000,
  };
}

async function build(
  url: string,
  options: { seed: number; posts: number; reportDate: string; period: { from: Date; to: Date } },
): Promise<void> {
  const rng = new SeededRandom(options.seed);
  const client = new pg.Client(url);
  await client.connect();
  const orm = new DataSource(dataSourceOptions(url));
  await orm.initialize();
  const writer = new RollupWriter();
  try {
    const sourceIds: string[] = [];
    for (const source of SOURCES) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO sources (name, type) VALUES ($1, 'push') RETURNING id`,
        [source],
      );
      sourceIds.push(rows[0].id);
    }
    const issues = benchIssues(rng);
    const from = options.period.from.getTime();
    const days = [
      { start: from - 24 * HOUR, count: Math.round(options.posts / 4), before: true },
      { start: from, count: options.posts, before: false },
    ];
    const categories = DEFAULT_CATEGORIES;
    let id = 0;
    const started = Date.now();
    const issueCounts = new Map<string, { posts: number; authors: Set<string> }>();
    for (const day of days) {
      // The period starts at 06:00 local time (WITA, UTC+8): the local hour of its first hour is 6.
      const times = postTimes(rng, day.start, 24, day.count, 6);
      for (let first = 0; first < times.length; first += BATCH) {
        const sourceIndex = rng.zipf(sourceIds.length, 0.6);
        const sourceId = sourceIds[sourceIndex];
        const postRows: CopyValue[][] = [];
        const issueRows: CopyValue[][] = [];
        const analysed: AnalysedPost[] = [];
        const stored: StoredPost[] = [];
        for (let i = first; i < Math.min(times.length, first + BATCH); i++) {
          id++;
          const createdAt = new Date(times[i]);
          const roll = rng.next();
          let acc = 0;
          let issue: BenchIssue | undefined;
          for (const candidate of issues) {
            acc += candidate.weight;
            if (roll < acc) {
              issue = candidate;
              break;
            }
          }
          if (issue && day.before && !issue.startsBeforePeriod) {
            issue = undefined;
          }
          const category = issue
            ? categories.find((c) => c.slug === issue.category)!
            : categories[rng.zipf(categories.length, 0.8)];
          const sentimentRoll = rng.next();
          const sentiment = issue
            ? sentimentRoll < issue.sentiment[0]
              ? 'negative'
              : sentimentRoll < issue.sentiment[0] + issue.sentiment[1]
                ? 'neutral'
                : 'positive'
            : SENTIMENTS[rng.zipf(3, 0.5)];
          const place = issue ? rng.pick(issue.places) : PLACES[rng.zipf(PLACES.length, 0.9)];
          const locations = issue || rng.chance(0.5) ? [{ code: place.code, name: place.name, level: 'district' }] : [];
          const phrase = rng.pick(PHRASES[category.slug] ?? PHRASES.lainnya);
          const copy = issue?.campaign && rng.chance(0.8);
          const text = copy
            ? `Pemkot tidak peduli, ${phrase} ${place.name}! Sebarkan sebelum dihapus.`
            : `${phrase[0].toUpperCase()}${phrase.slice(1)} ${place.name}, RT ${1 + rng.int(0, 40)}. ${rng.pick(CLOSE)} ${id}`.trim();
          const author = rng.chance(0.03) ? null : `akun${rng.zipf(AUTHORS, 0.9)}`;
          const likes = rng.zipf(500, 1.2);
          const replies = rng.zipf(50, 1.2);
          const reposts = rng.zipf(100, 1.3);
          const externalId = `r${id}`;
          postRows.push([
            id,
            sourceId,
            externalId,
            createdAt,
            text,
            author,
            `https://example.org/${sourceIndex}/${id}`,
            'id',
            likes,
            replies,
            reposts,
            createdAt,
            sentiment,
            sentiment === 'negative' ? -0.6 : sentiment === 'positive' ? 0.6 : 0,
            category.slug,
            category.opd,
            JSON.stringify(locations),
            copy ? 4_000_000 + (issue ? issues.indexOf(issue) : 0) : null,
          ]);
          if (issue) {
            issueRows.push([issue.id, id, createdAt]);
            const counts = issueCounts.get(issue.id) ?? { posts: 0, authors: new Set<string>() };
            counts.posts++;
            counts.authors.add(author ?? String(id));
            issueCounts.set(issue.id, counts);
          }
          const analysis = {
            sentiment: { label: sentiment, score: 0 },
            category: { slug: category.slug, opd: category.opd },
            locations: locations.map((l) => ({ code: l.code })),
            topics: [],
            tokens: text
              .toLowerCase()
              .split(/[^a-z0-9]+/u)
              .filter((w) => w.length > 2),
          } as unknown as PostAnalysis;
          analysed.push({
            post: {
              externalId,
              text,
              createdAt: createdAt.toISOString(),
              author: author ?? undefined,
              metrics: { likes, replies, reposts },
            },
            analysis,
          });
          stored.push({
            id: String(id),
            sourceId,
            externalId,
            createdAt,
            author,
            url: null,
            reach: likes + replies + reposts,
            analysis,
          });
        }
        // Issues must exist before issue_posts references them: rows first (details filled in at the end).
        if (id <= BATCH) {
          for (const issue of issues) {
            await client.query(
              `INSERT INTO issues (id, label, state, lifecycle, severity, category, opd, post_count, author_count,
                                   campaign, first_seen_at, first_detected_at, last_activity_at, state_changed_at,
                                   region_codes, negative_share, details)
               VALUES ($1, $2, 'trending', 'trending', $3, $4, $5, 0, 0, $6, $7, $7, $8, $7, $9, $10, '{}')`,
              [
                issue.id,
                issue.label,
                issue.severity,
                issue.category,
                issue.opd,
                issue.campaign,
                new Date(issue.startsBeforePeriod ? from - 20 * HOUR : from + 2 * HOUR),
                new Date(from + 23 * HOUR),
                issue.places.map((p) => p.code),
                issue.sentiment[0],
              ],
            );
          }
        }
        await copyInto(client, POST_COLUMNS, postRows);
        await copyInto(client, 'issue_posts (issue_id, post_id, post_created_at)', issueRows);
        await orm.transaction((manager) => writer.record(manager, sourceId, stored, analysed));
        if ((first / BATCH) % 20 === 19) {
          const done = id;
          process.stdout.write(
            `  ${done.toLocaleString('en')} posts, ${Math.round(done / ((Date.now() - started) / 1000))} posts/s\n`,
          );
        }
      }
    }
    await finishIssues(client, issues, issueCounts);
    await seedAlertsAndDispositions(client, issues, options.period);
    await client.query(`SELECT setval(pg_get_serial_sequence('posts', 'id'), $1)`, [id]);
    await client.query('VACUUM ANALYZE');
    await client.query(`CREATE TABLE bench_ready (report_date text PRIMARY KEY, period_posts integer NOT NULL)`);
    await client.query(`INSERT INTO bench_ready VALUES ($1, $2)`, [options.reportDate, options.posts]);
  } finally {
    await orm.destroy();
    await client.end();
  }
}

/** The issues' counts and detector details (sentiment, places, severity, near-duplicate share) from their posts. */
async function finishIssues(
  client: pg.Client,
  issues: BenchIssue[],
  counts: Map<string, { posts: number; authors: Set<string> }>,
): Promise<void> {
  for (const issue of issues) {
    const { rows } = await client.query<{ neg: number; neu: number; pos: number; dup: number; n: number }>(
      `SELECT count(*) FILTER (WHERE p.sentiment = 'negative')::int AS neg,
              count(*) FILTER (WHERE p.sentiment = 'neutral')::int AS neu,
              count(*) FILTER (WHERE p.sentiment = 'positive')::int AS pos,
              count(*) FILTER (WHERE p.near_duplicate_key IS NOT NULL)::int AS dup, count(*)::int AS n
         FROM issue_posts ip JOIN posts p ON p.id = ip.post_id WHERE ip.issue_id = $1`,
      [issue.id],
    );
    const r = rows[0];
    const details = {
      sentiment: { negative: r.neg, neutral: r.neu, positive: r.pos },
      places: issue.places.map((p) => ({ ...p, posts: Math.round(r.n / 2) })),
      severity: { score: issue.severity, level: issue.level, factors: [] },
      nearDuplicateShare: r.n > 0 ? r.dup / r.n : 0,
      keys: [],
      timeline: [],
      topPosts: [],
      stateHistory: [{ state: 'trending', at: Date.now() }],
    };
    await client.query(`UPDATE issues SET post_count = $2, author_count = $3, details = $4 WHERE id = $1`, [
      issue.id,
      r.n,
      counts.get(issue.id)?.authors.size ?? 0,
      JSON.stringify(details),
    ]);
  }
}

/** An alert per created issue of the period (the default rule) and overdue dispositions to three OPDs. */
async function seedAlertsAndDispositions(
  client: pg.Client,
  issues: BenchIssue[],
  period: { from: Date; to: Date },
): Promise<void> {
  let rule = (await client.query<{ id: string; name: string }>(`SELECT id, name FROM alert_rules LIMIT 1`)).rows[0];
  if (!rule) {
    rule = (
      await client.query<{ id: string; name: string }>(
        `INSERT INTO alert_rules (name, active) VALUES ('Isu baru berkeparahan tinggi', false)
         RETURNING id, name`,
      )
    ).rows[0];
  }
  for (const [i, issue] of issues.slice(0, 12).entries()) {
    const evidence = {
      rule: { id: rule.id, name: rule.name },
      issue: {
        id: issue.id,
        label: issue.label,
        state: 'trending',
        severity: issue.severity,
        severityLevel: issue.level,
        category: issue.category,
        opd: issue.opd,
        postCount: 0,
        authorCount: 0,
        firstDetectedAt: period.from.toISOString(),
        campaign: issue.campaign,
      },
      sentiment: { positive: 0, neutral: 0, negative: 0, negativeShare: issue.sentiment[0] },
      places: issue.places,
      topPosts: [],
      matched: [],
      link: `http://localhost/#/issues/${issue.id}`,
    };
    await client.query(
      `INSERT INTO alerts (rule_id, issue_id, event_type, created_at, evidence) VALUES ($1, $2, 'created', $3, $4)`,
      [rule.id, issue.id, new Date(period.from.getTime() + (i + 1) * 90 * 60_000), JSON.stringify(evidence)],
    );
  }
  for (const [i, issue] of issues.slice(0, 9).entries()) {
    await client.query(
      `INSERT INTO issue_dispositions (issue_id, opd, note, forwarded_at, forward_due_at, respond_due_at)
       VALUES ($1, $2, 'Mohon ditindaklanjuti', $3, $3, $4)`,
      [issue.id, issue.opd, period.from, new Date(period.from.getTime() + (i % 3 === 0 ? 6 : 60 * 24) * HOUR)],
    );
  }
}

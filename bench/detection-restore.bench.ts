/**
 * The detector's restore after a restart, in the single-process default (HTTP and detection in one event loop), on
 * PostgreSQL: posts stored through the ingest worker's code path over the last 12 hours, a pass that saves baselines,
 * then a new process-like boot whose first pass restores the detector: from the snapshot the first pass saved (with
 * --delta posts stored after it), then again with the snapshot dropped (the full replay). While each runs, /health is
 * polled every 50 ms and the event loop's delay is sampled (perf_hooks.monitorEventLoopDelay). Then a restore is
 * interrupted by a shutdown.
 * Prints a table (no assertions; the behaviour is asserted in test/resilience/detection-restore.e2e-spec.ts).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:restore [-- --posts 20000 --delta 500]
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { loadAppConfig } from '../src/config/app-config.js';
import { boot, type RunningSystem } from '../src/bootstrap/boot.js';
import { IngestService } from '../src/ingestion/ingest.service.js';
import { DetectionEngine } from '../src/issues/detection-engine.service.js';
import type { IngestPostPayload } from '../src/ingestion/ingest-post.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const TOTAL = Number(args.get('posts') ?? 20_000);
/** Posts stored after the snapshot, before the restart's first pass (what a snapshot's restore feeds). */
const DELTA = Number(args.get('delta') ?? 500);
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BUCKET = 15 * 60_000;

let seed = 11;
const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const CHATTER = [
  'Macet panjang di simpang Jalan Pahlawan pagi ini',
  'Harga telur di pasar Segiri naik lagi',
  'Nonton bola bareng di warung kopi',
  'Pelayanan puskesmas cepat dan ramah',
  'Lampu jalan di gang kami mati sudah seminggu',
  'Kerja bakti membersihkan selokan di RT kami',
  'Jalan berlubang di depan sekolah belum diperbaiki',
  'Sampah menumpuk di pinggir jalan',
];
const WORDS = ['warga', 'kota', 'pagi', 'sore', 'ramai', 'sepi', 'parah', 'tolong', 'kemarin', 'besok'];
const FLOOD = ['Banjir lagi di Sungai Kunjang', 'Sungai Kunjang banjir parah', 'Warga Sungai Kunjang kebanjiran'];

/** `total` posts over the 12 hours before `end`, with a flood in the last two hours. */
export function restoreStream(end: number, total: number, prefix: string): IngestPostPayload[] {
  const posts: IngestPostPayload[] = [];
  const start = end - 12 * 3600_000;
  for (let i = 0; i < total; i++) {
    const flood = i % 25 === 0;
    const at = flood ? end - Math.floor(rnd() * 2 * 3600_000) : start + Math.floor(rnd() * 12 * 3600_000);
    posts.push({
      externalId: `${prefix}-${i}`,
      text: flood
        ? `${pick(FLOOD)}, ${pick(WORDS)} ${pick(WORDS)}`
        : `${pick(CHATTER)} ${pick(WORDS)} ${pick(WORDS)} ${Math.floor(rnd() * 1000)}`,
      createdAt: new Date(at).toISOString(),
      author: flood ? `korban${i}` : `akun${Math.floor(rnd() * 20_000)}`,
    });
  }
  return posts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

async function bootOn(url: string, name: string): Promise<RunningSystem> {
  const config = loadAppConfig(
    {
      DATABASE_URL: url,
      PANTAU_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      PANTAU_ADMIN_PASSWORD: 'bench-admin-password',
      PANTAU_DEMO: 'false',
      PANTAU_LOG_LEVEL: 'warn',
      PANTAU_DATA_DIR: `.pantau-bench/${name}`,
      PORT: '0',
      PANTAU_ROLE: 'api', // no scheduled passes: the bench drives the engine itself, in the API's event loop
    },
    [],
  );
  return boot(config);
}

/** Polls /health every 50 ms until stopped; returns each request's latency. */
function pollHealth(url: string): { stop: () => Promise<number[]> } {
  const latencies: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const t = performance.now();
      await fetch(`${url}/health`)
        .then((r) => r.arrayBuffer())
        .catch(() => undefined);
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return latencies;
    },
  };
}

/** Times one pass that restores the detector while /health is polled; returns its table row. */
async function timedRestore(system: RunningSystem, label: string): Promise<string> {
  const engine = system.app.get(DetectionEngine);
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const poll = pollHealth(system.url ?? '');
  histogram.enable();
  const t0 = performance.now();
  const summary = await engine.pass();
  const passMs = performance.now() - t0;
  histogram.disable();
  const latencies = await poll.stop();
  const restore = summary.restore;
  return (
    `| ${label} | ${summary.timings.restoreMs} | ${restore?.postsReplayed ?? '–'} | ${summary.postsIngested} | ` +
    `${Math.round(passMs)} | ${(histogram.max / 1e6).toFixed(0)} | ${(histogram.percentile(99) / 1e6).toFixed(0)} | ` +
    `${latencies.length} | ${Math.round(Math.max(...latencies))} | ${summary.timings.ingestMs} | ` +
    `${summary.timings.passMs} | ${summary.timings.persistMs} | ${summary.bucketsProcessed} |`
  );
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function main(): Promise<void> {
  const name = `restore_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(BASE_URL);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const load0 = load();
  const dropSnapshots = async () => {
    const client = new pg.Client(url.toString());
    await client.connect();
    await client.query(`DELETE FROM detection_snapshots`);
    await client.end();
  };
  try {
    const first = await bootOn(url.toString(), name);
    const end = Math.floor(Date.now() / BUCKET) * BUCKET;
    let snapshotRow: string;
    try {
      const ingest = first.app.get(IngestService);
      const source = await ingest.findOrCreatePushSource('bench');
      const posts = restoreStream(end, TOTAL, 'r');
      for (let i = 0; i < posts.length; i += 1000) {
        await ingest.processBatch(`bench-${i}`, source.id, posts.slice(i, i + 1000));
      }
      const engine = first.app.get(DetectionEngine);
      await engine.pass(); // ends by saving a snapshot (a replayed detector is saved at once)
      await engine.saveBaselines();
      // The snapshot's own cost, timed again on its own with the event loop sampled.
      const histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      const t0 = performance.now();
      await engine.saveSnapshot();
      const saveMs = performance.now() - t0;
      histogram.disable();
      const client = new pg.Client(url.toString());
      await client.connect();
      const { rows } = await client.query<{ bytes: number; posts: number }>(
        `SELECT octet_length(state) AS bytes, posts FROM detection_snapshots ORDER BY id DESC LIMIT 1`,
      );
      await client.end();
      snapshotRow =
        `snapshot save: ${Math.round(saveMs)} ms (max event-loop delay ${(histogram.max / 1e6).toFixed(0)} ms), ` +
        `${rows[0]?.bytes} bytes gzipped, ${rows[0]?.posts} posts in memory`;
    } finally {
      await first.stop();
    }

    // The restart, with DELTA more posts stored meanwhile: from the snapshot, then (snapshot dropped) by the replay.
    // Posts of the minutes after the snapshot (late posts of hours before would be a backfill, a rebuild).
    const now = Date.now();
    const delta = restoreStream(end, DELTA, 'd')
      .map((p, i) => ({ ...p, createdAt: new Date(now - 120_000 + Math.floor((i * 100_000) / DELTA)).toISOString() }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const second = await bootOn(url.toString(), name);
    let fromSnapshot: string;
    try {
      const ingest = second.app.get(IngestService);
      const source = await ingest.findOrCreatePushSource('bench');
      await ingest.processBatch('bench-delta', source.id, delta);
      fromSnapshot = await timedRestore(second, 'snapshot + delta');
    } finally {
      await second.stop();
    }
    await dropSnapshots();
    const third = await bootOn(url.toString(), name);
    let fromReplay: string;
    try {
      fromReplay = await timedRestore(third, 'full replay');
    } finally {
      await third.stop();
    }

    // A shutdown asked for 3 s into a restore (past its reads, into the replay), timed from when it was asked for: a
    // blocked event loop runs the timer, as it would a SIGTERM handler, only when it is free again.
    await dropSnapshots();
    const fourth = await bootOn(url.toString(), name);
    const engine = fourth.app.get(DetectionEngine);
    const restoring = engine.pass().catch((err: unknown) => String(err));
    const askedAt = performance.now() + 3000;
    await new Promise((r) => setTimeout(r, 3000));
    await fourth.stop();
    const stopMs = performance.now() - askedAt;
    const outcome = await restoring;
    console.log(
      `restore of ${TOTAL} posts over 12 h, ${DELTA} more stored after the snapshot; load average ${load0} → ` +
        `${load()} (2 cores, shared)`,
    );
    console.log(snapshotRow);
    console.log(
      '| restore | restore ms | posts replayed | posts fed by the pass | first pass ms | max event-loop delay ms | p99 delay ms | /health polls | max /health ms | feed ms | detector pass ms | persist ms | buckets |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(fromSnapshot);
    console.log(fromReplay);
    console.log(
      `shutdown asked for 3 s into a restore, done after: ${Math.round(stopMs)} ms (the pass ended with: ${typeof outcome === 'string' ? outcome.slice(0, 80) : 'completed'})`,
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

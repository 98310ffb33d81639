/**
 * A realistic Indonesian test stream: background chatter from many accounts over several hours, and a flood story in
 * one kecamatan (Sungai Kunjang, Samarinda) told by many distinct authors, rising over a few 15-minute buckets.
 */
import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';

export const BUCKET_MS = 15 * 60_000;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BACKGROUND = [
  ['Macet panjang di simpang', 'Lalu lintas padat di jalan', 'Antrean kendaraan mengular di'],
  ['Jalan Pahlawan', 'Jalan Juanda', 'Jalan Basuki Rahmat', 'Jembatan Mahakam', 'Jalan Antasari', 'Jalan Suryanata'],
  ['pagi ini', 'sore tadi', 'sejak siang', 'barusan', 'hari ini'],
];
const CHATTER = [
  'Harga telur di pasar Segiri naik lagi, ibu-ibu mengeluh',
  'Nonton bola bareng di warung kopi dekat rumah, seru sekali',
  'Cuaca cerah, enak buat jalan pagi di tepian Mahakam',
  'Kuliner malam di Citra Niaga ramai pengunjung',
  'Alhamdulillah pelayanan puskesmas cepat dan ramah',
  'Ada yang tahu bengkel motor bagus di daerah Sempaja?',
  'Selamat ulang tahun untuk sahabatku, semoga sehat selalu',
  'Pasar murah sembako digelar di kantor kelurahan minggu depan',
  'Lampu jalan di gang kami mati sudah seminggu',
  'Antre SIM di Satlantas lumayan lama tapi tertib',
  'Rekomendasi tempat ngopi yang nyaman buat kerja?',
  'Besok ada kerja bakti membersihkan selokan di RT kami',
];
const FLOOD_OPEN = [
  'Banjir lagi di Sungai Kunjang',
  'Warga Sungai Kunjang kebanjiran',
  'Air sungai meluap, rumah warga di Sungai Kunjang terendam banjir',
  'Banjir di kawasan Sungai Kunjang makin tinggi',
  'Sungai Kunjang banjir parah',
  'Update banjir Sungai Kunjang',
  'Kondisi banjir di Sungai Kunjang',
  'Rumah mertua di Sungai Kunjang kena banjir',
];
const FLOOD_DEPTH = [
  'air sudah sepinggang',
  'tinggi air sekitar 50 cm',
  'air setinggi lutut',
  'hampir satu meter',
  'air masuk rumah',
];
const FLOOD_DETAIL = [
  'sejak subuh tadi',
  'banyak warga mengungsi ke masjid',
  'motor mogok tidak bisa lewat',
  'anak-anak tidak bisa berangkat sekolah',
  'tolong BPBD segera kirim perahu',
  'pengungsi butuh makanan dan selimut',
  'hujan deras dari semalam belum berhenti',
  'drainase tersumbat jadi air tidak surut',
  'listrik di gang kami sudah dipadamkan',
  'barang-barang sudah diungsikan ke lantai dua',
  'lansia di RT sebelah perlu dievakuasi',
  'jalan ke pasar tidak bisa dilalui',
];
const FLOOD_CLOSE = [
  '',
  '',
  'Semoga cepat surut.',
  'Mohon perhatian pemkot.',
  'Ya Allah...',
  'Hati-hati yang lewat sana.',
  '#banjirsamarinda',
  '',
];

function floodText(pick: <T>(xs: readonly T[]) => T, rnd: () => number): string {
  const rt = rnd() < 0.3 ? ` RT ${1 + Math.floor(rnd() * 40)}` : '';
  return `${pick(FLOOD_OPEN)}${rt}, ${pick(FLOOD_DEPTH)}, ${pick(FLOOD_DETAIL)}. ${pick(FLOOD_CLOSE)}`.trim();
}

export interface StoryStream {
  posts: IngestPostPayload[];
  /** The first bucket of the flood. */
  floodStart: number;
}

/** `hours` of background from `start`, a flood rising over buckets `floodBuckets` (posts per bucket), then a quiet tail. */
export function floodStream(
  start: number,
  options: { hours?: number; floodPerBucket?: number[]; prefix?: string; seed?: number } = {},
): StoryStream {
  const rnd = prng(options.seed ?? 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const hours = options.hours ?? 12;
  const prefix = options.prefix ?? 's';
  const posts: IngestPostPayload[] = [];
  let n = 0;
  const add = (at: number, author: string, text: string) => {
    posts.push({
      externalId: `${prefix}-${n++}`,
      text,
      createdAt: new Date(at).toISOString(),
      author,
      url: `https://example.org/${prefix}/${n}`,
      lang: 'id',
      metrics: { likes: Math.floor(rnd() * 30), replies: Math.floor(rnd() * 5), reposts: Math.floor(rnd() * 4) },
    });
  };
  const buckets = hours * 4;
  for (let b = 0; b < buckets + 3; b++) {
    const count = 4 + Math.floor(rnd() * 4);
    for (let i = 0; i < count; i++) {
      const at = start + b * BUCKET_MS + Math.floor(rnd() * BUCKET_MS);
      const text =
        rnd() < 0.4
          ? `${pick(BACKGROUND[0])} ${pick(BACKGROUND[1])} ${pick(BACKGROUND[2])}`
          : `${pick(CHATTER)} ${rnd() < 0.3 ? '😊' : ''}`;
      add(at, `akun_${Math.floor(rnd() * 400)}`, text.trim());
    }
  }
  const floodStart = buckets - 5;
  const perBucket = options.floodPerBucket ?? [4, 9, 16, 24];
  let author = 0;
  perBucket.forEach((count, i) => {
    for (let j = 0; j < count; j++) {
      const at = start + (floodStart + i) * BUCKET_MS + Math.floor(rnd() * BUCKET_MS);
      add(at, `${prefix}_warga_banjir_${author++}`, floodText(pick, rnd));
    }
  });
  posts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { posts, floodStart };
}

/** More flood posts (the story goes on) in the buckets from `fromBucketStart`, plus a later quiet post. */
export function floodContinues(
  fromBucketStart: number,
  perBucket: number[],
  prefix: string,
  seed = 11,
): IngestPostPayload[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const posts: IngestPostPayload[] = [];
  let n = 0;
  perBucket.forEach((count, i) => {
    for (let j = 0; j < count; j++) {
      posts.push({
        externalId: `${prefix}-${n}`,
        text: floodText(pick, rnd),
        createdAt: new Date(fromBucketStart + i * BUCKET_MS + Math.floor(rnd() * BUCKET_MS)).toISOString(),
        author: `${prefix}_warga_${n++}`,
        lang: 'id',
      });
    }
  });
  posts.push({
    externalId: `${prefix}-tail`,
    text: 'Cuaca cerah, enak buat jalan pagi di tepian Mahakam',
    createdAt: new Date(fromBucketStart + (perBucket.length + 1) * BUCKET_MS).toISOString(),
    author: `${prefix}_tail`,
    lang: 'id',
  });
  return posts;
}

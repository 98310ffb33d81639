/** The posts the ingest benchmarks send: Indonesian complaint phrases, hashtags, 5,000 authors, the last hour. */
import type { IngestPostPayload } from '../src/ingestion/ingest-post.js';

export const PHRASES = [
  'jalan rusak parah dan berlubang di depan pasar',
  'air PDAM mati sejak kemarin sore, warga terpaksa beli air galon',
  'banjir setinggi lutut di Sungai Kunjang setelah hujan deras',
  'terima kasih petugas kebersihan, taman kota sekarang bersih',
  'pelayanan KTP-el di kecamatan lambat sekali, antre dari subuh',
  'harga cabai dan bawang di pasar naik terus, pedagang mengeluh',
  'lampu jalan mati di gang kami sudah seminggu, rawan kejahatan',
  'guru honorer belum digaji tiga bulan, tolong perhatikan',
];

export function makeBenchBatch(run: string, index: number, size: number): IngestPostPayload[] {
  const base = Date.now() - 3600_000;
  return Array.from({ length: size }, (_, i) => {
    const n = index * size + i;
    const text = `${PHRASES[n % PHRASES.length]} #laporan${n % 50} @pemkot ${PHRASES[(n * 7) % PHRASES.length]} (${n})`;
    return {
      externalId: `${run}-${n}`,
      text,
      createdAt: new Date(base + (n % 3_600_000)).toISOString(),
      author: `warga${n % 5000}`,
      url: `https://example.org/p/${n}`,
      lang: 'id',
      metrics: { likes: n % 17, replies: n % 5, reposts: n % 3 },
    };
  });
}

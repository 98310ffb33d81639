import type { IngestPostPayload } from '../../src/ingestion/ingest-post.js';

const SNIPPETS = [
  'Jalan di depan pasar rusak parah, lubangnya dalam sekali',
  'Air PDAM mati sejak pagi di kelurahan kami, tolong segera diperbaiki',
  'Terima kasih petugas kebersihan, taman kota sekarang bersih dan rapi',
  'Banjir setinggi lutut di Sungai Kunjang setelah hujan deras semalam',
  'Pelayanan KTP-el di kecamatan lambat, antre dari subuh belum dipanggil',
  'Harga cabai di pasar naik terus, warga mengeluh',
];

/** Posts with defaults; each call's ids are unique within its prefix. */
export function makePosts(
  count: number,
  options: { prefix?: string; textLength?: number; createdAt?: Date } = {},
): IngestPostPayload[] {
  const prefix = options.prefix ?? 'post';
  const createdAt = options.createdAt ?? new Date(Date.now() - 60_000);
  return Array.from({ length: count }, (_, index) => {
    let text = `${SNIPPETS[index % SNIPPETS.length]} (laporan ${index})`;
    while (options.textLength && text.length < options.textLength) {
      text += ` ${SNIPPETS[(index + text.length) % SNIPPETS.length]}`;
    }
    return {
      externalId: `${prefix}-${index}`,
      text: options.textLength ? text.slice(0, options.textLength) : text,
      createdAt: new Date(createdAt.getTime() - index * 1000).toISOString(),
      author: `warga${index % 97}`,
      url: `https://example.org/${prefix}/${index}`,
      lang: 'id',
      metrics: { likes: index % 13, replies: index % 5, reposts: index % 3 },
    };
  });
}

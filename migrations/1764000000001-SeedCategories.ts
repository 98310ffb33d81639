import { MigrationInterface, QueryRunner } from 'typeorm';

/** The default taxonomy of docs/ARCHITECTURE.md. Keywords stay empty: the analysis engine's defaults apply until an admin edits them. */
const DEFAULT_TAXONOMY: [slug: string, name: string, opd: string, weight: number][] = [
  ['infrastruktur', 'Infrastruktur', 'Dinas PUPR', 1.0],
  ['bencana', 'Bencana', 'BPBD', 1.5],
  ['kesehatan', 'Kesehatan', 'Dinas Kesehatan', 1.3],
  ['pendidikan', 'Pendidikan', 'Dinas Pendidikan', 1.1],
  ['kependudukan', 'Kependudukan', 'Disdukcapil', 0.9],
  ['lingkungan', 'Lingkungan Hidup', 'Dinas Lingkungan Hidup', 1.0],
  ['transportasi', 'Transportasi', 'Dinas Perhubungan', 0.9],
  ['sosial', 'Sosial', 'Dinas Sosial', 1.1],
  ['ekonomi', 'Ekonomi', 'Dinas Perdagangan', 1.0],
  ['utilitas', 'Utilitas (Air dan Listrik)', 'Perumda Air Minum / koordinasi PLN', 1.2],
  ['ketertiban', 'Ketertiban Umum', 'Satpol PP', 1.1],
  ['tata-kelola', 'Tata Kelola Pemerintahan', 'Inspektorat', 1.2],
  ['pertanian', 'Pertanian', 'Dinas Pertanian', 0.9],
  ['lainnya', 'Lainnya', 'Diskominfo', 0.5],
];

export class SeedCategories1764000000001 implements MigrationInterface {
  name = 'SeedCategories1764000000001';

  async up(db: QueryRunner): Promise<void> {
    for (const [position, [slug, name, opd, weight]] of DEFAULT_TAXONOMY.entries()) {
      await db.query(
        `INSERT INTO categories (slug, name, opd, severity_weight, position) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (slug) DO NOTHING`,
        [slug, name, opd, weight, position],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM categories WHERE slug = ANY($1)`, [DEFAULT_TAXONOMY.map(([slug]) => slug)]);
  }
}

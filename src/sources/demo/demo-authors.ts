import type { DemoCategory } from './demo-post.types.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * Invented accounts of the demo stream. Every handle starts with `demo_`; resident names are assembled from
 * common Indonesian given names and do not describe real people.
 */

export interface DemoAuthor {
  handle: string;
  name: string;
}

export const NEWS_OUTLETS: readonly DemoAuthor[] = [
  { handle: 'demo_kabarmahakam', name: 'Kabar Mahakam (demo)' },
  { handle: 'demo_samarindaterkini', name: 'Samarinda Terkini (demo)' },
  { handle: 'demo_tepiannews', name: 'Tepian News (demo)' },
  { handle: 'demo_benuaetampost', name: 'Benua Etam Post (demo)' },
  { handle: 'demo_karangmumustv', name: 'Karang Mumus TV (demo)' },
];

/** Official accounts by key (story scripts name them without the prefix). */
export const OFFICIAL_ACCOUNTS: Readonly<Record<string, DemoAuthor>> = {
  pemkotsmd: { handle: 'demo_pemkotsmd', name: 'Pemerintah Kota Samarinda (demo)' },
  puprsmd: { handle: 'demo_puprsmd', name: 'Dinas PUPR Kota Samarinda (demo)' },
  bpbdsmd: { handle: 'demo_bpbdsmd', name: 'BPBD Kota Samarinda (demo)' },
  dinkessmd: { handle: 'demo_dinkessmd', name: 'Dinas Kesehatan Kota Samarinda (demo)' },
  disdiksmd: { handle: 'demo_disdiksmd', name: 'Dinas Pendidikan Kota Samarinda (demo)' },
  disdukcapilsmd: { handle: 'demo_disdukcapilsmd', name: 'Disdukcapil Kota Samarinda (demo)' },
  dlhsmd: { handle: 'demo_dlhsmd', name: 'DLH Kota Samarinda (demo)' },
  dishubsmd: { handle: 'demo_dishubsmd', name: 'Dishub Kota Samarinda (demo)' },
  dinsossmd: { handle: 'demo_dinsossmd', name: 'Dinas Sosial Kota Samarinda (demo)' },
  disdagsmd: { handle: 'demo_disdagsmd', name: 'Dinas Perdagangan Kota Samarinda (demo)' },
  pdamsmd: { handle: 'demo_pdamsmd', name: 'Perumda Air Minum Samarinda (demo)' },
  satpolppsmd: { handle: 'demo_satpolppsmd', name: 'Satpol PP Kota Samarinda (demo)' },
  inspektoratsmd: { handle: 'demo_inspektoratsmd', name: 'Inspektorat Kota Samarinda (demo)' },
  distansmd: { handle: 'demo_distansmd', name: 'Dinas Pertanian Kota Samarinda (demo)' },
  infosmd: { handle: 'demo_infosmd', name: 'Info Samarinda (demo)' },
};

export const OFFICIAL_BY_CATEGORY: Readonly<Record<DemoCategory, string>> = {
  infrastruktur: 'puprsmd',
  bencana: 'bpbdsmd',
  kesehatan: 'dinkessmd',
  pendidikan: 'disdiksmd',
  kependudukan: 'disdukcapilsmd',
  lingkungan: 'dlhsmd',
  transportasi: 'dishubsmd',
  sosial: 'dinsossmd',
  ekonomi: 'disdagsmd',
  utilitas: 'pdamsmd',
  ketertiban: 'satpolppsmd',
  'tata-kelola': 'pemkotsmd',
  pertanian: 'distansmd',
  lainnya: 'infosmd',
};

const GIVEN = [
  'Rina',
  'Yusuf',
  'Dewi',
  'Ahmad',
  'Siti',
  'Rizky',
  'Nur',
  'Fajar',
  'Indah',
  'Bayu',
  'Putri',
  'Hendra',
  'Ayu',
  'Dimas',
  'Lestari',
  'Arif',
  'Wulan',
  'Fikri',
  'Maya',
  'Rahmat',
  'Sri',
  'Eko',
  'Nadia',
  'Aldi',
  'Fitri',
  'Gilang',
  'Yuli',
  'Irfan',
  'Mega',
  'Taufik',
  'Novi',
  'Galih',
  'Rini',
  'Agus',
  'Tika',
  'Bima',
  'Salsa',
  'Hadi',
  'Intan',
  'Ridwan',
  'Anisa',
  'Dedi',
  'Citra',
  'Syahrul',
  'Ratna',
  'Imam',
  'Vina',
  'Andi',
  'Desi',
  'Jumadi',
  'Mira',
  'Udin',
  'Lina',
  'Faisal',
  'Nining',
  'Aris',
  'Ulfa',
  'Samsul',
  'Yanti',
  'Rudi',
];
const SECOND = [
  'Pratama',
  'Sari',
  'Hidayat',
  'Wijaya',
  'Rahmawati',
  'Saputra',
  'Lestari',
  'Kurniawan',
  'Maulana',
  'Anggraini',
  'Setiawan',
  'Nugroho',
  'Permata',
  'Ramadhan',
  'Fitriani',
  'Syahputra',
  'Utami',
  'Firmansyah',
  'Amalia',
  'Gunawan',
];
const HANDLE_STYLES = [
  (g: string, s: string, d: string) => `${g}${s}${d}`,
  (g: string, s: string) => `${g}_${s}`,
  (g: string, _s: string, d: string) => `${g}.smd${d}`,
  (g: string, s: string) => `${g}${s.slice(0, 3)}_kaltim`,
  (g: string, _s: string, d: string) => `${g}_${d}`,
  (g: string, s: string, d: string) => `its${g}${s.slice(0, 1)}${d}`,
  (g: string) => `${g}samarinda`,
  (g: string, s: string, d: string) => `${s}${g}${d}`,
];

/** A pool of invented residents; picking favours the first ones, so a few residents post often. */
export function buildResidentPool(rng: SeededRandom, size: number): DemoAuthor[] {
  const pool: DemoAuthor[] = [];
  const seen = new Set<string>();
  while (pool.length < size) {
    const g = rng.pick(GIVEN);
    const s = rng.pick(SECOND);
    const digits = String(rng.int(1, 99)).padStart(rng.chance(0.5) ? 2 : 1, '0');
    const handle = `demo_${rng.pick(HANDLE_STYLES)(g.toLowerCase(), s.toLowerCase(), digits)}`;
    if (seen.has(handle)) {
      continue;
    }
    seen.add(handle);
    pool.push({ handle, name: rng.chance(0.7) ? `${g} ${s}` : g });
  }
  return pool;
}

/** Accounts of the praise campaign: fresh, number-heavy handles. */
export function buildBuzzerAccounts(rng: SeededRandom, count: number): DemoAuthor[] {
  const out: DemoAuthor[] = [];
  const seen = new Set<string>();
  const stems = ['wargasmd', 'samarindabangkit', 'pejuang_kaltim', 'cintasamarinda', 'user', 'akun', 'relawan_smd'];
  while (out.length < count) {
    const handle = `demo_${rng.pick(stems)}${rng.int(1000, 99999)}`;
    if (seen.has(handle)) {
      continue;
    }
    seen.add(handle);
    out.push({ handle, name: rng.chance(0.5) ? rng.pick(GIVEN) + ' ' + rng.pick(SECOND) : 'Warga Samarinda' });
  }
  return out;
}

export function pickResident(rng: SeededRandom, pool: readonly DemoAuthor[]): DemoAuthor {
  const r = rng.next();
  return pool[Math.floor(pool.length * r * r)];
}

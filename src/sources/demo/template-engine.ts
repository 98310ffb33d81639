import type { SeededRandom } from './seeded-random.js';
import { DEMO_DISTRICTS, DEMO_LANDMARKS, DEMO_STREETS, DEMO_VILLAGES, type DemoVillage } from './samarinda-places.js';

/**
 * A tiny template language for the demo generator:
 * - `[a|b|c]` picks one alternative (alternatives may be empty and may nest; innermost first);
 * - `{kel}` kelurahan, `{kec}` its kecamatan, `{jalan}` a street there, `{lm}` a landmark there;
 * - `{jam}`, `{durasi}`, `{hari}`, `{n}` (2–9), `{nn}` (10–60), `{rt}`, `{nama}`;
 * - `{b:name}` an entry of the category's phrase bank `name` (entries may themselves contain slots);
 * - `{nik}`, `{hp}`, `{email}` clearly synthetic personal data (to exercise PII masking);
 * - `{#}` a hashtag of the category, `{@}` a mention of the category.
 * One place is chosen per text, so `{kel}`, `{kec}` and `{jalan}` agree with each other.
 */

export interface TemplateBanks {
  [name: string]: readonly string[];
}

export interface FillContext {
  banks: TemplateBanks;
  hashtags: readonly string[];
  mentions: readonly string[];
  /** Force a village (stories); otherwise one is picked at random. */
  village?: DemoVillage;
}

export interface FillResult {
  text: string;
  /** Code of the most precise place the text names, if it names one. */
  placeCode?: string;
}

const JAM = [
  'tadi pagi',
  'subuh tadi',
  'sejak pagi',
  'siang ini',
  'sore tadi',
  'tadi malam',
  'dari semalam',
  'jam 7 pagi',
  'jam 5 sore',
  'pas jam pulang kantor',
  'habis magrib',
  'jam 10an',
  'barusan',
];
const DURASI = [
  'dua minggu',
  'sebulan lebih',
  'tiga bulan',
  'hampir setahun',
  'berminggu-minggu',
  'dari tahun lalu',
  'empat hari',
  'seminggu',
  'lima bulan',
];
const HARI = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const NAMA = [
  'Rudi',
  'Sari',
  'Hendra',
  'Wati',
  'Anto',
  'Yanti',
  'Jumadi',
  'Rahmah',
  'Syahrul',
  'Nining',
  'Irfan',
  'Lina',
];

export function fillTemplate(template: string, rng: SeededRandom, ctx: FillContext): FillResult {
  const village = ctx.village ?? rng.pick(DEMO_VILLAGES);
  const district = DEMO_DISTRICTS.find((d) => d.code === village.districtCode)!;
  const street = rng.pick(DEMO_STREETS[district.code] ?? ['Jl. Juanda']);
  const landmark = rng.pick(DEMO_LANDMARKS[district.code] ?? ['Tepian Mahakam']);
  let usedVillage = false;
  let usedDistrict = false;

  let text = template;
  // Expand bank references and `[a|b]` alternatives until none is left (banks may hold alternatives and vice versa).
  for (let round = 0; round < 10; round++) {
    const before = text;
    text = text.replace(/\{b:([a-z]+)\}/g, (_m, name: string) => {
      const bank = ctx.banks[name];
      if (!bank) {
        throw new Error(`unknown phrase bank ${name}`);
      }
      return rng.pick(bank);
    });
    text = text.replace(/\[([^[\]]*)\]/g, (_m, body: string) => rng.pick(body.split('|')));
    if (text === before) {
      break;
    }
  }
  text = text.replace(/\{([a-z#@]+)\}/g, (m, slot: string) => {
    switch (slot) {
      case 'kel':
        usedVillage = true;
        return village.name;
      case 'kec':
        usedDistrict = true;
        return district.name;
      case 'jalan':
        usedDistrict = true;
        return street;
      case 'lm':
        usedDistrict = true;
        return landmark;
      case 'jam':
        return rng.pick(JAM);
      case 'durasi':
        return rng.pick(DURASI);
      case 'hari':
        return rng.pick(HARI);
      case 'n':
        return String(rng.int(2, 9));
      case 'nn':
        return String(rng.int(10, 60));
      case 'rt':
        return `RT ${String(rng.int(1, 45)).padStart(2, '0')}`;
      case 'nama':
        return rng.pick(NAMA);
      case 'nik':
        return syntheticNik(rng, district.code);
      case 'hp':
        return syntheticPhone(rng);
      case 'email':
        return syntheticEmail(rng);
      case '#':
        return ctx.hashtags.length ? rng.pick(ctx.hashtags) : '#samarinda';
      case '@':
        return ctx.mentions.length ? rng.pick(ctx.mentions) : '@demo_pemkotsmd';
      default:
        return m;
    }
  });
  text = text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\s+([,.!?])/g, '$1')
    .trim();
  const placeCode = usedVillage ? village.code : usedDistrict ? district.code : undefined;
  return { text, placeCode };
}

/** A synthetic NIK: region code of the district, a plausible birth date, serial 000x. Never a real person's. */
export function syntheticNik(rng: SeededRandom, districtCode = '64.72.03'): string {
  const region = districtCode.replace(/\./g, '');
  const day = rng.int(1, 28) + (rng.chance(0.5) ? 40 : 0);
  const month = rng.int(1, 12);
  const year = rng.int(70, 99);
  const nik = `${region}${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${year}000${rng.int(1, 9)}`;
  return rng.chance(0.5) ? nik : nik.replace(/^(\d{4})(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3 $4');
}

/** A synthetic mobile number in the reserved-looking 0811-0000-xxxx range. */
export function syntheticPhone(rng: SeededRandom): string {
  const tail = String(rng.int(1000, 9999));
  return rng.pick([`0811-0000-${tail}`, `08110000${tail}`, `+62 811 0000 ${tail}`]);
}

/** A synthetic e-mail on the reserved example.com / example.org domains. */
export function syntheticEmail(rng: SeededRandom): string {
  const local = rng.pick(['warga', 'ortu', 'pelanggan', 'aduan', 'ibu.rumah', 'bapak']);
  return `${local}.demo${rng.int(10, 99)}@${rng.pick(['example.com', 'example.org'])}`;
}

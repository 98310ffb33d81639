/**
 * Synthetic Indonesian social-media streams with known ground truth, for evaluating issue detection.
 *
 * A stream mixes: background chatter following a daily rhythm; steady recurring topics with their own hours
 * (morning traffic, market prices, queues at the civil registry); injected events (a story type × a place) with a
 * known onset and growth curve (sudden, slow burn, double peak); near-duplicate campaigns copied by many accounts;
 * and one-author copy-paste spam. Everything comes from a seeded RNG, so a seed names a stream.
 */

export interface RawStreamPost {
  id: string;
  text: string;
  createdAt: string;
  author: string;
  source: string;
}

export type TruthKind = 'event' | 'campaign' | 'spam' | 'recurring' | 'background';

export interface TruthEvent {
  id: string;
  kind: TruthKind;
  title: string;
  curve?: GrowthCurve;
  onset: number;
  posts: number;
  /** Time of the event's 10th post (epoch ms), the moment a person scrolling could notice it. */
  tenthPostAt: number | null;
}

export type GrowthCurve = 'sudden' | 'slow' | 'double';

export interface GeneratedStream {
  seed: number;
  shape: StreamShape;
  start: number;
  end: number;
  /** Events are injected after the warm-up; issues first detected before it are not scored. */
  warmupEnd: number;
  posts: RawStreamPost[];
  /** Post id → truth event id ('bg' for background chatter). */
  truth: Map<string, string>;
  events: TruthEvent[];
}

export interface StreamShape {
  name: string;
  days: number;
  /** Background posts per day. */
  backgroundPerDay: number;
  events: number;
  campaigns: number;
  /** Event size range (posts). */
  eventPosts: [number, number];
  curves: GrowthCurve[];
  authors: number;
}

export const STREAM_SHAPES: Record<string, StreamShape> = {
  standard: {
    name: 'standard',
    days: 4,
    backgroundPerDay: 4000,
    events: 12,
    campaigns: 2,
    eventPosts: [30, 220],
    curves: ['sudden', 'slow', 'double'],
    authors: 6000,
  },
  quiet: {
    name: 'quiet',
    days: 4,
    backgroundPerDay: 1200,
    events: 8,
    campaigns: 1,
    eventPosts: [20, 90],
    curves: ['sudden', 'slow'],
    authors: 2500,
  },
  busy: {
    name: 'busy',
    days: 3,
    backgroundPerDay: 12000,
    events: 14,
    campaigns: 3,
    eventPosts: [40, 300],
    curves: ['sudden', 'slow', 'double'],
    authors: 15000,
  },
  slowburn: {
    name: 'slowburn',
    days: 4,
    backgroundPerDay: 3000,
    events: 10,
    campaigns: 1,
    eventPosts: [30, 150],
    curves: ['slow'],
    authors: 5000,
  },
};

/** mulberry32: small, fast, seeded. */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Index drawn with Zipf-like weights 1/(i+1)^s. */
  zipf(n: number, s = 1): number {
    const u = this.next();
    // Inverse of the continuous approximation, clamped.
    const x = s === 1 ? Math.pow(n + 1, u) - 1 : Math.pow(u * (Math.pow(n + 1, 1 - s) - 1) + 1, 1 / (1 - s)) - 1;
    return Math.min(n - 1, Math.max(0, Math.floor(x)));
  }
  /** Poisson sample (Knuth for small λ, normal approximation above 50). */
  poisson(lambda: number): number {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda > 50) {
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.gaussian()));
    }
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
  gaussian(): number {
    const u = Math.max(1e-12, this.next());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

// ─────────────── vocabulary ───────────────

const CITIES: { name: string; tag: string; districts: string[] }[] = [
  {
    name: 'samarinda',
    tag: 'samarinda',
    districts: [
      'sungai kunjang',
      'samarinda ulu',
      'samarinda ilir',
      'sungai pinang',
      'loa janan ilir',
      'palaran',
      'sambutan',
      'sempaja',
    ],
  },
  {
    name: 'balikpapan',
    tag: 'balikpapan',
    districts: ['gunung sari', 'klandasan', 'balikpapan utara', 'manggar', 'gunung bahagia', 'karang joang'],
  },
  { name: 'bontang', tag: 'bontang', districts: ['bontang kuala', 'loktuan', 'tanjung laut', 'berbas pantai'] },
  { name: 'tenggarong', tag: 'tenggarong', districts: ['loa ipuh', 'mangkurawang', 'timbau', 'sukarame'] },
  { name: 'sangatta', tag: 'kutim', districts: ['sangatta utara', 'teluk lingga', 'swarga bara'] },
  { name: 'penajam', tag: 'ppu', districts: ['nipah nipah', 'gunung seteleng', 'sotek'] },
];

const GENERAL = `makan siang kopi kerja kantor hujan panas cuaca film bola musik lagu teman keluarga anak sekolah kuliah
tugas ujian libur jalan pulang pagi malam sore minggu senin jumat weekend nonton main game hp laptop internet sinyal
kuota belanja online paket kurir ojol motor mobil bensin parkir kucing anjing masak nasi goreng sate bakso mie ayam
es teh jeruk durian pisang roti kue pasar mall promo diskon gaji cicilan tabungan nikah pacar mantan galau senang sedih
capek ngantuk tidur bangun olahraga lari sepeda gym sehat sakit flu batuk obat dokter klinik ulang tahun kado foto
video konten viral berita politik pemilu artis drakor anime buku baca nulis tulis coding rapat meeting lembur bos
karyawan proyek bisnis usaha jualan warung toko cafe nongkrong ngopi santai healing pantai taman gunung mancing
kebun tanaman bunga hewan burung ikan kolam rumah kamar kos kontrakan tetangga arisan pengajian masjid gereja doa
ibadah puasa lebaran natal imlek mudik tiket pesawat kapal bus terminal bandara hotel wisata kuliner enak mahal murah
antri lama cepat baru lama rusak bagus jelek keren lucu aneh serem seru bosen kangen rindu cinta marah kesal bahagia
hebat mantap parah gila banget`.split(/\s+/);

const FUNCTION =
  `yang di ke dari dan ini itu ada tidak sudah akan juga aja nih sih dong banget lagi mau bisa udah kok ya
deh kan lah pun karena tapi terus jadi sama buat untuk dengan`.split(/\s+/);

const GREETINGS = ['', '', '', 'wah', 'duh', 'astaga', 'alhamdulillah', 'hadeh', 'gais', 'info', 'guys'];

interface StoryType {
  type: string;
  /** Core words a post uses (2–4 of them). */
  core: string[];
  /** Sentence templates; {d} district, {c} city, {n} number, {w} core word. */
  templates: string[];
  hashtags: string[];
}

const STORIES: StoryType[] = [
  {
    type: 'banjir',
    core: ['banjir', 'terendam', 'pengungsi', 'meluap', 'genangan', 'evakuasi', 'perahu karet'],
    templates: [
      'banjir lagi di {d} air sudah setinggi {n} cm',
      'warga {d} mengungsi karena banjir makin tinggi',
      'posko pengungsi banjir {d} butuh bantuan makanan',
      'sungai meluap {d} terendam banjir sejak subuh',
      'rumah di {d} kebanjiran {w} belum surut',
      'tim sar evakuasi warga {d} pakai perahu karet',
      'jalan di {d} {c} tidak bisa dilewati karena banjir',
    ],
    hashtags: ['banjir{t}', 'banjir{t}', 'prayfor{t}'],
  },
  {
    type: 'kebakaran',
    core: ['kebakaran', 'terbakar', 'damkar', 'api', 'asap', 'hangus', 'korsleting'],
    templates: [
      'kebakaran hebat di {d} api belum padam',
      'damkar sudah datang ke lokasi kebakaran {d}',
      'asap tebal terlihat dari {d} katanya gudang terbakar',
      'puluhan rumah hangus terbakar di {d} {c}',
      'diduga korsleting listrik kebakaran di {d}',
      'warga {d} panik api menjalar cepat',
    ],
    hashtags: ['kebakaran{t}', 'infodamkar{t}'],
  },
  {
    type: 'pdam',
    core: ['pdam', 'air mati', 'air keruh', 'tidak mengalir', 'pasokan air', 'tangki'],
    templates: [
      'air pdam mati sudah {n} hari di {d}',
      'pdam {c} tolong air di {d} tidak mengalir',
      'air keruh dan bau di {d} pdam kemana',
      'warga {d} beli air tangki karena pdam mati',
      'pasokan air pdam ke {d} terganggu lagi',
    ],
    hashtags: ['pdam{t}', 'airmati{t}'],
  },
  {
    type: 'listrik',
    core: ['listrik padam', 'pemadaman', 'pln', 'mati lampu', 'gardu'],
    templates: [
      'listrik padam di {d} sudah {n} jam pln tolong',
      'mati lampu lagi di {d} tanpa pemberitahuan',
      'pemadaman bergilir {c} {d} kena terus',
      'gardu pln di {d} meledak listrik padam',
      'pln {c} kapan listrik di {d} nyala lagi',
    ],
    hashtags: ['pln{t}', 'matilampu{t}'],
  },
  {
    type: 'jalan',
    core: ['jalan rusak', 'berlubang', 'aspal', 'kubangan', 'kecelakaan', 'perbaikan jalan'],
    templates: [
      'jalan rusak parah di {d} banyak lubang',
      'aspal di {d} berlubang motor jatuh lagi',
      'jalan di {d} seperti kubangan kerbau kapan diperbaiki',
      'sudah {n} bulan jalan rusak {d} dibiarkan',
      'kecelakaan lagi gara gara jalan berlubang di {d}',
    ],
    hashtags: ['jalanrusak{t}', 'lapor{t}'],
  },
  {
    type: 'dbd',
    core: ['dbd', 'demam berdarah', 'fogging', 'nyamuk', 'puskesmas', 'trombosit'],
    templates: [
      'kasus dbd naik di {d} sudah {n} anak dirawat',
      'minta fogging di {d} nyamuk banyak sekali',
      'anak tetangga di {d} kena demam berdarah',
      'puskesmas {d} penuh pasien dbd',
      'trombosit turun demam berdarah lagi di {d} {c}',
    ],
    hashtags: ['dbd{t}', 'waspadadbd'],
  },
  {
    type: 'tawuran',
    core: ['tawuran', 'pelajar', 'senjata tajam', 'polisi', 'bentrok', 'luka'],
    templates: [
      'tawuran pelajar di {d} ada yang luka',
      'bentrok antar kelompok di {d} polisi datang',
      'pelajar bawa senjata tajam tawuran di {d} {c}',
      'warga {d} resah tawuran tiap malam',
    ],
    hashtags: ['tawuran{t}', 'info{t}'],
  },
  {
    type: 'longsor',
    core: ['longsor', 'tanah longsor', 'tertimbun', 'retak', 'bukit'],
    templates: [
      'tanah longsor di {d} rumah warga tertimbun',
      'longsor lagi di {d} jalan tertutup material',
      'tanah retak di {d} warga takut longsor susulan',
      'bukit di {d} {c} longsor setelah hujan deras',
    ],
    hashtags: ['longsor{t}'],
  },
  {
    type: 'sampah',
    core: ['sampah', 'menumpuk', 'tps', 'bau busuk', 'truk sampah'],
    templates: [
      'sampah menumpuk di tps {d} bau busuk',
      'truk sampah tidak datang {n} hari di {d}',
      'tps {d} meluber sampai ke jalan',
      'warga {d} protes sampah menumpuk dan bau',
    ],
    hashtags: ['sampah{t}'],
  },
  {
    type: 'lpg',
    core: ['lpg', 'gas melon', 'elpiji', 'langka', 'pangkalan'],
    templates: [
      'gas melon langka di {d} sudah keliling pangkalan',
      'harga lpg {n} ribu di {d} mahal sekali',
      'elpiji kosong di semua pangkalan {d} {c}',
      'antrean lpg di {d} panjang banget',
    ],
    hashtags: ['lpglangka', 'gasmelon{t}'],
  },
  {
    type: 'pungli',
    core: ['pungli', 'pungutan', 'sekolah', 'seragam', 'komite', 'orang tua murid'],
    templates: [
      'pungli di sekolah {d} orang tua murid diminta {n} ribu',
      'pungutan seragam sekolah di {d} mahal',
      'komite sekolah {d} minta sumbangan wajib',
      'orang tua murid di {d} keberatan pungutan sekolah',
    ],
    hashtags: ['pungli{t}', 'saberpungli'],
  },
  {
    type: 'bansos',
    core: ['bansos', 'blt', 'tidak tepat sasaran', 'dtks', 'penerima'],
    templates: [
      'bansos di {d} tidak tepat sasaran yang mampu dapat',
      'blt belum cair di {d} sudah {n} bulan',
      'data dtks {d} kacau warga miskin tidak terdaftar',
      'penerima bansos {d} {c} dipotong oknum',
    ],
    hashtags: ['bansos{t}'],
  },
  {
    type: 'keracunan',
    core: ['keracunan', 'makanan', 'muntah', 'rumah sakit', 'hajatan', 'mbg'],
    templates: [
      'puluhan warga {d} keracunan makanan hajatan',
      'siswa {d} muntah muntah setelah makan mbg',
      'korban keracunan di {d} dibawa ke rumah sakit',
      'keracunan massal di {d} {c} {n} orang dirawat',
    ],
    hashtags: ['keracunan{t}'],
  },
  {
    type: 'pohon',
    core: ['pohon tumbang', 'angin kencang', 'puting beliung', 'atap', 'roboh'],
    templates: [
      'pohon tumbang di {d} menutup jalan',
      'angin kencang di {d} atap rumah terbang',
      'puting beliung di {d} {n} rumah rusak',
      'pohon roboh timpa motor di {d} {c}',
    ],
    hashtags: ['anginkencang{t}'],
  },
];

const RECURRING: { id: string; hours: number[]; perDay: number; templates: string[] }[] = [
  {
    id: 'rec-macet',
    hours: [6, 7, 8, 16, 17, 18],
    perDay: 140,
    templates: [
      'macet parah di jalan ahmad yani pagi ini',
      'jalan juanda macet total berangkat kerja',
      'lampu merah slamet riyadi macet lagi',
      'pulang kerja kena macet di simpang lembuswana',
    ],
  },
  {
    id: 'rec-harga',
    hours: [7, 8, 9, 10, 11, 12, 13, 14, 15],
    perDay: 60,
    templates: [
      'harga cabai di pasar segiri naik lagi',
      'bawang merah mahal di pasar pagi',
      'harga beras di pasar segiri stabil',
      'ibu ibu mengeluh harga cabai naik',
    ],
  },
  {
    id: 'rec-ktp',
    hours: [8, 9, 10, 11, 13, 14],
    perDay: 40,
    templates: [
      'antri ktp di disdukcapil lama sekali',
      'blangko ktp habis lagi di disdukcapil',
      'urus kartu keluarga di disdukcapil antri dari subuh',
    ],
  },
  {
    id: 'rec-loker',
    hours: [9, 10, 11, 12, 13, 14, 15, 16, 19, 20],
    perDay: 50,
    templates: [
      'info loker admin gudang gaji umr',
      'lowongan kerja kasir minimarket dibutuhkan segera',
      'loker driver pengalaman dua tahun',
    ],
  },
];

const CAMPAIGNS = [
  'terima kasih bapak wali kota atas pembangunan {d} kota makin maju dan sejahtera #{t}bangkit',
  'dukung program bantuan modal umkm di {d} pemerintah hebat rakyat sejahtera #{t}maju',
  'jangan percaya hoaks soal proyek di {d} semua berjalan lancar dan transparan #{t}hebat',
  'pelayanan publik di {d} semakin cepat dan ramah terima kasih pemerintah #{t}juara',
];

/** Relative background activity by local hour (WITA). */
const RHYTHM = [
  0.25, 0.15, 0.1, 0.1, 0.15, 0.35, 0.7, 0.9, 1.1, 1.2, 1.2, 1.25, 1.35, 1.2, 1.05, 1.0, 1.0, 1.1, 1.3, 1.5, 1.6, 1.5,
  1.0, 0.5,
];
const RHYTHM_SUM = RHYTHM.reduce((s, x) => s + x, 0);

const TZ_MS = 8 * 3600_000;

export function generateStream(seed: number, shape: StreamShape = STREAM_SHAPES.standard): GeneratedStream {
  const rng = new SeededRandom(seed);
  const start = Date.UTC(2025, 0, 6) - TZ_MS; // Monday 00:00 WITA
  const end = start + shape.days * 86_400_000;
  const warmupEnd = start + 86_400_000;
  const out: { post: RawStreamPost; truth: string }[] = [];
  let n = 0;
  const author = (): string => `u${rng.zipf(shape.authors, 0.7)}`;
  const newId = (): string => `p${seed}-${(n++).toString(36)}`;
  const push = (at: number, text: string, who: string, truth: string): void => {
    out.push({
      post: { id: newId(), text, createdAt: new Date(Math.floor(at)).toISOString(), author: who, source: 'synthetic' },
      truth,
    });
  };

  // Background chatter with the daily rhythm.
  for (let h = 0; h < shape.days * 24; h++) {
    const count = rng.poisson((shape.backgroundPerDay * RHYTHM[h % 24]) / RHYTHM_SUM);
    for (let i = 0; i < count; i++) {
      const at = start + h * 3600_000 + rng.next() * 3600_000;
      push(at, chatter(rng), author(), 'bg');
    }
  }
  // Recurring topics, every day, in their hours.
  for (const rec of RECURRING) {
    const perHour = rec.perDay / rec.hours.length;
    for (let d = 0; d < shape.days; d++) {
      for (const hour of rec.hours) {
        const count = rng.poisson(perHour * (shape.backgroundPerDay / 4000));
        for (let i = 0; i < count; i++) {
          const at = start + d * 86_400_000 + hour * 3600_000 + rng.next() * 3600_000;
          push(at, decorate(rng, rng.pick(rec.templates)), author(), rec.id);
        }
      }
    }
  }
  const events: TruthEvent[] = RECURRING.map((r) => ({
    id: r.id,
    kind: 'recurring' as const,
    title: r.id,
    onset: start,
    posts: 0,
    tenthPostAt: null,
  }));

  // Events: a story type at a place, distinct pairs, onsets after the warm-up.
  const used = new Set<string>();
  for (let e = 0; e < shape.events; e++) {
    let story: StoryType;
    let city: (typeof CITIES)[number];
    let district: string;
    let guard = 0;
    do {
      story = rng.pick(STORIES);
      city = rng.pick(CITIES);
      district = rng.pick(city.districts);
    } while (used.has(`${story.type}|${district}`) && guard++ < 100);
    used.add(`${story.type}|${district}`);
    const id = `ev-${e}-${story.type}-${district.replace(/\s+/gu, '-')}`;
    const curve = rng.pick(shape.curves);
    const total = rng.int(shape.eventPosts[0], shape.eventPosts[1]);
    const onset = warmupEnd + rng.next() * (end - warmupEnd - 10 * 3600_000);
    const times = eventTimes(rng, curve, onset, total);
    for (const at of times) {
      if (at >= end) {
        continue;
      }
      push(at, storyPost(rng, story, city, district), author(), id);
    }
    events.push({ id, kind: 'event', title: `${story.type} ${district}`, curve, onset, posts: 0, tenthPostAt: null });
  }
  // Campaigns: near-identical texts from many accounts within 1–3 hours.
  for (let c = 0; c < shape.campaigns; c++) {
    const city = rng.pick(CITIES);
    const district = rng.pick(city.districts);
    const template = rng.pick(CAMPAIGNS).replace('{d}', district).replace('{t}', city.tag);
    const id = `cp-${c}-${city.tag}`;
    const onset = warmupEnd + rng.next() * (end - warmupEnd - 6 * 3600_000);
    const accounts = rng.int(20, 70);
    const span = rng.int(1, 3) * 3600_000;
    for (let i = 0; i < accounts; i++) {
      push(onset + rng.next() * span, mutate(rng, template), `bot${seed}-${c}-${i}`, id);
    }
    events.push({ id, kind: 'campaign', title: template.slice(0, 40), onset, posts: 0, tenthPostAt: null });
  }
  // One-author copy-paste spam: many copies, one account (must never become an issue).
  {
    const city = rng.pick(CITIES);
    const text = `jual obat herbal asli murah di ${rng.pick(city.districts)} hubungi segera stok terbatas`;
    const onset = warmupEnd + rng.next() * (end - warmupEnd - 3 * 3600_000);
    const who = `spammer${seed}`;
    for (let i = 0; i < 40; i++) {
      push(onset + rng.next() * 2 * 3600_000, mutate(rng, text), who, 'spam-0');
    }
    events.push({ id: 'spam-0', kind: 'spam', title: 'one-author spam', onset, posts: 0, tenthPostAt: null });
  }

  out.sort((a, b) => (a.post.createdAt < b.post.createdAt ? -1 : a.post.createdAt > b.post.createdAt ? 1 : 0));
  const truth = new Map<string, string>();
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const { post, truth: t } of out) {
    truth.set(post.id, t);
    const ev = byId.get(t);
    if (!ev) {
      continue;
    }
    ev.posts++;
    if (ev.posts === 10) {
      ev.tenthPostAt = Date.parse(post.createdAt);
    }
  }
  return { seed, shape, start, end, warmupEnd, posts: out.map((o) => o.post), truth, events };
}

function eventTimes(rng: SeededRandom, curve: GrowthCurve, onset: number, total: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < total; i++) {
    let offsetH: number;
    switch (curve) {
      case 'sudden':
        // Fast rise (~20 min), exponential decay with a 2–3 h mean.
        offsetH = rng.next() < 0.15 ? rng.next() * 0.35 : 0.2 + -Math.log(Math.max(1e-9, rng.next())) * 2.5;
        break;
      case 'slow': {
        // Slow burn: density grows linearly over ~8 h, then fades over ~4 h.
        const u = rng.next();
        offsetH = u < 0.8 ? 8 * Math.sqrt(rng.next()) : 8 + -Math.log(Math.max(1e-9, rng.next())) * 3;
        break;
      }
      case 'double':
        offsetH =
          rng.next() < 0.45
            ? -Math.log(Math.max(1e-9, rng.next())) * 1.5
            : 6 + rng.next() * 0.3 + -Math.log(Math.max(1e-9, rng.next())) * 1.5;
        break;
    }
    times.push(onset + offsetH * 3600_000);
  }
  return times;
}

function chatter(rng: SeededRandom): string {
  const len = rng.int(5, 14);
  const words: string[] = [];
  const g = rng.pick(GREETINGS);
  if (g) {
    words.push(g);
  }
  for (let i = 0; i < len; i++) {
    words.push(rng.chance(0.35) ? rng.pick(FUNCTION) : GENERAL[rng.zipf(GENERAL.length, 0.8)]);
  }
  return words.join(' ');
}

function decorate(rng: SeededRandom, sentence: string): string {
  const pre = rng.pick(GREETINGS);
  const extra: string[] = [];
  const k = rng.int(0, 4);
  for (let i = 0; i < k; i++) {
    extra.push(rng.chance(0.5) ? rng.pick(FUNCTION) : GENERAL[rng.zipf(GENERAL.length, 0.8)]);
  }
  return [pre, sentence, ...extra].filter((x) => x).join(' ');
}

function storyPost(rng: SeededRandom, story: StoryType, city: (typeof CITIES)[number], district: string): string {
  // Organic posts vary: one or two clauses, a core word or two, chatter words scattered in, optional hashtag.
  const clauses = rng.chance(0.4) ? 2 : 1;
  const parts: string[] = [];
  for (let i = 0; i < clauses; i++) {
    let clause = rng
      .pick(story.templates)
      .replace('{d}', rng.chance(0.8) ? district : city.name)
      .replace('{c}', city.name)
      .replace('{n}', String(rng.int(2, 90)))
      .replace('{w}', rng.pick(story.core));
    const words = clause.split(' ');
    // Drop a word or two: people do not write the same sentence.
    for (let d = rng.int(0, 2); d > 0 && words.length > 4; d--) {
      words.splice(rng.int(1, words.length - 2), 1);
    }
    clause = words.join(' ');
    parts.push(clause);
  }
  if (rng.chance(0.6)) {
    parts.push(rng.pick(story.core));
  }
  const words = parts.join(' ').split(' ');
  for (let k = rng.int(1, 5); k > 0; k--) {
    const filler = rng.chance(0.5) ? rng.pick(FUNCTION) : GENERAL[rng.zipf(GENERAL.length, 0.8)];
    words.splice(rng.int(0, words.length), 0, filler);
  }
  let s = [rng.pick(GREETINGS), ...words].filter((x) => x).join(' ');
  if (rng.chance(0.35)) {
    s += ` #${rng.pick(story.hashtags).replace('{t}', city.tag)}`;
  }
  return s;
}

/** A copy with small edits: a word dropped or added, an emoji, changed punctuation. */
function mutate(rng: SeededRandom, text: string): string {
  const words = text.split(' ');
  if (rng.chance(0.4) && words.length > 6) {
    words.splice(rng.int(1, words.length - 2), 1);
  }
  if (rng.chance(0.4)) {
    words.splice(rng.int(0, words.length - 1), 0, rng.pick(['mantap', 'setuju', 'betul', '👍', '🙏']));
  }
  if (rng.chance(0.3)) {
    words.push(rng.pick(['!!', '...', '🔥', 'yes']));
  }
  return words.join(' ');
}

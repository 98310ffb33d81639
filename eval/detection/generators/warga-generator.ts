/**
 * Blind generator "warga": residents of ten home regencies across Java, Bali, Nusa Tenggara, Sumatra and Sulawesi
 * writing about their own neighbourhoods, in colloquial Indonesian with the home region's particles (Javanese,
 * Sundanese, Makassar, Kupang Malay, Medan, Balinese, Sasak), typos, emojis, hashtags and the odd all-caps rant.
 *
 * A stream: real dataset sentences as background on a morning/evening rhythm (busier at weekends); recurring
 * everyday remarks about a random village each time (the market is busy, the road is slippery, the morning jam);
 * 5–8 events (a story type at a district or village of the home regency) shaped sudden, slow burn, two waves or
 * "many wordings" (each post written its own way, sharing little more than the event word and the place); in
 * some streams a later, separate event of the same type at the same place; one buzzer campaign of near-copies; one
 * account copy-pasting an advert. Streams are 2–4 days; odd seeds are cold, even seeds start with a history day.
 *
 * Written without reading src/issues/detection or the existing generator's vocabulary.
 */
import { regencyOf, writableDistricts, writableVillages, type Area, type AreaIndex } from './area-index.js';
import { flattenBackground, sentencesOf } from './background-corpus.js';
import {
  BlindRandom,
  DAY_MS,
  HOUR_MS,
  finishStream,
  rhythmTimes,
  shapeRecord,
  utcOffsetForProvince,
  type BlindEvent,
  type BlindGenerator,
  type BlindStream,
  type EventShape,
  type GeneratorInputs,
  type PendingPost,
  truthEvent,
} from './generator-kit.js';

const HOMES = ['33.02', '35.07', '73.71', '53.71', '12.71', '32.05', '51.03', '34.04', '74.71', '52.01'] as const;

/** Relative volume per local hour: a morning peak, lunch, and the evening on the phone. */
const RHYTHM = [3, 2, 1, 1, 2, 5, 9, 12, 11, 9, 8, 9, 11, 10, 8, 8, 9, 10, 11, 13, 14, 13, 9, 6];

interface Dialect {
  particles: string[];
  /** Word swaps a writer of the region tends to make. */
  swaps: Record<string, string[]>;
}

const COMMON_SWAPS: Record<string, string[]> = {
  tidak: ['gak', 'ga', 'nggak', 'tdk'],
  sudah: ['udah', 'sdh', 'udh'],
  belum: ['blm', 'belom'],
  yang: ['yg'],
  dengan: ['dgn', 'sama'],
  tolong: ['tlg', 'tolongin'],
  kenapa: ['knp', 'napa'],
  sekali: ['bgt', 'banget'],
  sampai: ['sampe', 'ampe'],
  karena: ['krn', 'soalnya'],
};

const DIALECTS: Record<string, Dialect> = {
  jawa: { particles: ['lur', 'rek', 'mas', 'dulur', 'mbok ya'], swaps: { tidak: ['ora', 'ndak'], sudah: ['wis'] } },
  sunda: { particles: ['euy', 'atuh', 'teh', 'mang'], swaps: { tidak: ['teu', 'henteu'], sudah: ['atos'] } },
  makassar: { particles: ['mi', 'ji', 'tawwa', 'daeng'], swaps: { tidak: ['tidak ji'], sudah: ['sudah mi'] } },
  kupang: { particles: ['beta', 'ko', 'nona', 'kaka'], swaps: { tidak: ['sonde', 'son'], sudah: ['su'] } },
  medan: { particles: ['kali', 'lae', 'bah', 'kawan'], swaps: { tidak: ['gak'], sekali: ['kali'] } },
  bali: { particles: ['bli', 'nggih', 'ratu', 'mbok'], swaps: { tidak: ['ndak'] } },
  sasak: { particles: ['side', 'tiang', 'semeton'], swaps: { tidak: ['ndek', 'ndeq'] } },
};

const DIALECT_OF_PROVINCE: Record<string, string> = {
  '33': 'jawa',
  '34': 'jawa',
  '35': 'jawa',
  '32': 'sunda',
  '73': 'makassar',
  '74': 'makassar',
  '53': 'kupang',
  '12': 'medan',
  '51': 'bali',
  '52': 'sasak',
};

const EMOJIS = ['😭', '😡', '🙏', '😩', '🤦', '⚠️', '😤', '🥲', '😓', '‼️', '🙄', '😔'];

interface StoryKind {
  type: string;
  /** The event word and close variants (the first is the most common). */
  words: string[];
  /** Wording families: {w} event word, {p} the place as written, {t} a time remark. */
  families: string[];
}

const STORIES: StoryKind[] = [
  {
    type: 'flood',
    words: ['banjir', 'banjir', 'kebanjiran', 'kena banjir'],
    families: [
      '{w} lagi di {p} {t}, air udah sepinggang',
      'rumah2 di {p} {w}, motor ga bisa lewat',
      'ya allah {p} {w} parah, anak2 diungsiin ke masjid',
      'update {w} {p}: ketinggian air naik terus {t}',
      'siapa yg lewat {p} hati2, {w} setinggi lutut',
      'kapan {p} bebas {w}? tiap hujan deres pasti gini',
      'posko {w} {p} butuh relawan sama makanan siap saji',
      'warga {p} mulai ngungsi gara2 {w} {t}',
      'drainase mampet, {p} akhirnya {w} juga',
    ],
  },
  {
    type: 'landslide',
    words: ['longsor', 'longsor', 'tanah longsor'],
    families: [
      '{w} di {p} {t}, jalan ketutup tanah',
      'tebing di {p} {w}, dua rumah kena',
      'akses ke {p} putus total gara2 {w}',
      'hati2 yg mau lewat {p}, ada {w} susulan',
      'warga {p} gotong royong bersihin material {w}',
      'info {w} {p}: alat berat belum dateng {t}',
      'semalem {p} {w}, listrik ikut mati',
    ],
  },
  {
    type: 'power-outage',
    words: ['mati lampu', 'listrik padam', 'pemadaman listrik', 'mati listrik'],
    families: [
      '{w} lagi di {p} {t} 😩',
      '{p} {w} udah 6 jam, pln gimana sih',
      'kulkas jualan es saya di {p} rusak gara2 {w} terus',
      'ada info {w} {p} sampe jam brp?',
      'gelap gulita se {p}, {w} tanpa pemberitahuan',
      'anak mau ujian besok, {p} malah {w}',
      'tiap sore {p} {w}, pln tolong dicek trafonya',
      '{w} bergilir di {p} ga ada jadwalnya',
    ],
  },
  {
    type: 'water-outage',
    words: ['air mati', 'air pdam mati', 'pdam mati', 'air ga ngalir'],
    families: [
      '{w} di {p} {t}, mandi pake air galon',
      'udah 3 hari {p} {w}, tagihan jalan terus',
      'pdam tolong, {p} {w} dari kemarin',
      'beli air tangki di {p} gara2 {w}, mahal',
      'info dong {p} {w} sampe kapan?',
      'warga {p} antri air bersih, {w} total',
      'keran di {p} kering, {w} lagi lagi',
    ],
  },
  {
    type: 'road-damage',
    words: ['jalan rusak', 'jalan berlubang', 'lubang jalan'],
    families: [
      '{w} di {p} makin parah, motor saya jatuh {t}',
      'kapan diperbaiki {w} {p}? udah makan korban',
      '{w} {p} kayak kolam ikan kalau hujan',
      'warga {p} tanam pohon pisang di {w} sebagai protes',
      'ambulans susah lewat {p} gara2 {w}',
      'tolong dinas PU liat {w} di {p}',
      'anak sekolah di {p} tiap hari lewat {w} begini',
    ],
  },
  {
    type: 'school-fee',
    words: ['pungutan sekolah', 'pungutan', 'iuran sekolah', 'uang gedung'],
    families: [
      'sekolah di {p} minta {w} 2 juta, katanya sekolah gratis',
      'ortu murid {p} keberatan {w} buat seragam',
      '{w} di SD {p} ga masuk akal, tolong disdik cek',
      'anak saya di {p} ga boleh ikut ujian krn blm bayar {w}',
      'komite sekolah {p} narik {w} lagi {t}',
      'viral {w} di {p}, kepala sekolah belum komentar',
    ],
  },
  {
    type: 'health-service',
    words: ['puskesmas', 'pelayanan puskesmas', 'rsud', 'pelayanan rumah sakit'],
    families: [
      'antri di {w} {p} dari subuh belum dipanggil',
      '{w} {p} nolak pasien bpjs {t}',
      'ibu saya ditelantarkan di {w} {p}, perawatnya jutek',
      'dokter {w} {p} ga ada di tempat jam kerja',
      'obat di {w} {p} kosong, disuruh beli di luar',
      'tolong dinkes evaluasi {w} {p}',
      'pasien gawat di {w} {p} nunggu 3 jam',
    ],
  },
  {
    type: 'garbage',
    words: ['sampah', 'sampah numpuk', 'tumpukan sampah'],
    families: [
      '{w} di {p} udah seminggu ga diangkut, bau',
      'tps {p} penuh {w} sampe ke jalan',
      'lalat dimana2, {w} {p} ga diurus {t}',
      'truk {w} ga lewat {p} lagi, warga bakar sendiri',
      'sungai di {p} mampet {w}',
      'dlh tolong angkut {w} {p}, anak2 mulai sakit',
    ],
  },
  {
    type: 'fire',
    words: ['kebakaran', 'kebakaran', 'rumah terbakar'],
    families: [
      '{w} di {p} {t}, asap tebel banget',
      'damkar udah di lokasi {w} {p}',
      'info {w} {p}, 4 rumah hangus',
      'doakan warga {p} yg kena {w}',
      'api gede di {p}, {w} merembet ke sebelah',
      'posko bantuan korban {w} {p} buka donasi',
      'penyebab {w} {p} diduga korsleting',
    ],
  },
];

const TIMES = [
  'pagi ini',
  'dari subuh',
  'sejak semalem',
  'sore ini',
  'barusan',
  'tadi malam',
  'dari jam 2',
  'hari ini',
];

interface Chatter {
  id: string;
  /** Local hours the remark is made in. */
  hours: number[];
  perDay: number;
  /** {v}: a random village or district of the home region, each post a different one. */
  lines: string[];
}

const CHATTER: Chatter[] = [
  {
    id: 'rec-pasar-ramai',
    hours: [5, 6, 7, 8, 9],
    perDay: 90,
    lines: [
      'pasar {v} rame bgt pagi ini',
      'belanja ke pasar {v}, sayurnya seger2',
      'pasar {v} penuh, parkir susah',
      'pagi2 udah di pasar {v} nyari ikan',
    ],
  },
  {
    id: 'rec-jalan-licin',
    hours: [6, 7, 15, 16, 17, 18],
    perDay: 70,
    lines: [
      'hati2 jalan {v} licin abis gerimis',
      'jalanan {v} licin, pelan2 aja bawa motornya',
      'abis hujan jalan ke {v} licin bgt',
    ],
  },
  {
    id: 'rec-macet',
    hours: [6, 7, 8, 16, 17, 18],
    perDay: 110,
    lines: ['macet lagi arah {v} jam segini', 'padat merayap di {v}', 'lewat {v} jangan sekarang, antri'],
  },
  {
    id: 'rec-kuliner',
    hours: [11, 12, 18, 19, 20, 21],
    perDay: 80,
    lines: [
      'ada rekomendasi bakso enak di {v}?',
      'nasi kucing di {v} buka sampe malem',
      'martabak di {v} antri panjang seperti biasa',
      'ngopi dulu di {v} sambil nunggu ujan reda',
    ],
  },
  {
    id: 'rec-cuaca',
    hours: [7, 8, 12, 13, 14, 15],
    perDay: 60,
    lines: ['{v} mendung dari pagi', 'panas terik di {v} siang ini', 'gerimis tipis2 di {v}'],
  },
  {
    id: 'rec-kegiatan',
    hours: [6, 7, 8, 15, 16, 19, 20],
    perDay: 50,
    lines: [
      'senam pagi di lapangan {v}, yuk ikut',
      'kerja bakti warga {v} minggu ini',
      'pengajian rutin di {v} malam ini',
      'posyandu {v} buka besok pagi',
    ],
  },
];

const CAMPAIGNS = [
  'Terima kasih Bapak {head} {r}, jalan di {d} sekarang mulus! {r} makin maju #{tag}Hebat',
  'Program bedah rumah di {d} sukses besar, warga {r} bangga #{tag}Maju #Bersama',
  'Jangan percaya hoaks soal {d}, pemda {r} sudah bekerja keras #{tag}Bangkit',
];

const SPAM = [
  'promo pulsa dan paket data murah meriah, order via dm ya kak, bisa cod area {d}',
  'arisan online amanah, slot terbatas, yang minat langsung chat admin, khusus warga {d}',
];

const NAMES = `ayu budi citra dedi eka fajar gita hadi indah joko kiki lina made nanda oki putri rina sari tono umi
wayan yanti zul agus bagus dian evi fitri gede hendra ika jaya komang laras mega nur rudi sinta teguh wulan yoga
andi daeng ketut nengah beni sonya melki yohanes marlina ucok butet lalu baiq asep ujang euis`.split(/\s+/u);

function handle(rng: BlindRandom, n: number): string {
  return `${rng.one(NAMES)}_${n.toString(36)}`;
}

interface WargaPlan {
  days: number;
  backgroundPerDay: number;
  events: number;
}

function plan(rng: BlindRandom): WargaPlan {
  const days = rng.between(2, 4);
  return { days, backgroundPerDay: rng.between(3500, 7000), events: Math.min(8, days * 2 + rng.between(0, 1)) };
}

/** How a person writes the place: bare, with a level word, or village with its district. */
function placeAsWritten(rng: BlindRandom, place: Area, district: Area | null): string {
  const name = rng.maybe(0.6) ? place.name.toLowerCase() : place.name;
  if (district === null) {
    return rng.one([name, name, `kec ${name}`, `kecamatan ${name}`, `daerah ${name}`, `wilayah ${name}`]);
  }
  const kelurahan = place.code.split('.')[3]?.startsWith('1') ?? false;
  const level = kelurahan ? rng.one(['kel', 'kelurahan']) : rng.one(['desa', 'ds']);
  return rng.one([name, name, `${level} ${name}`, `${name} kec ${district.name.toLowerCase()}`, `kampung ${name}`]);
}

function dress(rng: BlindRandom, text: string, dialect: Dialect, hashtag: string): string {
  let words = text.split(' ');
  words = words.map((w) => {
    const swaps = dialect.swaps[w] ?? COMMON_SWAPS[w];
    return swaps && rng.maybe(0.6) ? rng.one(swaps) : w;
  });
  if (rng.maybe(0.18)) {
    // One typo in a longer filler word: two letters swapped or one dropped.
    const idx = words.map((w, i) => (w.length >= 5 && /^[a-z]+$/u.test(w) ? i : -1)).filter((i) => i >= 0);
    if (idx.length > 0) {
      const i = rng.one(idx);
      const w = words[i];
      const k = rng.between(1, w.length - 2);
      words[i] = rng.maybe(0.5) ? w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2) : w.slice(0, k) + w.slice(k + 1);
    }
  }
  let out = words.join(' ');
  if (rng.maybe(0.35)) {
    out = `${out} ${rng.one(dialect.particles)}`;
  }
  if (rng.maybe(0.3)) {
    out = `${out} ${rng.some(EMOJIS, rng.between(1, 3)).join('')}`;
  }
  if (rng.maybe(0.15)) {
    out = `${out} #${hashtag}`;
  }
  if (rng.maybe(0.06)) {
    out = out.toUpperCase();
  } else if (rng.maybe(0.3)) {
    out = out.charAt(0).toUpperCase() + out.slice(1);
  }
  return out;
}

function backgroundText(rng: BlindRandom, sentences: readonly string[]): string {
  const raw = rng.one(sentences);
  const parts = sentencesOf(raw);
  let text = raw;
  if (parts.length > 2 && rng.maybe(0.7)) {
    const from = rng.between(0, parts.length - 2);
    text = parts.slice(from, from + rng.between(1, 2)).join(' ');
  }
  text = text.replace(/\[USERNAME\]/gu, () => `@${rng.one(NAMES)}${rng.between(1, 99)}`);
  text = text.replace(/\[URL\]/gu, () => `https://t.co/${rng.next().toString(36).slice(2, 12)}`);
  if (rng.maybe(0.12)) {
    text = `${text} ${rng.one(EMOJIS)}`;
  }
  return text;
}

/** Offsets (hours after onset) of an event's posts. */
function eventOffsets(rng: BlindRandom, shape: EventShape, total: number): number[] {
  const out: number[] = [];
  const decay = 1.5 + rng.next() * 2.5;
  const ramp = 6 + rng.next() * 8;
  const gap = 5 + rng.next() * 7;
  const spread = 3 + rng.next() * 5;
  for (let i = 0; i < total; i++) {
    switch (shape) {
      case 'sudden':
        out.push(rng.maybe(0.25) ? rng.next() * 0.4 : 0.3 + rng.exponential(decay));
        break;
      case 'slow':
        // Density rising linearly over the ramp, then a fading tail.
        out.push(rng.maybe(0.75) ? ramp * Math.sqrt(rng.next()) : ramp + rng.exponential(3));
        break;
      case 'two-waves':
        out.push(rng.maybe(0.4) ? rng.exponential(1.5) : gap + rng.exponential(2.5));
        break;
      case 'many-wordings':
      case 'plateau':
      case 'headline-first':
        out.push(rng.next() * spread + (rng.maybe(0.2) ? rng.exponential(3) : 0));
        break;
    }
  }
  return out;
}

function eventText(
  rng: BlindRandom,
  story: StoryKind,
  family: string,
  place: Area,
  district: Area | null,
  dialect: Dialect,
  hashtag: string,
): string {
  const word = rng.maybe(0.7) ? story.words[0] : rng.one(story.words);
  const text = family
    .replace('{w}', word)
    .replace('{p}', placeAsWritten(rng, place, district))
    .replace('{t}', rng.one(TIMES));
  return dress(rng, text, dialect, hashtag);
}

export function generateWargaStream(seed: number, inputs: GeneratorInputs): BlindStream {
  const rng = new BlindRandom(seed * 7919 + 13);
  const areas: AreaIndex = inputs.areas;
  const homeCode = HOMES[Math.abs(seed) % HOMES.length];
  const home = regencyOf(areas, homeCode);
  const dialect = DIALECTS[DIALECT_OF_PROVINCE[home.parentCode] ?? 'jawa'];
  const utcOffsetMs = utcOffsetForProvince(home.parentCode);
  const districts = writableDistricts(areas, homeCode);
  const villagePool: { village: Area; district: Area }[] = districts.flatMap((d) =>
    writableVillages(areas, d.code).map((v) => ({ village: v, district: d })),
  );
  if (districts.length < 4 || villagePool.length < 20) {
    throw new Error(`home region ${homeCode} has too few writable places`);
  }
  const p = plan(rng);
  const cold = seed % 2 !== 0;
  // Local midnight of a weekday chosen by the seed, in early 2026.
  const dayZero = Date.UTC(2026, 1, 2 + rng.between(0, 6)) - utcOffsetMs;
  const start = dayZero;
  const historyDays = cold ? 0 : 1;
  const liveStart = start + historyDays * DAY_MS;
  const end = liveStart + p.days * DAY_MS;
  const tag = home.name.replace(/\s+/gu, '');
  const sentences = flattenBackground(inputs.background);
  const pending: PendingPost[] = [];
  let authorN = 0;
  const residents = Array.from({ length: Math.round(p.backgroundPerDay * 1.3) }, () => handle(rng, authorN++));
  const resident = (): string => residents[Math.floor(Math.pow(rng.next(), 1.6) * residents.length)];

  // Background: real sentences on the rhythm; weekends busier.
  const weekend = (weekday: number): number => (weekday === 0 ? 1.15 : weekday === 6 ? 1.1 : 1);
  for (const at of rhythmTimes(rng, start, end, utcOffsetMs, p.backgroundPerDay, RHYTHM, weekend)) {
    pending.push({ at, text: backgroundText(rng, sentences), author: resident(), source: 'warga', truth: 'bg' });
  }

  // Recurring everyday remarks, a different place each post.
  const events: BlindEvent[] = [];
  for (const c of CHATTER) {
    const perHour = (c.perDay * (p.backgroundPerDay / 5000)) / c.hours.length;
    for (let d = 0; d < historyDays + p.days; d++) {
      for (const h of c.hours) {
        const n = rng.count(perHour);
        for (let i = 0; i < n; i++) {
          const at = start + d * DAY_MS + h * HOUR_MS + rng.next() * HOUR_MS;
          const spot = rng.maybe(0.5) ? rng.one(villagePool).village : rng.one(districts);
          const text = rng.one(c.lines).replace('{v}', rng.maybe(0.7) ? spot.name.toLowerCase() : spot.name);
          pending.push({ at, text: dress(rng, text, dialect, tag), author: resident(), source: 'warga', truth: c.id });
        }
      }
    }
    events.push(truthEvent({ id: c.id, kind: 'recurring', title: c.id, type: c.id, onset: start }));
  }

  // Events.
  const shapes: EventShape[] = ['sudden', 'slow', 'two-waves', 'many-wordings'];
  const used = new Set<string>();
  let repeatPlanned = p.days >= 3 && rng.maybe(0.7);
  for (let e = 0; e < p.events; e++) {
    const story = rng.one(STORIES);
    const atVillage = rng.maybe(0.35);
    const pick = rng.one(villagePool);
    const place = atVillage ? pick.village : rng.one(districts);
    const district = atVillage ? pick.district : null;
    const key = `${story.type}|${place.code}`;
    if (used.has(key)) {
      continue;
    }
    used.add(key);
    const shape = rng.one(shapes);
    // Cold streams: the first event may fall on day one, and is then big; the rest come later.
    const early = cold && e === 0 && rng.maybe(0.5);
    const total = early ? rng.between(150, 260) : Math.round(25 * Math.exp(rng.next() * 2.1));
    const earliest = early ? liveStart + 12 * HOUR_MS : liveStart + (cold ? DAY_MS : 2 * HOUR_MS);
    const onset = earliest + rng.next() * Math.max(HOUR_MS, end - earliest - 14 * HOUR_MS);
    const familyCount = shape === 'many-wordings' ? story.families.length : rng.between(2, 4);
    const families = rng.some(story.families, familyCount);
    const id = `ev-${e}-${story.type}-${place.code}`;
    const addEvent = (evId: string, evOnset: number, evTotal: number, repeatOf?: string): void => {
      const localPeople = rng.some(residents, Math.max(5, Math.round(evTotal * 0.8)));
      for (const off of eventOffsets(rng, shape, evTotal)) {
        const who = rng.maybe(0.85) ? rng.one(localPeople) : handle(rng, authorN++);
        const text = eventText(rng, story, rng.one(families), place, district, dialect, tag);
        pending.push({ at: evOnset + off * HOUR_MS, text, author: who, source: 'warga', truth: evId });
      }
      events.push(
        truthEvent({
          id: evId,
          kind: 'event',
          title: `${story.type} ${place.name}`,
          type: story.type,
          shape,
          placeCode: place.code,
          placeName: place.name,
          repeatOf,
          onset: evOnset,
        }),
      );
    };
    addEvent(id, onset, total);
    // A later, separate event of the same type at the same place (at least 30 hours after the first began).
    if (repeatPlanned && onset + 30 * HOUR_MS < end - 10 * HOUR_MS) {
      repeatPlanned = false;
      const second = onset + 30 * HOUR_MS + rng.next() * (end - onset - 40 * HOUR_MS);
      addEvent(`${id}-again`, second, Math.round(30 * Math.exp(rng.next() * 1.5)), id);
    }
  }

  // One buzzer campaign: near-copies from fresh accounts within one or two hours.
  {
    const d = rng.one(districts);
    const template = rng
      .one(CAMPAIGNS)
      .replaceAll('{head}', home.kind === 'kota' ? 'Wali Kota' : 'Bupati')
      .replaceAll('{r}', home.name)
      .replaceAll('{d}', d.name)
      .replaceAll('{tag}', tag);
    const onset = liveStart + (cold ? DAY_MS : 4 * HOUR_MS) + rng.next() * (end - liveStart - 30 * HOUR_MS);
    const accounts = rng.between(30, 70);
    const span = rng.between(1, 2) * HOUR_MS;
    const id = `cp-0-${homeCode}`;
    for (let i = 0; i < accounts; i++) {
      let text = template;
      if (rng.maybe(0.4)) {
        text = `${text} ${rng.one(['👍', '🔥', '💪', '🙏', '❤️'])}`;
      }
      if (rng.maybe(0.3)) {
        text = text.replace('sekarang', rng.one(['kini', 'skrg']));
      }
      pending.push({ at: onset + rng.next() * span, text, author: `akun${seed}x${i}`, source: 'warga', truth: id });
    }
    events.push(
      truthEvent({
        id,
        kind: 'campaign',
        title: template.slice(0, 48),
        type: 'buzzer',
        onset,
      }),
    );
  }

  // One account pasting the same advert again and again.
  {
    const text = rng.one(SPAM).replace('{d}', rng.one(districts).name);
    const onset = liveStart + rng.next() * (end - liveStart - 4 * HOUR_MS);
    const who = `olshop_${seed}`;
    for (let i = 0; i < rng.between(25, 45); i++) {
      pending.push({ at: onset + rng.next() * 3 * HOUR_MS, text, author: who, source: 'warga', truth: 'spam-0' });
    }
    events.push(
      truthEvent({
        id: 'spam-0',
        kind: 'spam',
        title: 'one-account advert',
        type: 'spam',
        onset,
      }),
    );
  }

  return finishStream(
    {
      generator: WARGA_GENERATOR.name,
      seed,
      shape: shapeRecord(
        `warga-${home.name.toLowerCase().replace(/\s+/gu, '-')}`,
        historyDays + p.days,
        p.backgroundPerDay,
        p.events,
        1,
        [25, 260],
        residents.length,
      ),
      start,
      end,
      liveStart,
      homeRegion: homeCode,
      utcOffsetMs,
      events,
    },
    pending,
    `w${seed}`,
  );
}

export const WARGA_GENERATOR: BlindGenerator = {
  name: 'warga',
  description: 'residents of ten regencies outside Kalimantan, colloquial with regional particles; odd seeds cold',
  seeds: [201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212],
  generate: generateWargaStream,
};

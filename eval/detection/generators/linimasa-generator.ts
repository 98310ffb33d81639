/**
 * Blind generator "linimasa": a timeline of twelve home regions on the Malay-speaking side of the archipelago
 * (Riau, Kepulauan Riau, Kalimantan Barat, Jambi, Sumatera Selatan, Sumatera Barat, Kalimantan Selatan, Kalimantan
 * Utara) and Ambon, mixing tweets, Facebook posts and news-portal headlines. Writers use Malay-influenced Indonesian
 * (tak, nak, dah, kat, macam, kene), heavy abbreviations, stretched letters, shouting in capitals, hashtag chains and
 * emojis; portals write formal title-case headlines with a link.
 *
 * A stream is 50–96 hours starting at an arbitrary local hour, on a night-owl rhythm (quiet before dawn, peak late
 * evening, a dip at Friday prayers). Background: real dataset sentences (tweets weighted up). Recurring remarks about a
 * random village each time (the night market, the evening rain, the school run). 5–7 events built from an opener, a
 * core clause and a closer, shaped sudden, plateau, headline-first, two waves or many wordings; most streams
 * hold a second, separate event of one type at one place; zero to two hashtag campaigns of near-copies; one
 * copy-paste seller. Two seeds in three are cold; the others feed one ordinary day first.
 *
 * Written without reading src/issues/detection, the existing generator's vocabulary, or the "warga" generator's.
 */
import { regencyOf, writableDistricts, writableVillages, type Area } from './area-index.js';
import { detokenise } from './background-corpus.js';
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

const HOMES = [
  '14.71',
  '21.71',
  '61.71',
  '61.01',
  '15.71',
  '16.71',
  '63.71',
  '14.03',
  '61.12',
  '81.71',
  '65.01',
  '13.71',
] as const;

/** Night-owl rhythm per local hour. */
const RHYTHM = [6, 4, 2, 1, 1, 2, 4, 6, 7, 7, 8, 8, 9, 8, 7, 7, 8, 9, 10, 12, 15, 16, 15, 10];

const MALAY: Record<string, string[]> = {
  tidak: ['tak', 'tdk', 'ndak'],
  sudah: ['dah', 'udah'],
  mau: ['nak', 'mo'],
  di: ['kat', 'di'],
  seperti: ['macam', 'kayak'],
  kena: ['kene'],
  apa: ['ape'],
  sedikit: ['sikit'],
  saja: ['je', 'aje', 'aja'],
  betul: ['betol'],
  sangat: ['sgt', 'bgt'],
  yang: ['yg'],
  untuk: ['utk'],
  juga: ['jg'],
  dengan: ['dgn'],
  kami: ['kite', 'kami'],
};

const OPENERS = [
  '',
  '',
  '',
  'gaes,',
  'wak,',
  'kawan2,',
  'innalillahi,',
  'breaking:',
  'info terkini:',
  'astagfirullah',
  'hadehhh',
  'woi',
];
const CLOSERS = [
  '',
  '',
  'tolong viralkan',
  'mohon perhatian pemda',
  'pemda tidur ke?',
  'sape yg tanggung jawab ni',
  'dah lah capek',
  'min tolong up',
  'semoga cepat ditangani',
  'dah berape kali macam ni',
  'RT ye',
];

const EMOJI = ['😡', '😭', '🤬', '😢', '🙏🏻', '😮‍💨', '🫠', '💔', '📢', '🚨', '😱', '🥵'];

interface Story {
  type: string;
  word: string[];
  /** Core clauses: {w} event word, {p} place as written, {n} a number. */
  core: string[];
  /** Formal headlines for portals. */
  headline: string[];
}

const STORIES: Story[] = [
  {
    type: 'price-spike',
    word: ['harga cabai', 'harga beras', 'harga elpiji', 'harga minyak goreng'],
    core: [
      '{w} kat pasar {p} naik gila, {n} ribu sekilo',
      '{w} {p} melambung, emak2 menjerit',
      'gile {w} di {p} sekarang, tak masuk akal',
      'pedagang {p} bilang {w} naik sejak kemarin',
    ],
    headline: ['{W} di Pasar {P} Melonjak, Warga Mengeluh', 'Lonjakan {W} Terjadi di {P}'],
  },
  {
    type: 'extortion',
    word: ['pungli', 'pemalakan', 'pungutan liar'],
    core: [
      'ada {w} kat pelabuhan {p}, sopir dipalak {n} ribu',
      'oknum buat {w} parkir di {p}, tiap hari macam ni',
      '{w} di {p} makin berani, tak ade yg tegur',
      'pedagang {p} kene {w} tiap malam',
    ],
    headline: ['Warga {P} Keluhkan {W} di Jalan Lintas', 'Dugaan {W} di {P} Dilaporkan ke Polisi'],
  },
  {
    type: 'fire',
    word: ['kebakaran', 'terbakar', 'api'],
    core: [
      '{w} hebat kat {p}, asap nampak dari jauh',
      'rumah panggung di {p} {w}, {n} KK kehilangan tempat tinggal',
      'damkar lambat sampai ke {p}, {w} dah merembet',
      '{w} gudang di {p} malam ni',
    ],
    headline: ['{W} Hanguskan Belasan Rumah di {P}', 'Damkar Padamkan {W} di {P}'],
  },
  {
    type: 'haze',
    word: ['kabut asap', 'asap karhutla', 'jerebu'],
    core: [
      '{w} tebal kat {p}, mata pedih',
      'anak2 {p} batuk2 gara2 {w}',
      'jarak pandang {p} tinggal {n} meter, {w} parah',
      'sekolah di {p} diliburkan sebab {w}',
    ],
    headline: ['{W} Selimuti {P}, ISPU Tidak Sehat', 'Warga {P} Diminta Kurangi Aktivitas Akibat {W}'],
  },
  {
    type: 'water-outage',
    word: ['air mati', 'air PDAM mati', 'air keruh'],
    core: [
      '{w} lagi kat {p}, dah {n} hari',
      'macam mane nak mandi, {p} {w} terus',
      'PDAM tolonglah, {p} {w} dari semalam',
      'warga {p} beli air jerigen sebab {w}',
    ],
    headline: ['Warga {P} Keluhkan {W} Berhari-hari', 'Perumda Air Minum Jelaskan Penyebab {W} di {P}'],
  },
  {
    type: 'tidal-flood',
    word: ['banjir rob', 'air pasang', 'rob'],
    core: [
      '{w} masuk rumah kat {p}, perabot basah semua',
      '{p} {w} lagi, jalan tak bisa dilalui',
      'tiap bulan purnama {p} kene {w}',
      '{w} setinggi {n} cm di {p}',
    ],
    headline: ['{W} Genangi Permukiman di {P}', 'Ratusan Rumah di {P} Terendam {W}'],
  },
  {
    type: 'hospital',
    word: ['rumah sakit', 'RSUD', 'IGD'],
    core: [
      '{w} {p} suruh pasien tunggu {n} jam, tak manusiawi',
      'keluarga saya ditolak {w} {p} sebab kamar penuh',
      'pelayanan {w} {p} teruk betol',
      'perawat {w} {p} marah2 kat pasien',
    ],
    headline: ['Pasien Mengeluh Pelayanan {W} {P}', 'Keluarga Pasien Protes Layanan {W} {P}'],
  },
  {
    type: 'garbage',
    word: ['sampah', 'sampah menggunung', 'TPS'],
    core: [
      '{w} kat {p} tak diangkut {n} hari, busuk',
      'bau {w} {p} sampai ke masjid',
      '{w} {p} meluber ke parit',
      'warga {p} tutup jalan protes {w}',
    ],
    headline: ['{W} Menumpuk di {P}, Warga Protes', 'DLH Janji Angkut {W} di {P}'],
  },
  {
    type: 'road-damage',
    word: ['jalan rusak', 'jalan berlobang', 'jalan amblas'],
    core: [
      '{w} kat {p} dah macam kubangan kerbau',
      '{n} motor jatuh minggu ni di {w} {p}',
      'bila nak dibaiki {w} {p} ni',
      'truk sawit bikin {w} di {p} makin teruk',
    ],
    headline: ['{W} di {P} Dikeluhkan Pengendara', 'Warga {P} Tanam Pisang di Tengah {W}'],
  },
  {
    type: 'power-outage',
    word: ['listrik padam', 'mati lampu', 'PLN padam'],
    core: [
      '{w} lagi kat {p}, dah {n} jam',
      '{p} gelap, {w} tak ada pemberitahuan',
      'ikan dalam freezer busuk sebab {w} di {p}',
      '{w} bergilir {p} ni tak ade jadwal',
    ],
    headline: ['{W} Berjam-jam, Warga {P} Mengeluh', 'PLN Sebut Gangguan Penyebab {W} di {P}'],
  },
];

interface Remark {
  id: string;
  hours: number[];
  perDay: number;
  lines: string[];
}

const REMARKS: Remark[] = [
  {
    id: 'rec-pasar-malam',
    hours: [18, 19, 20, 21, 22],
    perDay: 80,
    lines: ['pasar malam {v} rame ye malam ni', 'jalan2 ke pasar malam {v}', 'kuliner pasar malam {v} mantap'],
  },
  {
    id: 'rec-hujan-sore',
    hours: [14, 15, 16, 17],
    perDay: 60,
    lines: ['hujan lebat kat {v} sore ni', 'ujan turun lagi di {v}', 'mendung gelap kat {v}'],
  },
  {
    id: 'rec-antar-sekolah',
    hours: [6, 7, 12, 13],
    perDay: 70,
    lines: ['antar anak sekolah lewat {v}, rame', 'jemput anak di {v} dulu', 'jalan {v} padat jam sekolah'],
  },
  {
    id: 'rec-ngopi',
    hours: [8, 9, 10, 20, 21, 22, 23],
    perDay: 90,
    lines: ['ngopi dulu kat {v}', 'warkop {v} penuh je', 'teh tarik di {v} paling sedap', 'nongkrong di {v} malam ni'],
  },
  {
    id: 'rec-jual-beli',
    hours: [9, 10, 11, 19, 20],
    perDay: 50,
    lines: ['ada yg jual durian di {v}?', 'cari tukang servis ac area {v}', 'dijual motor bekas, cod {v}'],
  },
  {
    id: 'rec-sinyal',
    hours: [10, 11, 20, 21, 22],
    perDay: 45,
    lines: ['sinyal lemot kat {v}', 'wifi rumah di {v} putus2 lagi', 'jaringan {v} hilang timbul'],
  },
];

const CAMPAIGNS = [
  'Dukung penuh program {head} {r}! Pembangunan {d} nyata dan merata #{tag}Juara #{tag}Hebat',
  'Tolak relokasi pasar {d}! Pedagang kecil jangan dikorbankan #SavePasar{dtag}',
  'Pelayanan publik {r} terbaik se-Indonesia, bukti kerja nyata di {d} #{tag}Berkah',
];

const SELLERS = [
  'JASTIP murah amanah, antar ke seluruh {d}, wa admin ya kak',
  'jual kue bangkit & bolu kemojo homemade, pesan skrg kirim area {d}',
];

const PORTALS = ['kabarkota', 'riaupos_id', 'beritasatu_lokal', 'tribun_daerah', 'suarawarga_news', 'info_terkini'];

const FIRST = `wan udin atan ijah long ucu mak_long pak_cik azmi fauzi rizal syafii nurul aisyah fadli hafiz
rahmat yusuf siti erni dayang awang jamal iwan bujang dara eko lia nina ferdy chandra steven vivi yanto`.split(/\s+/u);

function account(rng: BlindRandom, n: number): string {
  return `${rng.one(FIRST)}${rng.maybe(0.5) ? '.' : ''}${(n * 37 + 11).toString(36)}`;
}

/** The place as a Malay-side writer or a portal writes it. */
function placeText(rng: BlindRandom, place: Area, parent: Area | null, formal: boolean): string {
  if (formal) {
    return parent ? `${place.name}, ${parent.name}` : place.name;
  }
  const n = rng.maybe(0.75) ? place.name.toLowerCase() : place.name.toUpperCase();
  if (parent === null) {
    return rng.one([n, n, n, `kec. ${n}`, `kecamatan ${n}`]);
  }
  return rng.one([n, n, `kelurahan ${n}`, `desa ${n}`, `${n} (${parent.name.toLowerCase()})`]);
}

function malayise(rng: BlindRandom, text: string): string {
  return text
    .split(' ')
    .map((w) => {
      const alt = MALAY[w.toLowerCase()];
      return alt && rng.maybe(0.55) ? rng.one(alt) : w;
    })
    .join(' ');
}

function stretch(rng: BlindRandom, text: string): string {
  // One word with its last letter repeated ("parahhh"), as people shout in writing.
  const words = text.split(' ');
  const idx = words.map((w, i) => (/^[a-z]{4,}$/u.test(w) ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) {
    return text;
  }
  const i = rng.one(idx);
  words[i] = words[i] + words[i].slice(-1).repeat(rng.between(2, 4));
  return words.join(' ');
}

function citizenPost(rng: BlindRandom, story: Story, core: string, place: string, tags: string[]): string {
  const word = rng.maybe(0.65) ? story.word[0] : rng.one(story.word);
  let body = core
    .replace('{w}', word)
    .replace('{p}', place)
    .replace('{n}', String(rng.between(2, 60)));
  body = malayise(rng, body);
  if (rng.maybe(0.2)) {
    body = stretch(rng, body);
  }
  let text = [rng.one(OPENERS), body, rng.one(CLOSERS)].filter((s) => s.length > 0).join(' ');
  if (rng.maybe(0.25)) {
    text += rng.one(['!!!', '??', '!!1', '...']);
  }
  if (rng.maybe(0.45)) {
    text += ` ${rng.some(EMOJI, rng.between(1, 2)).join(' ')}`;
  }
  if (rng.maybe(0.35)) {
    text += ` ${rng
      .some(tags, rng.between(1, 3))
      .map((t) => `#${t}`)
      .join(' ')}`;
  }
  return rng.maybe(0.14) ? text.toUpperCase() : text;
}

function headlinePost(rng: BlindRandom, story: Story, place: string): string {
  const word = rng.one(story.word);
  const cap = word.replace(/(^|\s)(\p{L})/gu, (_m, s: string, c: string) => s + c.toUpperCase());
  const title = rng.one(story.headline).replace('{W}', cap).replace('{P}', place);
  return `${title} https://${rng.one(PORTALS).replace(/_/gu, '')}.id/${rng.next().toString(36).slice(2, 10)}`;
}

function backgroundPost(rng: BlindRandom, inputs: GeneratorInputs): { text: string; source: string } {
  const b = inputs.background;
  const which = rng.weighted([b.emot.length ? 5 : 0, b.nusax.length ? 2 : 0, b.smsa.length ? 3 : 0]);
  if (which === 0) {
    const text = rng
      .one(b.emot)
      .replace(/\[USERNAME\]/gu, () => `@${account(rng, rng.between(1, 5000))}`)
      .replace(/\[URL\]/gu, () => `https://bit.ly/${rng.next().toString(36).slice(2, 9)}`);
    return { text, source: 'twitter' };
  }
  if (which === 1) {
    return { text: rng.one(b.nusax), source: 'facebook' };
  }
  let text = detokenise(rng.one(b.smsa));
  if (text.length > 280 && rng.maybe(0.6)) {
    const cut = text.lastIndexOf(' ', 240);
    text = `${text.slice(0, cut > 0 ? cut : 240)}…`;
  }
  return { text, source: rng.maybe(0.5) ? 'facebook' : 'twitter' };
}

function offsets(rng: BlindRandom, shape: EventShape, total: number): number[] {
  const plateau = 10 + rng.next() * 10;
  const lag = 2 + rng.next() * 3;
  const gap = 8 + rng.next() * 8;
  const out: number[] = [];
  for (let i = 0; i < total; i++) {
    switch (shape) {
      case 'sudden':
        out.push(rng.exponential(1 + rng.next() * 2));
        break;
      case 'plateau':
        out.push(rng.next() * plateau);
        break;
      case 'headline-first':
        // Citizens pick the story up after the portals, then it fades.
        out.push(lag * rng.next() + rng.exponential(3));
        break;
      case 'two-waves':
        out.push(rng.maybe(0.55) ? rng.exponential(2) : gap + rng.exponential(1.5));
        break;
      case 'many-wordings':
      case 'slow':
        out.push(rng.next() * rng.next() * 9 + rng.next() * 3);
        break;
    }
  }
  return out;
}

export function generateLinimasaStream(seed: number, inputs: GeneratorInputs): BlindStream {
  const rng = new BlindRandom(0x51ed + seed * 104729);
  const homeCode = HOMES[Math.abs(seed) % HOMES.length];
  const home = regencyOf(inputs.areas, homeCode);
  const utcOffsetMs = utcOffsetForProvince(home.parentCode);
  const districts = writableDistricts(inputs.areas, homeCode);
  const villages: { v: Area; d: Area }[] = districts.flatMap((d) =>
    writableVillages(inputs.areas, d.code).map((v) => ({ v, d })),
  );
  if (districts.length < 3 || villages.length < 15) {
    throw new Error(`home region ${homeCode} has too few writable places`);
  }
  const hours = rng.between(50, 96);
  const cold = seed % 3 !== 0;
  const perDay = rng.between(2500, 9000);
  const firstLocalHour = rng.between(0, 23);
  const liveStart = Date.UTC(2026, 2, 9 + rng.between(0, 6), firstLocalHour) - utcOffsetMs;
  const start = cold ? liveStart : liveStart - DAY_MS;
  const end = liveStart + hours * HOUR_MS;
  const tag = home.name.replace(/\s+/gu, '');
  const tags = [tag, `Info${tag}`, `${tag}HariIni`, `Warga${tag}`, 'Viral'];
  const pending: PendingPost[] = [];
  let n = 0;
  const crowd = Array.from({ length: Math.round(perDay * 1.1) }, () => account(rng, n++));
  const someone = (): string => crowd[Math.floor(rng.next() * rng.next() * crowd.length)];

  const friday = (weekday: number): number => (weekday === 5 ? 0.92 : weekday === 0 ? 1.08 : 1);
  for (const at of rhythmTimes(rng, start, end, utcOffsetMs, perDay, RHYTHM, friday)) {
    const { text, source } = backgroundPost(rng, inputs);
    pending.push({ at, text, author: someone(), source, truth: 'bg' });
  }

  const events: BlindEvent[] = [];
  const startDay = Math.floor((start + utcOffsetMs) / DAY_MS);
  const endDay = Math.floor((end + utcOffsetMs) / DAY_MS);
  for (const r of REMARKS) {
    const scale = perDay / 5000;
    for (let day = startDay; day <= endDay; day++) {
      for (const h of r.hours) {
        const k = rng.count((r.perDay * scale) / r.hours.length);
        for (let i = 0; i < k; i++) {
          const at = day * DAY_MS - utcOffsetMs + (h + rng.next()) * HOUR_MS;
          const spot = rng.maybe(0.6) ? rng.one(villages).v : rng.one(districts);
          let text = malayise(rng, rng.one(r.lines).replace('{v}', spot.name.toLowerCase()));
          if (rng.maybe(0.2)) {
            text += ` ${rng.one(EMOJI)}`;
          }
          pending.push({ at, text, author: someone(), source: 'twitter', truth: r.id });
        }
      }
    }
    events.push(truthEvent({ id: r.id, kind: 'recurring', title: r.id, type: r.id, onset: start }));
  }

  const shapes: EventShape[] = ['sudden', 'plateau', 'headline-first', 'two-waves', 'many-wordings'];
  const eventCount = Math.max(5, Math.min(7, Math.round(hours / 13)));
  const firstAllowed = liveStart + (cold ? 20 : 1) * HOUR_MS;
  const taken = new Set<string>();
  let repeatLeft = rng.maybe(0.75) && hours >= 60 ? 1 : 0;
  for (let e = 0; e < eventCount; e++) {
    const story = STORIES[(seed + e * 3) % STORIES.length];
    const inVillage = rng.maybe(0.45);
    const spot = rng.one(villages);
    const place = inVillage ? spot.v : rng.one(districts);
    const parent = inVillage ? spot.d : null;
    if (taken.has(`${story.type}|${place.code}`)) {
      continue;
    }
    taken.add(`${story.type}|${place.code}`);
    const shape = shapes[(seed + e) % shapes.length];
    const size = Math.round(Math.exp(Math.log(18) + rng.next() * Math.log(320 / 18)));
    const onset = firstAllowed + rng.next() * Math.max(HOUR_MS, end - firstAllowed - 16 * HOUR_MS);
    const cores = shape === 'many-wordings' ? story.core : rng.some(story.core, 2);
    const id = `ev-${e}-${story.type}-${place.code}`;
    const emit = (evId: string, evOnset: number, evSize: number, repeatOf?: string): void => {
      if (shape === 'headline-first') {
        for (const portal of rng.some(PORTALS, rng.between(3, 5))) {
          const at = evOnset + rng.next() * 0.5 * HOUR_MS;
          const text = headlinePost(rng, story, placeText(rng, place, parent, true));
          pending.push({ at, text, author: portal, source: 'news', truth: evId });
        }
      }
      const writers = rng.some(crowd, Math.max(8, Math.round(evSize * 0.9)));
      for (const off of offsets(rng, shape, evSize)) {
        const at = evOnset + (shape === 'headline-first' ? 0.5 : 0) * HOUR_MS + off * HOUR_MS;
        const text = citizenPost(rng, story, rng.one(cores), placeText(rng, place, parent, false), tags);
        pending.push({
          at,
          text,
          author: rng.one(writers),
          source: rng.maybe(0.7) ? 'twitter' : 'facebook',
          truth: evId,
        });
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
    emit(id, onset, size);
    if (repeatLeft > 0 && onset + 36 * HOUR_MS < end - 8 * HOUR_MS) {
      repeatLeft--;
      const later = onset + 36 * HOUR_MS + rng.next() * (end - 8 * HOUR_MS - onset - 36 * HOUR_MS);
      emit(`${id}-b`, later, rng.between(25, 120), id);
    }
  }

  const campaigns = rng.between(0, 2);
  for (let c = 0; c < campaigns; c++) {
    const d = rng.one(districts);
    const text = rng
      .one(CAMPAIGNS)
      .replaceAll('{head}', home.kind === 'kota' ? 'Walikota' : 'Bupati')
      .replaceAll('{r}', home.name)
      .replaceAll('{d}', d.name)
      .replaceAll('{dtag}', d.name.replace(/\s+/gu, ''))
      .replaceAll('{tag}', tag);
    const onset = firstAllowed + rng.next() * Math.max(HOUR_MS, end - firstAllowed - 6 * HOUR_MS);
    const accounts = rng.between(40, 90);
    const span = rng.between(1, 3) * HOUR_MS;
    const id = `cp-${c}-${homeCode}`;
    for (let i = 0; i < accounts; i++) {
      const copy = rng.maybe(0.35) ? `${text} ${rng.one(['✊', '💯', '🇮🇩', '👏'])}` : text;
      pending.push({
        at: onset + rng.next() * span,
        text: copy,
        author: `dukung${c}_${seed}_${i}`,
        source: 'twitter',
        truth: id,
      });
    }
    events.push(
      truthEvent({
        id,
        kind: 'campaign',
        title: text.slice(0, 48),
        type: 'hashtag-campaign',
        onset,
      }),
    );
  }

  {
    const text = rng.one(SELLERS).replace('{d}', rng.one(districts).name);
    const onset = liveStart + rng.next() * (end - liveStart - 5 * HOUR_MS);
    const who = `lapak_${seed}`;
    for (let i = 0; i < rng.between(20, 50); i++) {
      pending.push({ at: onset + rng.next() * 4 * HOUR_MS, text, author: who, source: 'facebook', truth: 'spam-0' });
    }
    events.push(
      truthEvent({
        id: 'spam-0',
        kind: 'spam',
        title: 'one-account seller',
        type: 'spam',
        onset,
      }),
    );
  }

  return finishStream(
    {
      generator: LINIMASA_GENERATOR.name,
      seed,
      shape: shapeRecord(
        `linimasa-${home.name.toLowerCase().replace(/\s+/gu, '-')}`,
        (end - start) / DAY_MS,
        perDay,
        eventCount,
        campaigns,
        [18, 320],
        crowd.length,
      ),
      start,
      end,
      liveStart,
      homeRegion: homeCode,
      utcOffsetMs,
      events,
    },
    pending,
    `l${seed}`,
  );
}

export const LINIMASA_GENERATOR: BlindGenerator = {
  name: 'linimasa',
  description: 'Malay-side timeline of twelve regions (tweets, Facebook, portals), 50–96 h; two seeds in three cold',
  seeds: [301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312],
  generate: generateLinimasaStream,
};

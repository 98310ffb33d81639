import { readFileSync } from 'node:fs';
import { maskPiiWithCounts } from '../../analysis/pii/pii-masker.js';
import { buildDemoCorpus, DEMO_DEFAULT_SEED } from './demo-corpus-builder.js';
import {
  DEMO_CATEGORIES,
  DEMO_HISTORY_MINUTES,
  DEMO_LIVE_MINUTES,
  DEMO_PLATFORMS,
  DEMO_STORIES,
  type DemoCategory,
  type DemoPost,
} from './demo-post.types.js';
import { DEMO_DISTRICTS, DEMO_VILLAGES } from './samarinda-places.js';

const corpus = buildDemoCorpus();

/** An independent keyword heuristic: a post tagged with a category should usually mention that category's words. */
const CATEGORY_WORDS: Record<Exclude<DemoCategory, 'lainnya'>, RegExp> = {
  infrastruktur: /jalan|jln|jl\b|drainase|lubang|aspal|trotoar|jembatan|pupr|gorong|parit|lampu|proyek/i,
  bencana:
    /banjir|longsor|kebakar|api\b|damkar|bpbd|angin|pohon tumbang|evakuasi|posko|pengungsi|hujan|tanah bergerak|genangan/i,
  kesehatan:
    /puskesmas|rsud|bpjs|dbd|stunting|obat|posyandu|dokter|igd|fogging|dinkes|imunisasi|diare|ispa|campak|pasien|perawat|berobat|batuk/i,
  pendidikan:
    /sekolah|spmb|guru|siswa|smpn|sdn|murid|komite|disdik|kelas|beasiswa|olimpiade|rapor|pungutan|sumbangan|kepsek/i,
  kependudukan: /ktp|kk\b|akta|capil|dukcapil|domisili|kia\b|surat pindah|perekaman/i,
  lingkungan: /sampah|tps|limbah|sungai|taman|dlh|bau|asap|debu|bersih/i,
  transportasi: /macet|lalu lintas|lalin|parkir|angkot|bus|dishub|traffic|simpang|lampu merah|jalur/i,
  sosial: /bansos|blt|pkh|dtks|bpnt|sembako|lansia|anak jalanan|odgj|pengemis|dinsos|bantuan/i,
  ekonomi: /harga|pasar|umkm|lpg|gas|elpiji|cabai|beras|minyak|bawang|telur|gula|ayam|kerja|bazar|jualan/i,
  utilitas: /pdam|air\b|listrik|lampu|padam|pln|tagihan|meteran|tangki|kran|pompa/i,
  ketertiban: /balap|tawuran|preman|pkl|parkir|pungli|knalpot|miras|satpol|patroli|lapak/i,
  'tata-kelola': /pungli|pelayanan|asn|pegawai|aduan|lapor|inspektorat|ombudsman|mpp|loket|sidak|kantor|pelicin|izin/i,
  pertanian: /petani|pupuk|irigasi|panen|sawah|padi|hama|gabah|penyuluh|tani|pertanian/i,
};

function localHour(offsetMinutes: number): number {
  return Math.floor((offsetMinutes % 1440) / 60);
}

function maxInWindow(posts: DemoPost[], windowMinutes: number): number {
  const t = posts.map((p) => p.offsetMinutes).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while (t[j] - t[i] >= windowMinutes) {
      i++;
    }
    best = Math.max(best, j - i + 1);
  }
  return best;
}

describe('buildDemoCorpus', () => {
  it('should produce at least 2,000 unique texts', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(corpus.map((p) => p.text)).size).toBeGreaterThanOrEqual(2000);
  });

  it('should be deterministic for a seed and differ between seeds', () => {
    expect(buildDemoCorpus(DEMO_DEFAULT_SEED)).toEqual(corpus);
    const other = buildDemoCorpus(7);
    expect(other.map((p) => p.text)).not.toEqual(corpus.map((p) => p.text));
  });

  it('should repeat a text only inside the buzzer campaign', () => {
    const byText = new Map<string, DemoPost[]>();
    for (const p of corpus) {
      byText.set(p.text, [...(byText.get(p.text) ?? []), p]);
    }
    const repeated = [...byText.values()].filter((group) => group.length > 1);
    for (const group of repeated) {
      expect(group.every((p) => p.story === 'buzzer-pujian')).toBe(true);
    }
    expect(new Set(corpus.map((p) => p.externalId)).size).toBe(corpus.length);
  });

  it('should represent every category, sentiment, register and platform', () => {
    for (const cat of DEMO_CATEGORIES) {
      expect(corpus.filter((p) => p.tags.category === cat).length).toBeGreaterThanOrEqual(40);
    }
    for (const s of ['positive', 'neutral', 'negative'] as const) {
      expect(corpus.filter((p) => p.tags.sentiment === s).length).toBeGreaterThanOrEqual(300);
    }
    const informal = corpus.filter((p) => p.tags.register === 'informal').length;
    expect(informal).toBeGreaterThan(corpus.length * 0.3);
    expect(corpus.length - informal).toBeGreaterThan(corpus.length * 0.2);
    for (const platform of DEMO_PLATFORMS) {
      expect(corpus.some((p) => p.platform === platform)).toBe(true);
    }
  });

  it('should tag categories that an independent keyword heuristic agrees with', () => {
    for (const [cat, re] of Object.entries(CATEGORY_WORDS)) {
      const posts = corpus.filter((p) => p.tags.category === cat);
      const hits = posts.filter((p) => re.test(p.text)).length;
      expect({ cat, share: hits / posts.length >= 0.8 }).toEqual({ cat, share: true });
    }
  });

  it('should sound like social media: slang, emoji, hashtags and mentions in informal posts', () => {
    const informal = corpus.filter((p) => p.tags.register === 'informal').map((p) => p.text);
    const share = (re: RegExp) => informal.filter((t) => re.test(t)).length / informal.length;
    expect(share(/\b(gak|ga|nggak|yg|udh|udah|bgt|aja|gimana|skrg|kalo|tau)\b/i)).toBeGreaterThan(0.4);
    expect(share(/\p{Extended_Pictographic}/u)).toBeGreaterThan(0.3);
    expect(share(/#\w+/)).toBeGreaterThan(0.2);
    expect(share(/@\w+/)).toBeGreaterThan(0.1);
  });

  it('should mark every record as demo data', () => {
    for (const p of corpus) {
      expect(p.demo).toBe(true);
      expect(p.author.startsWith('demo_')).toBe(true);
      expect(p.lang).toBe('id');
      expect(p.url).toMatch(/^https:\/\/demo\.pantau-isu\.invalid\//);
      expect(p.offsetMinutes).toBeGreaterThanOrEqual(0);
      expect(p.offsetMinutes).toBeLessThan(DEMO_HISTORY_MINUTES + DEMO_LIVE_MINUTES);
    }
  });

  it('should place the stories, with their bursts, inside the replayed part', () => {
    for (const story of DEMO_STORIES) {
      const posts = corpus.filter((p) => p.story === story);
      expect(posts.length).toBeGreaterThanOrEqual(40);
      expect(posts.every((p) => p.offsetMinutes >= DEMO_HISTORY_MINUTES)).toBe(true);
      // a burst: many posts of the story within three simulated hours (7.5 real minutes at the default speed)
      expect(maxInWindow(posts, 180)).toBeGreaterThanOrEqual(story === 'pdam-mati' ? 8 : 15);
    }
    const flood = corpus.filter((p) => p.story === 'banjir-sungai-kunjang');
    // the flood starts within the first simulated hour of the replay
    expect(Math.min(...flood.map((p) => p.offsetMinutes))).toBeLessThan(DEMO_HISTORY_MINUTES + 60);
    const bencanaHistoryPerHour =
      corpus.filter((p) => p.tags.category === 'bencana' && p.offsetMinutes < DEMO_HISTORY_MINUTES).length / 72;
    expect(maxInWindow(flood, 60)).toBeGreaterThan(10 * bencanaHistoryPerHour);
  });

  it('should copy the campaign text across about forty accounts with small variations', () => {
    const campaign = corpus.filter((p) => p.story === 'buzzer-pujian');
    expect(new Set(campaign.map((p) => p.author)).size).toBeGreaterThanOrEqual(38);
    expect(new Set(campaign.map((p) => p.text)).size).toBeGreaterThan(campaign.length / 2);
    const words = (t: string) => new Set(t.toLowerCase().match(/[a-z]+/g) ?? []);
    const base = words(campaign[0].text);
    for (const p of campaign) {
      const w = words(p.text);
      const inter = [...w].filter((x) => base.has(x)).length;
      expect(inter / (w.size + base.size - inter)).toBeGreaterThanOrEqual(0.5);
    }
    expect(maxInWindow(campaign, 60)).toBeGreaterThanOrEqual(38);
  });

  it('should follow a daily rhythm in the history: quiet at night, peaks morning and evening', () => {
    const perHour = new Array<number>(24).fill(0);
    for (const p of corpus) {
      if (p.offsetMinutes < DEMO_HISTORY_MINUTES) {
        perHour[localHour(p.offsetMinutes)]++;
      }
    }
    const mean = (hours: number[]) => hours.reduce((s, h) => s + perHour[h], 0) / hours.length;
    const night = mean([0, 1, 2, 3, 4]);
    expect(night).toBeLessThan(0.25 * mean([7, 8, 9]));
    expect(night).toBeLessThan(0.25 * mean([17, 18, 19, 20]));
    expect(mean([7, 8])).toBeGreaterThan(mean([14, 15]));
  });

  it('should name real Samarinda kelurahan with their Kemendagri codes', () => {
    const csv = readFileSync(new URL('../../../node_modules/idn-area-data/data/villages.csv', import.meta.url), 'utf8');
    const real = new Map(
      csv
        .split('\n')
        .filter((l) => l.startsWith('64.72.'))
        .map((l) => l.split(','))
        .map(([code, , name]) => [code, name.trim()]),
    );
    expect(DEMO_VILLAGES.length).toBe(real.size);
    for (const v of DEMO_VILLAGES) {
      expect(real.get(v.code)).toBe(v.name);
    }
    const districts = readFileSync(
      new URL('../../../node_modules/idn-area-data/data/districts.csv', import.meta.url),
      'utf8',
    );
    for (const d of DEMO_DISTRICTS) {
      expect(districts).toContain(`${d.code},64.72,${d.name}\n`);
    }
    const placed = corpus.filter((p) => p.tags.placeCode);
    expect(placed.length).toBeGreaterThan(corpus.length * 0.5);
    for (const p of placed) {
      expect(p.tags.placeCode!.startsWith('64.72')).toBe(true);
    }
  });

  it('should carry synthetic personal data in a few complaints, all of it maskable', () => {
    const withPii = corpus.filter((p) => p.tags.syntheticPii);
    expect(withPii.length).toBeGreaterThanOrEqual(10);
    expect(withPii.length).toBeLessThan(corpus.length * 0.05);
    for (const p of withPii) {
      const { counts } = maskPiiWithCounts(p.text);
      expect(counts.nik + counts.phone + counts.email).toBeGreaterThan(0);
    }
  });
});

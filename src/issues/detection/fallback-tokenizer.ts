/**
 * A small local tokeniser used when the analysis engine is not available: lower case, Unicode letters and digits,
 * hashtags and mentions kept apart, a handful of common slang spellings mapped. The analysis engine's normaliser
 * (src/analysis) is the reference; this only keeps detection usable on its own.
 */
const SLANG: Record<string, string> = {
  bjr: 'banjir',
  jln: 'jalan',
  jl: 'jalan',
  kel: 'kelurahan',
  kec: 'kecamatan',
  kab: 'kabupaten',
  pdam: 'pdam',
  skrg: 'sekarang',
  bnyk: 'banyak',
  msh: 'masih',
  blm: 'belum',
  sdh: 'sudah',
  udh: 'sudah',
  tdk: 'tidak',
  gak: 'tidak',
  ga: 'tidak',
  nggak: 'tidak',
  ngga: 'tidak',
  yg: 'yang',
  dgn: 'dengan',
  utk: 'untuk',
  krn: 'karena',
};

export interface FallbackTokens {
  tokens: string[];
  hashtags: string[];
  mentions: string[];
}

const URL_RE = /\bhttps?:\/\/\S+/giu;
const WORD_RE = /[#@]?[\p{L}\p{N}_]+(?:[-'][\p{L}\p{N}]+)*/gu;

export function fallbackTokenize(text: string): FallbackTokens {
  const tokens: string[] = [];
  const hashtags: string[] = [];
  const mentions: string[] = [];
  const clean = text.normalize('NFKC').toLowerCase().replace(URL_RE, ' ');
  for (const match of clean.matchAll(WORD_RE)) {
    const raw = match[0];
    if (raw.startsWith('#')) {
      if (raw.length > 1) {
        hashtags.push(raw.slice(1));
      }
      continue;
    }
    if (raw.startsWith('@')) {
      if (raw.length > 1) {
        mentions.push(raw.slice(1));
      }
      continue;
    }
    // Indonesian reduplication 'rumah-rumah' → 'rumah'.
    const dash = raw.indexOf('-');
    let word = dash > 0 && raw.slice(0, dash) === raw.slice(dash + 1) ? raw.slice(0, dash) : raw;
    word = SLANG[word] ?? word;
    tokens.push(word);
  }
  return { tokens, hashtags, mentions };
}

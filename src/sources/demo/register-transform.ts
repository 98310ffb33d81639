import type { SeededRandom } from './seeded-random.js';

/**
 * Register transforms: turn a neutral sentence into the way people actually type on social media (slang,
 * abbreviations, elongation, emoji, typos), or tidy it into a formal sentence. Pure, driven by a seeded RNG.
 */

/** Standard word → informal spellings (one is chosen per occurrence). */
const SLANG: Readonly<Record<string, readonly string[]>> = {
  tidak: ['gak', 'ga', 'nggak', 'gk', 'enggak', 'tdk'],
  yang: ['yg', 'yang', 'yg'],
  sudah: ['udah', 'udh', 'sdh', 'dah'],
  belum: ['blm', 'belom', 'belum'],
  banget: ['bgt', 'banget', 'bangettt'],
  sekali: ['bgt', 'banget', 'sekali'],
  dengan: ['dgn', 'sama', 'dengan'],
  untuk: ['utk', 'buat', 'untuk'],
  karena: ['krn', 'soalnya', 'gara2'],
  sampai: ['sampe', 'sampai', 'ampe'],
  saja: ['aja', 'aja', 'saja'],
  bagaimana: ['gimana', 'gmn', 'gimana'],
  tolong: ['tlg', 'tolong', 'tolong'],
  'terima kasih': ['makasih', 'mksh', 'trims', 'thanks'],
  kenapa: ['knp', 'kenapa', 'napa'],
  sekarang: ['skrg', 'sekarang', 'skrng'],
  juga: ['jg', 'juga'],
  lagi: ['lg', 'lagi'],
  bisa: ['bs', 'bisa'],
  tahu: ['tau', 'tw'],
  begitu: ['gitu', 'gt'],
  seperti: ['kayak', 'kyk', 'kaya'],
  memang: ['emang', 'emg'],
  kalau: ['kalo', 'klo', 'kl'],
  padahal: ['pdhl', 'padahal'],
  dari: ['dr', 'dari'],
  pagi: ['pagi', 'pgi'],
  orang: ['org', 'orang'],
  masih: ['msh', 'masih'],
  hanya: ['cuma', 'cm', 'cuman'],
  bapak: ['bapak', 'pak'],
  ibu: ['ibu', 'bu'],
  mohon: ['mohon', 'mhn'],
  semua: ['smua', 'semua'],
  rumah: ['rmh', 'rumah'],
  jalan: ['jalan', 'jln', 'jl'],
};

const SLANG_RE = new RegExp(
  `\\b(${Object.keys(SLANG)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'gi',
);

export const EMOJI_NEGATIVE = ['😤', '😡', '🙄', '😩', '😭', '🤦‍♂️', '🤦‍♀️', '😒', '💀', '😓', '🥲'];
export const EMOJI_POSITIVE = ['👍', '🙏', '😍', '👏', '🔥', '❤️', '😊', '🥰', '💯', '✨'];
export const EMOJI_NEUTRAL = ['🙏', '📢', '📍', '🤔', '👀', 'ℹ️', '🗓️'];

/** Replaces standard words by slang with probability `p` per occurrence. */
export function slangify(text: string, rng: SeededRandom, p = 0.7): string {
  return text.replace(SLANG_RE, (word) => {
    if (!rng.chance(p)) {
      return word;
    }
    const options = SLANG[word.toLowerCase()];
    return options ? rng.pick(options) : word;
  });
}

/** Stretches the last vowel or consonant of one expressive word ("parah" → "parahhh"). */
export function elongate(text: string, rng: SeededRandom): string {
  const words = text.split(' ');
  const expressive =
    /^(parah|banget|bgt|lama|capek|capek|mantap|mantul|keren|tolong|please|kapan|aduh|astaga|panas|macet|gelap|bau|kotor|mahal|sumpah|lah|dong|deh|sih|nih|woi|woy|plis)[.!?,]*$/i;
  const idx = words.findIndex((w) => expressive.test(w));
  if (idx < 0) {
    return text;
  }
  const m = /^([a-z]+)([.!?,]*)$/i.exec(words[idx]);
  if (!m) {
    return text;
  }
  const body = m[1];
  words[idx] = body + body[body.length - 1].repeat(rng.int(2, 4)) + m[2];
  return words.join(' ');
}

/** Swaps two adjacent letters in one longer word (a common typing slip). */
export function typo(text: string, rng: SeededRandom): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => /^[a-z]{6,}$/.test(w));
  if (candidates.length === 0) {
    return text;
  }
  const { w, i } = rng.pick(candidates);
  const j = rng.int(1, w.length - 3);
  words[i] = w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2);
  return words.join(' ');
}

export interface InformalOptions {
  sentiment: 'positive' | 'neutral' | 'negative';
  /** Probability of lower-casing the whole text. */
  lowercase?: number;
}

/** The full informal pass: slang, sometimes lower case, elongation, a typo, dropped final full stop, emoji. */
export function toInformal(text: string, rng: SeededRandom, opts: InformalOptions): string {
  let out = slangify(text, rng, rng.pick([0.4, 0.7, 0.9]));
  if (rng.chance(opts.lowercase ?? 0.55)) {
    out = out.toLowerCase();
  }
  if (rng.chance(0.35)) {
    out = elongate(out, rng);
  }
  if (rng.chance(0.15)) {
    out = typo(out, rng);
  }
  if (rng.chance(0.5)) {
    out = out.replace(/\.$/, '');
  }
  if (rng.chance(0.12)) {
    out = out.replace(/!$/, '!!!');
  }
  if (!/\p{Extended_Pictographic}/u.test(out) && rng.chance(0.5)) {
    const bank =
      opts.sentiment === 'negative' ? EMOJI_NEGATIVE : opts.sentiment === 'positive' ? EMOJI_POSITIVE : EMOJI_NEUTRAL;
    const e = rng.pick(bank);
    out = `${out} ${rng.chance(0.3) ? e + e : e}`;
  }
  return out;
}

/** Capitalises the first letter of each sentence and ensures a final full stop (formal register). */
export function toFormal(text: string): string {
  let out = text.replace(/\s+/g, ' ').trim();
  out = out.replace(/(^|[.!?]\s+)([a-z])/g, (_m, pre: string, c: string) => pre + c.toUpperCase());
  const last = out.split(' ').pop() ?? '';
  if (!/[.!?)"”]$/.test(out) && !/^[#@]/.test(last) && !/\p{Extended_Pictographic}/u.test(last)) {
    out += '.';
  }
  return out;
}

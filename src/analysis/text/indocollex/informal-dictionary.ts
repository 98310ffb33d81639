/**
 * The entries of the vendored IndoCollex dictionary (./indocollex.data.ts) that the normaliser may use, after general
 * checks for entries that would change a word's meaning or register rather than its spelling:
 *
 * - informal forms with digits (numbers and units: `100k`, `10th`) and formal forms that are names (`bdg` → `Bandung`)
 *   are left out: they are not spelling variants of words;
 * - informal forms of one or two letters (`su`, `le`, `se`, `us`, `mt`) are too ambiguous to rewrite everywhere;
 * - a handful of entries that change the stance or the sense (listed below, each with its reason);
 * - abbreviations of administrative units (`kab`, `kec`, `kel`, `prov`): the place matcher reads them as written
 *   (`kec. sungai kunjang`), and laughter, which the normaliser folds to `wkwk` itself;
 * - at run time (TextNormalizer) the hand-written slang map and admins' overrides win, a word the normaliser already
 *   knows as a standard word is never rewritten (`malang`, `katanya`, `ok`), nor an elongated spelling of one
 *   (`bgttt`, left to elongation repair).
 */
import { INDOCOLLEX_TSV } from './indocollex.data.js';

/** Entries whose formal side is a different word, register or stance, not a spelling of the informal one. */
const CHANGES_MEANING: ReadonlyMap<string, string> = new Map([
  ['bro', 'a term of address, not "mas"'],
  ['yaelah', 'exasperation, not "iya"'],
  ['rasah', 'Javanese "not needed", not "rasa"'],
  ['nggo', 'Javanese "for/use", not "silahkan"'],
  ['rsia', 'a mother-and-child hospital, not "rahasia"'],
  ['jang', 'Sundanese "for", not the name "ujang"'],
  ['png', 'an image format as often as "pingin"'],
  ['kkk', 'laughter, not "oke"'],
  ['sempre', 'Portuguese "always", not "pernah"'],
  ['koyo', 'Javanese "like" and a medicated plaster, not "koyok"'],
  ['depe', 'a down payment or a name, ambiguous'],
  ['pcs', 'pieces as a unit'],
  ['kid', 'English, often in names'],
  ['sange', 'sexual register'],
  ['anjeng', 'an insult kept as written'],
  ['bgsd', 'an insult kept as written'],
  ['bersihin', 'misspelt target "membersihkah"'],
  ['ultah', 'misspelt target "ultang tahun"'],
  ['micin', 'a brand name as target'],
  ['spd', 'an abbreviation with several readings'],
]);

const ADMINISTRATIVE_UNITS: ReadonlySet<string> = new Set([
  'provinsi',
  'kabupaten',
  'kota',
  'kecamatan',
  'kelurahan',
  'desa',
  'dusun',
  'kampung',
]);

let cached: ReadonlyMap<string, string> | undefined;

/** informal → formal (lower case, one or more words), before the normaliser's run-time checks. */
export function informalDictionary(): ReadonlyMap<string, string> {
  if (cached) {
    return cached;
  }
  const map = new Map<string, string>();
  const lines = INDOCOLLEX_TSV.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const tab = lines[i].indexOf('\t');
    if (tab < 0) {
      continue;
    }
    const informal = lines[i].slice(0, tab).trim();
    const formal = lines[i]
      .slice(tab + 1)
      .trim()
      .replace(/^"|"$/g, '');
    if (
      informal.length <= 2 ||
      /\d/.test(informal) ||
      /[A-Z]/.test(formal) ||
      !/^[a-z]+$/.test(informal) ||
      !/^[a-z]+(?:[ -][a-z]+)*$/.test(formal) ||
      CHANGES_MEANING.has(informal) ||
      ADMINISTRATIVE_UNITS.has(formal)
    ) {
      continue;
    }
    map.set(informal, formal);
  }
  cached = map;
  return map;
}

/**
 * Gazetteer of Indonesian administrative areas (idn-area-data 3.1.2: 38 provinces, 514 regencies and cities,
 * 7,277 districts, 83,763 villages) compiled into a token trie, loaded once asynchronously and matched synchronously.
 *
 * Rules (see docs/analysis-engine.md):
 * - A trigger word right before a name (kab./kabupaten, kota, kec./kecamatan/distrik, desa/ds./kel./kelurahan,
 *   prov./provinsi) selects that level; `kota` prefers cities, `kabupaten` regencies.
 * - Without a trigger, province and regency names match bare when they are distinctive (not only ordinary words);
 *   those that are ordinary words (`malang`, `serang`) only right after a locative (`di`, `ke`, `warga`, `bupati`…).
 * - Bare district and village names match only when distinctive and inside the home region, or when their parent
 *   (district, regency or province) is mentioned in the same post and the name is distinctive or of several words.
 *   A one-word ordinary name (`jati`, `baru`) needs its trigger word.
 * - A one-word district or village name that is an everyday word of the base vocabulary (`minta`) is not
 *   distinctive: it needs its trigger word or a mentioned parent, like the hand-written common words.
 * - Ambiguous names resolve toward the home region, then toward a mentioned parent, then toward the higher level
 *   (and a city over a regency of the same name). A trigger name that stays ambiguous across the country is dropped.
 * - A lone bare word that names a place outside the home region but is also a word of a longer place name inside it
 *   (`lingga` of Teluk Lingga, in a post about Kalimantan Timur: not Kabupaten Lingga) is weak evidence: it resolves
 *   only with its trigger word or a mentioned parent.
 * - Beyond the home region (issue 12): a district name held by one district only, written as a name in the post's
 *   text and not an everyday word; a town split into compass-direction districts (Purwokerto) names their regency,
 *   written as a name. A regency of the home province beats a home-region village of its name; a name after a
 *   natural feature word (sungai, danau…) is the feature unless it is a home-region place.
 */
import type { LocationLevel, LocationMatch } from '../analysis.types.js';
import { BASE_WORDS_SOURCE } from '../text/base-vocabulary.data.js';
import { isRootWord } from '../text/stemmer-cache.js';
import { DEFAULT_COMMON_PLACE_WORDS, LOCATIVE_PLACE_WORDS, LOCATIVE_WORDS } from './common-words.js';

const LEVELS: LocationLevel[] = ['province', 'regency', 'district', 'village'];
const LEVEL_PROVINCE = 0;
const LEVEL_REGENCY = 1;
const LEVEL_DISTRICT = 2;
const LEVEL_VILLAGE = 3;

interface Trigger {
  level: number;
  /** For regencies: 1 = kabupaten, 2 = kota. */
  kind?: number;
  text: string;
}

const TRIGGERS = new Map<string, Trigger>([
  ['provinsi', { level: LEVEL_PROVINCE, text: 'provinsi' }],
  ['propinsi', { level: LEVEL_PROVINCE, text: 'provinsi' }],
  ['prov', { level: LEVEL_PROVINCE, text: 'prov.' }],
  ['kabupaten', { level: LEVEL_REGENCY, kind: 1, text: 'kabupaten' }],
  ['kab', { level: LEVEL_REGENCY, kind: 1, text: 'kab.' }],
  ['kota', { level: LEVEL_REGENCY, kind: 2, text: 'kota' }],
  ['kotamadya', { level: LEVEL_REGENCY, kind: 2, text: 'kotamadya' }],
  ['kecamatan', { level: LEVEL_DISTRICT, text: 'kecamatan' }],
  ['kec', { level: LEVEL_DISTRICT, text: 'kec.' }],
  ['distrik', { level: LEVEL_DISTRICT, text: 'distrik' }],
  ['desa', { level: LEVEL_VILLAGE, text: 'desa' }],
  ['ds', { level: LEVEL_VILLAGE, text: 'ds.' }],
  ['kelurahan', { level: LEVEL_VILLAGE, text: 'kelurahan' }],
  ['kel', { level: LEVEL_VILLAGE, text: 'kel.' }],
  ['kampung', { level: LEVEL_VILLAGE, text: 'kampung' }],
  ['nagari', { level: LEVEL_VILLAGE, text: 'nagari' }],
  ['gampong', { level: LEVEL_VILLAGE, text: 'gampong' }],
]);

/** Everyday short names: [alias, code]. */
const ALIASES: [string, string][] = [
  ['jakarta', '31'],
  ['dki', '31'],
  ['jabar', '32'],
  ['jateng', '33'],
  ['jatim', '35'],
  ['jogja', '34'],
  ['jogjakarta', '34'],
  ['yogya', '34'],
  ['diy', '34'],
  ['yogyakarta', '34'],
  ['kepri', '21'],
  ['babel', '19'],
  ['bangka belitung', '19'],
  ['sumut', '12'],
  ['sumbar', '13'],
  ['sumsel', '16'],
  ['kalbar', '61'],
  ['kalteng', '62'],
  ['kalsel', '63'],
  ['kaltim', '64'],
  ['kaltara', '65'],
  ['sulut', '71'],
  ['sulteng', '72'],
  ['sulsel', '73'],
  ['sultra', '74'],
  ['sulbar', '76'],
  ['malut', '82'],
  ['ntb', '52'],
  ['ntt', '53'],
  ['solo', '33.72'],
  ['jaksel', '31.74'],
  ['jaktim', '31.75'],
  ['jakbar', '31.73'],
  ['jakut', '31.72'],
  ['jakpus', '31.71'],
];

interface TrieNode {
  ids?: number[];
  next?: Map<string, TrieNode>;
  /**
   * Plausibility of `ids` (see `plausible`), computed once after the trie is built so that a post never loops over
   * the hundreds of villages named 'baru': bits 0–3 the levels present, PLAUSIBLE_BARE, PLAUSIBLE_LOCATIVE.
   */
  flags?: number;
}

interface WordInfo {
  /** Trie node of names starting with this word. */
  node: TrieNode | undefined;
  trigger: Trigger | undefined;
  /** A locative ('di', 'ke', 'warga', 'bupati'…) after which ordinary-word names may match. */
  locative: boolean;
}

/** Compass words that split a town or district into administrative parts. */
const DIRECTION_WORDS: ReadonlySet<string> = new Set([
  'utara',
  'selatan',
  'timur',
  'barat',
  'lor',
  'kidul',
  'wetan',
  'kulon',
]);

/** Words of natural features: a bare name after one is the feature's name, not the place's. */
const NATURAL_FEATURE_WORDS: ReadonlySet<string> = new Set([
  'danau',
  'sungai',
  'kali',
  'gunung',
  'selat',
  'teluk',
  'tanjung',
  'pantai',
  'laut',
  'bukit',
  'lembah',
  'air',
  'curug',
  'goa',
  'gua',
]);

const PLAUSIBLE_BARE = 16;
const PLAUSIBLE_LOCATIVE = 32;

export interface GazetteerPlace {
  code: string;
  name: string;
  level: LocationLevel;
  parentCode?: string;
}

export interface GazetteerMatchOptions {
  /** Kemendagri code of the deployment's region ('33.08'); ambiguous names prefer places inside it. */
  homeRegion?: string;
  /** At most this many places per post (default 10). */
  maxMatches?: number;
  /**
   * The post's text as written (the analyzer passes the masked text): how a name is written there (capitalised or
   * not) decides the bare names that are weak evidence on their own (see `properNoun`). Without it they never match.
   */
  text?: string;
}

export interface GazetteerStats {
  provinces: number;
  regencies: number;
  districts: number;
  villages: number;
  names: number;
  trieNodes: number;
}

export interface RawArea {
  code: string;
  name: string;
}

interface Candidate {
  start: number;
  end: number; // exclusive
  ids: number[];
  trigger?: Trigger;
  locative: boolean;
}

const SPLIT = /[^\p{L}\p{N}]+/u;

function nameTokens(name: string): string[] {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .split(SPLIT)
    .filter((t) => t.length > 0);
}

function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s\-('/.])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase())
    .replace(/^Dki\b/, 'DKI');
}

export class Gazetteer {
  private readonly codes: string[] = [];
  private readonly names: string[] = [];
  private readonly levels: number[] = [];
  /** 1 kabupaten, 2 kota, 0 other. */
  private readonly kinds: number[] = [];
  private readonly parents: number[] = [];
  private readonly distinctive: boolean[] = [];
  private readonly byCode = new Map<string, number>();
  private readonly root = new Map<string, TrieNode>();
  private trieNodes = 0;
  private nameCount = 0;
  private readonly counts = [0, 0, 0, 0];
  private readonly common: ReadonlySet<string>;
  /** Everyday words of the base vocabulary that are not province or regency names (see `isDistinctive`). */
  private readonly ordinary: ReadonlySet<string>;
  /** Per home region: the words of its multi-word place names (see `weakOutsideHome`). */
  private readonly homeNameWords = new Map<string, ReadonlySet<string>>();
  /** First words of names, trigger words and locatives: what a post's token can start or announce. */
  private readonly words = new Map<string, WordInfo>();
  /** Names added by insertSplitTowns: the trie node's ids → the regency the town names. */
  private readonly splitTowns = new Map<readonly number[], number>();
  /** Per place: 0 not computed yet, 1 its name starts with a word that may follow a locative, 2 not. */
  private locativeNames = new Uint8Array(0);

  constructor(
    areas: { provinces: RawArea[]; regencies: RawArea[]; districts: RawArea[]; villages: RawArea[] },
    commonWords: Iterable<string> = [],
  ) {
    const common = new Set(DEFAULT_COMMON_PLACE_WORDS);
    for (const w of commonWords) {
      if (w && !/\s/.test(w)) {
        common.add(w.toLowerCase());
      }
    }
    this.common = common;
    const ordinary = new Set(BASE_WORDS_SOURCE.split(/\s+/).filter((w) => w.length > 0));
    this.ordinary = ordinary;
    const add = (area: RawArea, level: number): void => {
      const code = String(area.code);
      let raw = String(area.name).trim().replace(/\.+$/, '');
      let kind = 0;
      if (level === LEVEL_REGENCY) {
        const m = /^(KABUPATEN|KOTA)( ADMINISTRASI| ADM\.?)?\s+/i.exec(raw);
        if (m) {
          kind = m[1].toUpperCase() === 'KOTA' ? 2 : 1;
          raw = raw.slice(m[0].length);
        }
      }
      const idx = this.codes.length;
      const parentCode = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : undefined;
      this.codes.push(code);
      this.levels.push(level);
      this.kinds.push(kind);
      this.parents.push(parentCode !== undefined ? (this.byCode.get(parentCode) ?? -1) : -1);
      this.byCode.set(code, idx);
      const display =
        level === LEVEL_REGENCY
          ? `${kind === 2 ? 'Kota' : 'Kabupaten'} ${titleCase(raw)}`
          : level === LEVEL_PROVINCE
            ? titleCase(raw)
            : raw.replace(/\s+/g, ' ');
      this.names.push(display);
      this.counts[level]++;
      const toks = nameTokens(raw);
      if (level <= LEVEL_REGENCY) {
        // Province and regency names stay places even when the base vocabulary lists them (balikpapan, samarinda).
        for (const t of toks) {
          ordinary.delete(t);
        }
      }
      this.distinctive.push(this.isDistinctive(toks, level));
      this.insert(toks, idx);
      // "Kota Baru" style regencies also under their one-word spelling and vice versa is left to the data.
    };
    for (const p of areas.provinces) {
      add(p, LEVEL_PROVINCE);
    }
    for (const r of areas.regencies) {
      add(r, LEVEL_REGENCY);
    }
    for (const d of areas.districts) {
      add(d, LEVEL_DISTRICT);
    }
    for (const v of areas.villages) {
      add(v, LEVEL_VILLAGE);
    }
    for (const [alias, code] of ALIASES) {
      const idx = this.byCode.get(code);
      if (idx !== undefined) {
        this.insert(nameTokens(alias), idx);
      }
    }
    this.insertSplitTowns();
    this.locativeNames = new Uint8Array(this.codes.length);
    this.computeFlags(this.root, 1);
    const info = (w: string): WordInfo => {
      let x = this.words.get(w);
      if (!x) {
        x = { node: undefined, trigger: undefined, locative: false };
        this.words.set(w, x);
      }
      return x;
    };
    for (const [w, node] of this.root) {
      info(w).node = node;
    }
    for (const [w, trigger] of TRIGGERS) {
      info(w).trigger = trigger;
    }
    for (const w of LOCATIVE_WORDS) {
      info(w).locative = true;
    }
  }

  /**
   * A town split into districts by compass direction names its regency: Purwokerto (Purwokerto Utara, Selatan, Timur,
   * Barat, all in Kabupaten Banyumas), Siantar (Siantar Barat, Timur, Utara… in Kota Pematangsiantar). When at least
   * two districts of one regency, and of no other, are a distinctive name X followed by a direction word, and X is not
   * itself a place name of that regency, X is added as a name of the regency.
   */
  private insertSplitTowns(): void {
    const towns = new Map<string, Map<number, number>>();
    for (let idx = 0; idx < this.codes.length; idx++) {
      if (this.levels[idx] !== LEVEL_DISTRICT) {
        continue;
      }
      const toks = nameTokens(this.names[idx]);
      if (toks.length < 2 || !DIRECTION_WORDS.has(toks[toks.length - 1])) {
        continue;
      }
      const town = toks.slice(0, -1).join(' ');
      let regencies = towns.get(town);
      if (!regencies) {
        regencies = new Map();
        towns.set(town, regencies);
      }
      regencies.set(this.parents[idx], (regencies.get(this.parents[idx]) ?? 0) + 1);
    }
    for (const [town, regencies] of towns) {
      const toks = town.split(' ');
      if (regencies.size !== 1 || !this.isDistinctive(toks, LEVEL_DISTRICT)) {
        continue;
      }
      const [[regency, districts]] = [...regencies];
      if (
        regency < 0 ||
        districts < 2 ||
        this.nodeOf(toks)?.ids?.some((idx) => this.inRegion(idx, this.codes[regency]))
      ) {
        continue;
      }
      this.insert(toks, regency);
      this.splitTowns.set(this.nodeOf(toks)!.ids!, regency);
    }
  }

  private nodeOf(toks: readonly string[]): TrieNode | undefined {
    let node = this.root.get(toks[0]);
    for (let i = 1; node && i < toks.length; i++) {
      node = node.next?.get(toks[i]);
    }
    return node;
  }

  /**
   * A name with a word that is not ordinary (≥ 3 letters, not a number or a roman numeral, not a common place word).
   * A one-word district or village name that is an everyday word of the base vocabulary (`minta`, "to ask") is not
   * distinctive either: thousands of villages carry such names and a post using the word almost never means them.
   */
  private isDistinctive(toks: readonly string[], level: number): boolean {
    if (level >= LEVEL_DISTRICT && toks.length === 1 && this.ordinary.has(toks[0])) {
      return false;
    }
    return toks.some(
      (t) =>
        (!this.common.has(t) || (level <= LEVEL_REGENCY && this.notAWord(t))) &&
        t.length >= 3 &&
        !/^\d+$/.test(t) &&
        !/^[ivx]+$/.test(t),
    );
  }

  /**
   * Words of the multi-word place names inside the home region ('teluk', 'lingga' for Teluk Lingga), memoised per
   * region: a lone one of them naming a place elsewhere more likely stands for the local place, split by other words.
   */
  private wordsOfHomeNames(home: string): ReadonlySet<string> {
    let words = this.homeNameWords.get(home);
    if (!words) {
      const set = new Set<string>();
      for (let idx = 0; idx < this.codes.length; idx++) {
        if (!this.inRegion(idx, home)) {
          continue;
        }
        const toks = nameTokens(
          this.levels[idx] === LEVEL_REGENCY ? this.names[idx].replace(/^(Kabupaten|Kota) /, '') : this.names[idx],
        );
        if (toks.length > 1) {
          for (const t of toks) {
            set.add(t);
          }
        }
      }
      words = set;
      this.homeNameWords.set(home, words);
    }
    return words;
  }

  /**
   * A bare one-word candidate outside the home region whose word belongs to a multi-word place name inside it: weak
   * evidence, resolved only through a mentioned parent (the caller has already preferred places inside the region).
   */
  private weakOutsideHome(c: Candidate, toks: readonly string[], home: string | undefined): boolean {
    return home !== undefined && !c.trigger && c.end - c.start === 1 && this.wordsOfHomeNames(home).has(toks[c.start]);
  }

  private computeFlags(map: Map<string, TrieNode>, depth: number): void {
    for (const node of map.values()) {
      if (node.ids) {
        let flags = 0;
        let bare = false;
        let regencyOrAbove = false;
        for (const idx of node.ids) {
          const level = this.levels[idx];
          flags |= 1 << level;
          if (level <= LEVEL_REGENCY) {
            regencyOrAbove = true;
            if (this.distinctive[idx]) {
              bare = true;
            }
          } else if (this.distinctive[idx] || depth > 1) {
            bare = true;
          }
        }
        if (bare) {
          flags |= PLAUSIBLE_BARE | PLAUSIBLE_LOCATIVE;
        } else if (regencyOrAbove && depth === 1 && node.ids.some((idx) => this.locativeName(idx))) {
          flags |= PLAUSIBLE_LOCATIVE;
        }
        node.flags = flags;
      }
      if (node.next) {
        this.computeFlags(node.next, depth + 1);
      }
    }
  }

  private insert(tokens: string[], idx: number): void {
    if (tokens.length === 0) {
      return;
    }
    let map = this.root;
    let node: TrieNode | undefined;
    for (let i = 0; i < tokens.length; i++) {
      node = map.get(tokens[i]);
      if (!node) {
        node = {};
        map.set(tokens[i], node);
        this.trieNodes++;
      }
      if (i < tokens.length - 1) {
        node.next ??= new Map();
        map = node.next;
      }
    }
    node!.ids ??= [];
    if (!node!.ids.includes(idx)) {
      node!.ids.push(idx);
      this.nameCount++;
    }
  }

  stats(): GazetteerStats {
    return {
      provinces: this.counts[0],
      regencies: this.counts[1],
      districts: this.counts[2],
      villages: this.counts[3],
      names: this.nameCount,
      trieNodes: this.trieNodes,
    };
  }

  /** The place with this Kemendagri code. */
  lookup(code: string): GazetteerPlace | undefined {
    const idx = this.byCode.get(code);
    if (idx === undefined) {
      return undefined;
    }
    const p = this.parents[idx];
    return {
      code: this.codes[idx],
      name: this.names[idx],
      level: LEVELS[this.levels[idx]],
      parentCode: p >= 0 ? this.codes[p] : undefined,
    };
  }

  private inRegion(idx: number, region: string): boolean {
    const code = this.codes[idx];
    return code === region || (code.length > region.length && code.startsWith(region) && code[region.length] === '.');
  }

  private ancestorIn(idx: number, found: Set<number>): boolean {
    for (let p = this.parents[idx]; p >= 0; p = this.parents[p]) {
      if (found.has(p)) {
        return true;
      }
    }
    return false;
  }

  /** Places named in a post, from its normalised tokens. Never throws. */
  match(tokens: readonly string[], options: GazetteerMatchOptions = {}): LocationMatch[] {
    try {
      return this.matchUnsafe(tokens, options);
    } catch {
      return [];
    }
  }

  private matchUnsafe(rawTokens: readonly string[], options: GazetteerMatchOptions): LocationMatch[] {
    const toks = canonicalTokens(rawTokens);
    const home = options.homeRegion?.trim() || undefined;
    const max = options.maxMatches ?? 10;
    const candidates: Candidate[] = [];
    const words = this.words;
    for (let i = 0; i < toks.length;) {
      // One lookup per token: most tokens are neither a trigger nor the first word of a name.
      const info = words.get(toks[i]);
      if (info === undefined) {
        i++;
        continue;
      }
      // A trigger word followed by a name wins over a name that merely starts with the trigger word ("kota batu").
      const trig = info.trigger;
      if (trig && i + 1 < toks.length) {
        const viaTrigger = this.longestAt(toks, i + 1, trig, false);
        if (viaTrigger) {
          candidates.push(viaTrigger);
          i = viaTrigger.end;
          continue;
        }
      }
      if (info.node === undefined) {
        i++;
        continue;
      }
      const prev = i > 0 ? words.get(toks[i - 1]) : undefined;
      const c = this.longestAt(toks, i, prev?.trigger, prev !== undefined && prev.locative);
      if (c) {
        candidates.push(c);
        i = c.end;
      } else {
        i++;
      }
    }
    if (candidates.length === 0) {
      return [];
    }

    // Round 0: triggers, provinces, regencies and distinctive names of the home region. Later rounds: names whose
    // parent was found meanwhile (a village before its district in the text resolves in a later round).
    const chosen = new Map<number, { start: number; match: LocationMatch }>();
    const found = new Set<number>();
    let pending = candidates;
    for (let round = 0; round < 4 && pending.length > 0; round++) {
      const next: Candidate[] = [];
      for (const c of pending) {
        const pick = this.resolve(c, toks, home, found, round > 0, options.text);
        if (pick) {
          this.accept(pick, c, toks, chosen, found);
        } else {
          next.push(c);
        }
      }
      if (round > 0 && next.length === pending.length) {
        break;
      }
      pending = next;
    }
    return [...chosen.values()]
      .sort((a, b) => a.start - b.start)
      .slice(0, max)
      .map((x) => x.match);
  }

  /** The longest plausible name starting at `i`. */
  private longestAt(toks: string[], i: number, trigger: Trigger | undefined, locative: boolean): Candidate | null {
    const first = this.words.get(toks[i])?.node;
    if (!first) {
      return null;
    }
    let best: TrieNode | undefined;
    let bestEnd = 0;
    let node: TrieNode | undefined = first;
    for (let j = i; node;) {
      // A later (longer) plausible end replaces an earlier one: the longest plausible name wins.
      if (node.ids && this.plausible(node.flags ?? 0, trigger, locative)) {
        best = node;
        bestEnd = j + 1;
      }
      j++;
      if (j >= toks.length || !node.next) {
        break;
      }
      node = node.next.get(toks[j]);
    }
    if (!best) {
      return null;
    }
    return { start: i, end: bestEnd, ids: best.ids!, trigger, locative };
  }

  /**
   * Whether a name could be a place at all (chooses between the longest and shorter names): with a trigger, a place
   * of the trigger's level; bare, a distinctive province/regency or a distinctive or multi-word district/village;
   * after a locative also a one-word ordinary province/regency name that may follow one ('di malang').
   */
  private plausible(flags: number, trigger: Trigger | undefined, locative: boolean): boolean {
    if (trigger) {
      return (flags & (1 << trigger.level)) !== 0;
    }
    return (flags & (locative ? PLAUSIBLE_LOCATIVE : PLAUSIBLE_BARE)) !== 0;
  }

  /** Whether the first word of a place's name may follow a locative (LOCATIVE_PLACE_WORDS); memoised. */
  private locativeName(idx: number): boolean {
    let v = this.locativeNames[idx];
    if (v === 0) {
      v = LOCATIVE_PLACE_WORDS.has(this.firstToken(idx)) ? 1 : 2;
      this.locativeNames[idx] = v;
    }
    return v === 1;
  }

  private firstToken(idx: number): string {
    return (
      nameTokens(
        this.levels[idx] === LEVEL_REGENCY ? this.names[idx].replace(/^(Kabupaten|Kota) /, '') : this.names[idx],
      )[0] ?? ''
    );
  }

  private resolve(
    c: Candidate,
    toks: readonly string[],
    home: string | undefined,
    found: Set<number>,
    secondPass: boolean,
    text: string | undefined,
  ): { idx: number; reason: string } | null {
    let pool: number[];
    if (c.trigger) {
      const t = c.trigger;
      pool = c.ids.filter((idx) => this.levels[idx] === t.level);
      if (t.level === LEVEL_REGENCY && t.kind) {
        const sameKind = pool.filter((idx) => this.kinds[idx] === t.kind);
        if (sameKind.length > 0) {
          pool = sameKind;
        }
      }
    } else {
      pool = c.ids.filter((idx) => {
        const level = this.levels[idx];
        if (level <= LEVEL_REGENCY) {
          if (this.splitTowns.get(c.ids) === idx) {
            // A town's name is derived, weaker evidence than a regency's own: it must be written as a name.
            return this.properNoun(c, toks, text);
          }
          return this.distinctive[idx] || (c.locative && c.end - c.start === 1 && this.locativeName(idx));
        }
        if (home !== undefined && this.inRegion(idx, home) && (this.distinctive[idx] || this.directional(c, toks))) {
          return true;
        }
        if (level === LEVEL_DISTRICT && this.distinctive[idx] && this.uniqueDistrict(c, toks, text)) {
          return true;
        }
        return secondPass && this.ancestorIn(idx, found) && (this.distinctive[idx] || c.end - c.start > 1);
      });
      if (this.naturalFeature(c, toks) && !(home !== undefined && pool.some((idx) => this.inRegion(idx, home)))) {
        return null;
      }
    }
    if (pool.length === 0) {
      return null;
    }
    if (home) {
      let inHome = pool.filter((idx) => this.inRegion(idx, home));
      // A bare name that is only a village at home but a regency of the home province names the regency: Binjai
      // in a post from Medan is Kota Binjai next door, not the village in Medan (Tuban in Badung stays the village).
      if (!c.trigger && inHome.every((idx) => this.levels[idx] === LEVEL_VILLAGE)) {
        const province = home.slice(0, 2);
        if (pool.some((idx) => this.levels[idx] === LEVEL_REGENCY && this.codes[idx].startsWith(`${province}.`))) {
          inHome = [];
        }
      }
      if (inHome.length > 0) {
        return {
          idx: highest(inHome, this.levels, this.kinds),
          reason: c.trigger ? 'trigger+home-region' : 'home-region',
        };
      }
    }
    const withParent = pool.filter((idx) => this.ancestorIn(idx, found));
    if (withParent.length > 0) {
      return { idx: highest(withParent, this.levels, this.kinds), reason: 'parent-mentioned' };
    }
    if (this.weakOutsideHome(c, toks, home)) {
      return null;
    }
    if (c.trigger) {
      if (pool.length === 1) {
        return { idx: pool[0], reason: 'trigger' };
      }
      // Several regencies named alike (kab./kota) resolve by kind above; other ties stay ambiguous.
      const levelsInPool = new Set(pool.map((i) => this.levels[i]));
      if (levelsInPool.size === 1 && this.levels[pool[0]] <= LEVEL_REGENCY && pool.length <= 2) {
        return { idx: highest(pool, this.levels, this.kinds), reason: 'trigger' };
      }
      return null;
    }
    const top = highest(pool, this.levels, this.kinds);
    const topLevel = this.levels[top];
    const sameTop = pool.filter((i) => this.levels[i] === topLevel);
    if (topLevel >= LEVEL_DISTRICT && sameTop.length > 1) {
      return null;
    }
    if (topLevel === LEVEL_REGENCY && sameTop.length > 2) {
      return null;
    }
    return { idx: top, reason: c.ids.length > 1 ? 'higher-level' : 'unique' };
  }

  /**
   * A bare district name found in one district only across the country (villages of the same name aside): the
   * distinct district names of other regencies (Majenang, Kintamani) name that district wherever the deployment is.
   */
  /**
   * A province or regency name of five letters or more that no dictionary of this project knows (not a root word of
   * the stemmer's dictionary, not a base-vocabulary word): distinctive even when the hand-written common-word list has
   * it (asahan, pacitan, maros). Shorter names (karo, bima, toba) stay common: regional words and people's names.
   */
  private notAWord(word: string): boolean {
    return word.length >= 5 && !this.ordinary.has(word) && !isRootWord(word);
  }

  /** An everyday word: a root word of the Indonesian stemmer's dictionary, the base vocabulary or a common place word. */
  private everyday(word: string): boolean {
    return this.ordinary.has(word) || this.common.has(word) || isRootWord(word);
  }

  private uniqueDistrict(c: Candidate, toks: readonly string[], text: string | undefined): boolean {
    let districts = 0;
    for (const idx of c.ids) {
      if (this.levels[idx] === LEVEL_DISTRICT) {
        districts++;
      }
    }
    return districts === 1 && !TRIGGERS.has(toks[c.start]) && this.properNoun(c, toks, text);
  }

  /**
   * Whether the name is written as a proper noun: every word capitalised (or in capitals) somewhere in the text, and a
   * one-word name of at least 4 letters that is not an everyday word ("Abang saya…", "disertai Petir" are not the districts Abang and Petir).
   */
  private properNoun(c: Candidate, toks: readonly string[], text: string | undefined): boolean {
    if (!text) {
      return false;
    }
    for (let j = c.start; j < c.end; j++) {
      if (capitalisedAt(text, toks[j]) < 0) {
        return false;
      }
    }
    return c.end - c.start > 1 || (toks[c.start].length >= 4 && !this.everyday(toks[c.start]));
  }

  /**
   * A name of several words ending in a compass direction (Kuta Selatan, Ujung Berung Utara): an administrative
   * split, a place even when its words are ordinary ones.
   */
  private directional(c: Candidate, toks: readonly string[]): boolean {
    return c.end - c.start > 1 && DIRECTION_WORDS.has(toks[c.end - 1]);
  }

  /**
   * A bare name right after a natural feature (danau Toba, sungai Kapuas, gunung Salak) names the feature, not a
   * place of that name, unless the name is a place of the home region (a local post about "Sungai Sebuku" is there).
   * Rivers, lakes and mountains span regions; a beach or hill named after its village (pantai Parangtritis, bukit
   * Dago) is lost with them, a cost taken knowingly.
   */
  private naturalFeature(c: Candidate, toks: readonly string[]): boolean {
    return c.start > 0 && NATURAL_FEATURE_WORDS.has(toks[c.start - 1]);
  }

  private accept(
    pick: { idx: number; reason: string },
    c: Candidate,
    toks: string[],
    chosen: Map<number, { start: number; match: LocationMatch }>,
    found: Set<number>,
  ): void {
    if (chosen.has(pick.idx)) {
      return;
    }
    found.add(pick.idx);
    const m: LocationMatch = {
      code: this.codes[pick.idx],
      name: this.names[pick.idx],
      level: LEVELS[this.levels[pick.idx]],
      matched: toks.slice(c.start, c.end).join(' '),
      reason: pick.reason,
    };
    if (c.trigger) {
      m.trigger = c.trigger.text;
    }
    chosen.set(pick.idx, { start: c.start, match: m });
  }
}

/** Where `word` (lower-case) is written capitalised or in capitals as a whole word of `text`, or -1. */
function capitalisedAt(text: string, word: string): number {
  const forms = [word[0].toUpperCase() + word.slice(1), word.toUpperCase()];
  for (const form of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const before = at > 0 ? text.charCodeAt(at - 1) : 32;
      const after = at + form.length < text.length ? text.charCodeAt(at + form.length) : 32;
      if (!isWordChar(before) && !isWordChar(after)) {
        return at;
      }
    }
  }
  return -1;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

/** Lowest level number first (province before regency…), then city before regency, then data order. */
function highest(pool: number[], levels: number[], kinds: number[]): number {
  let best = pool[0];
  for (const idx of pool) {
    if (levels[idx] < levels[best] || (levels[idx] === levels[best] && kinds[idx] > kinds[best])) {
      best = idx;
    }
  }
  return best;
}

/** Whether a token needs splitting or lower-casing (tokens from the normaliser are already lower-case words). */
function needsWork(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      continue;
    }
    if (c >= 48 && c <= 57) {
      continue;
    }
    return true;
  }
  return false;
}

/** Lower-cased tokens with punctuation split off ('kab.' → 'kab', 'lang-lang' → 'lang', 'lang'). */
function canonicalTokens(tokens: readonly string[]): string[] {
  if (!Array.isArray(tokens)) {
    return [];
  }
  // Copy only from the first token that needs work: the normaliser's tokens are mostly plain lower-case words.
  let out: string[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i];
    if (out === null) {
      if (typeof raw === 'string' && !needsWork(raw)) {
        continue;
      }
      out = [];
      for (let k = 0; k < i; k++) {
        if (tokens[k].length > 0) {
          out.push(tokens[k]);
        }
      }
    }
    if (typeof raw !== 'string' || raw.length === 0) {
      continue;
    }
    // Hashtags, mentions and URLs are not read as place names (a hashtag's words follow it as plain tokens).
    const c0 = raw.charCodeAt(0);
    if (c0 === 35 || c0 === 64 || raw.includes('://') || raw.startsWith('www.')) {
      continue;
    }
    if (!needsWork(raw)) {
      out.push(raw);
      continue;
    }
    for (const part of raw.toLowerCase().split(SPLIT)) {
      if (part.length > 0) {
        out.push(part);
      }
    }
  }
  return out ?? (tokens as string[]);
}

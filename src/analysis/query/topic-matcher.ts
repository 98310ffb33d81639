/**
 * All active tracked-topic queries compiled together.
 *
 * - Every distinct term of every query gets one id. A post is scanned once: each token is looked up in a word index
 *   (and, when a stemmer is given, a stem index), walked down a character trie of wildcard prefixes, and fed to an
 *   Aho-Corasick automaton of phrases; hashtags and mentions are looked up in their own indexes.
 * - Each query is indexed under a small set of "trigger" terms such that the query cannot be true unless one of them
 *   occurs (a term; the union over an OR; for an AND the child whose triggers are the least shared among queries).
 *   Only queries triggered by a term present in the post are evaluated, so the cost per post follows the post, not
 *   the number of queries. Queries satisfied by a post with none of their terms (`NOT iklan`, `a OR NOT b`) cannot
 *   have triggers: they are evaluated on every post (kept separately; the API warns when saving one).
 */
import type { TopicMatch, TopicQuery } from '../analysis.types.js';
import type { QueryNode, QueryTerm, TermNormalizer } from './query-ast.js';
import { parseQuery } from './query-parser.js';
import { QuerySyntaxError } from './query-syntax-error.js';
import { PhraseAutomaton } from './phrase-automaton.js';

export interface TopicMatcherOptions {
  /** Normalises query words exactly like post tokens (default: NFKC + lower case). */
  normalizeTerm?: TermNormalizer;
  /** When given, single words also match on their stem (post token stem = query word stem). */
  stem?: (token: string) => string;
}

/** What the matcher needs from a post. Hashtags/mentions may carry their leading '#'/'@' or not. */
export interface MatchDocument {
  tokens: readonly string[];
  hashtags?: readonly string[];
  mentions?: readonly string[];
}

export interface TopicCompileError {
  id: string;
  message: string;
  position: number;
}

type Compiled = { t: 0; id: number } | { t: 1; c: Compiled[] } | { t: 2; c: Compiled[] } | { t: 3; c: Compiled };

interface CompiledQuery {
  id: string;
  root: Compiled;
  /** Term ids that appear outside any NOT, with how they were written. */
  positive: { id: number; text: string }[];
}

function keyOf(term: QueryTerm): string {
  return `${term.kind}:${term.value}`;
}

const PREFIX_KEY = 3;
const TOKEN_CACHE_LIMIT = 50_000;

function stripTag(tag: string): string {
  const c = tag.charCodeAt(0);
  return (c === 35 || c === 64 ? tag.slice(1) : tag).toLowerCase();
}

export class TopicMatcher {
  readonly errors: TopicCompileError[] = [];
  private readonly queries: CompiledQuery[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly wordIndex = new Map<string, number[]>();
  private readonly stemIndex = new Map<string, number[]>();
  private readonly hashtagIndex = new Map<string, number>();
  private readonly mentionIndex = new Map<string, number>();
  /** Wildcard prefixes grouped by their first three characters (prefixes are at least three characters long). */
  private readonly prefixIndex = new Map<string, { prefix: string; id: number }[]>();
  private prefixCount = 0;
  private readonly phrases = new PhraseAutomaton();
  private triggers: Int32Array[] = [];
  private always: Int32Array = new Int32Array(0);
  private termStamp: Uint32Array = new Uint32Array(0);
  private queryStamp: Uint32Array = new Uint32Array(0);
  private gen = 0;
  private readonly stem?: (token: string) => string;
  private readonly hitTerms: number[] = [];
  private readonly tokenCache = new Map<string, readonly number[] | null>();

  constructor(topics: readonly TopicQuery[], options: TopicMatcherOptions = {}) {
    this.stem = options.stem;
    const parsed: { id: string; ast: QueryNode }[] = [];
    for (const topic of topics) {
      try {
        const p = parseQuery(topic.query, { normalizeTerm: options.normalizeTerm });
        parsed.push({ id: String(topic.id), ast: p.ast });
      } catch (err) {
        if (err instanceof QuerySyntaxError) {
          this.errors.push({ id: String(topic.id), message: err.message, position: err.position });
        } else {
          this.errors.push({ id: String(topic.id), message: 'Kueri tidak dapat dibaca', position: 1 });
        }
      }
    }
    for (const p of parsed) {
      const positive: { id: number; text: string }[] = [];
      const root = this.compile(p.ast, false, positive);
      const seen = new Set<number>();
      this.queries.push({ id: p.id, root, positive: positive.filter((x) => !seen.has(x.id) && seen.add(x.id)) });
    }
    this.phrases.build();
    this.termStamp = new Uint32Array(this.termIds.size);
    this.queryStamp = new Uint32Array(this.queries.length);
    this.buildTriggers();
  }

  get queryCount(): number {
    return this.queries.length;
  }

  get termCount(): number {
    return this.termIds.size;
  }

  stats(): {
    queries: number;
    terms: number;
    phrases: number;
    phraseStates: number;
    prefixes: number;
    alwaysEvaluated: number;
  } {
    return {
      queries: this.queries.length,
      terms: this.termIds.size,
      phrases: this.phrases.size,
      phraseStates: this.phrases.states,
      prefixes: this.prefixCount,
      alwaysEvaluated: this.always.length,
    };
  }

  private termId(term: QueryTerm): number {
    const key = keyOf(term);
    let id = this.termIds.get(key);
    if (id !== undefined) {
      return id;
    }
    id = this.termIds.size;
    this.termIds.set(key, id);
    switch (term.kind) {
      case 'word': {
        push(this.wordIndex, term.value, id);
        if (this.stem) {
          const s = this.stem(term.value);
          push(this.stemIndex, s, id);
        }
        break;
      }
      case 'hashtag':
        this.hashtagIndex.set(term.value, id);
        break;
      case 'mention':
        this.mentionIndex.set(term.value, id);
        break;
      case 'phrase':
        this.phrases.add(term.tokens ?? term.value.split(' '), id);
        break;
      case 'prefix': {
        const key = term.value.slice(0, PREFIX_KEY);
        const list = this.prefixIndex.get(key);
        if (list) {
          list.push({ prefix: term.value, id });
        } else {
          this.prefixIndex.set(key, [{ prefix: term.value, id }]);
        }
        this.prefixCount++;
        break;
      }
    }
    return id;
  }

  private compile(node: QueryNode, negated: boolean, positive: { id: number; text: string }[]): Compiled {
    switch (node.type) {
      case 'term': {
        const id = this.termId(node.term);
        if (!negated) {
          positive.push({ id, text: node.term.text });
        }
        return { t: 0, id };
      }
      case 'and':
        return { t: 1, c: node.children.map((c) => this.compile(c, negated, positive)) };
      case 'or':
        return { t: 2, c: node.children.map((c) => this.compile(c, negated, positive)) };
      case 'not':
        return { t: 3, c: this.compile(node.child, !negated, positive) };
    }
  }

  private buildTriggers(): void {
    const refCount = new Uint32Array(this.termIds.size);
    const countRefs = (n: Compiled): void => {
      if (n.t === 0) {
        refCount[n.id]++;
      } else if (n.t === 3) {
        countRefs(n.c);
      } else {
        n.c.forEach(countRefs);
      }
    };
    this.queries.forEach((q) => countRefs(q.root));
    const triggersOf = (n: Compiled): number[] | null => {
      switch (n.t) {
        case 0:
          return [n.id];
        case 3:
          return null;
        case 2: {
          const all: number[] = [];
          for (const c of n.c) {
            const t = triggersOf(c);
            if (t === null) {
              return null;
            }
            all.push(...t);
          }
          return all;
        }
        case 1: {
          let best: number[] | null = null;
          let bestCost = Infinity;
          for (const c of n.c) {
            const t = triggersOf(c);
            if (t === null) {
              continue;
            }
            let cost = 0;
            for (const id of t) {
              cost += refCount[id] + 1;
            }
            if (cost < bestCost) {
              best = t;
              bestCost = cost;
            }
          }
          return best;
        }
      }
    };
    const byTerm: number[][] = Array.from({ length: this.termIds.size }, () => []);
    const always: number[] = [];
    this.queries.forEach((q, qi) => {
      const t = triggersOf(q.root);
      if (t === null) {
        always.push(qi);
      } else {
        for (const id of new Set(t)) {
          byTerm[id].push(qi);
        }
      }
    });
    this.triggers = byTerm.map((a) => Int32Array.from(a));
    this.always = Int32Array.from(always);
  }

  private eval(n: Compiled, gen: number): boolean {
    switch (n.t) {
      case 0:
        return this.termStamp[n.id] === gen;
      case 1:
        for (let i = 0; i < n.c.length; i++) {
          if (!this.eval(n.c[i], gen)) {
            return false;
          }
        }
        return true;
      case 2:
        for (let i = 0; i < n.c.length; i++) {
          if (this.eval(n.c[i], gen)) {
            return true;
          }
        }
        return false;
      case 3:
        return !this.eval(n.c, gen);
    }
  }

  /**
   * The word, stem and prefix terms one token satisfies, memoised per distinct token (bounded): a token seen before
   * costs one Map lookup, with no substring cut for the prefix index. Null when none.
   */
  private tokenTerms(tok: string): readonly number[] | null {
    const cached = this.tokenCache.get(tok);
    if (cached !== undefined) {
      return cached;
    }
    const ids: number[] = [];
    const words = this.wordIndex.get(tok);
    if (words) {
      ids.push(...words);
    }
    if (this.stemIndex.size > 0 && this.stem !== undefined) {
      const stems = this.stemIndex.get(this.stem(tok));
      if (stems) {
        ids.push(...stems);
      }
    }
    if (this.prefixCount > 0 && tok.length >= PREFIX_KEY) {
      const list = this.prefixIndex.get(tok.slice(0, PREFIX_KEY));
      if (list) {
        for (const p of list) {
          if (tok.startsWith(p.prefix)) {
            ids.push(p.id);
          }
        }
      }
    }
    const result = ids.length > 0 ? ids : null;
    if (this.tokenCache.size >= TOKEN_CACHE_LIMIT) {
      this.tokenCache.clear();
    }
    this.tokenCache.set(tok, result);
    return result;
  }

  private hit(id: number, gen: number): void {
    if (this.termStamp[id] !== gen) {
      this.termStamp[id] = gen;
      this.hitTerms.push(id);
    }
  }

  /** The topics whose query the post satisfies, in the order the topics were given. Never throws. */
  match(doc: MatchDocument): TopicMatch[] {
    if (this.queries.length === 0) {
      return [];
    }
    const gen = this.nextGen();
    this.hitTerms.length = 0;
    const tokens = doc.tokens ?? [];
    if (this.wordIndex.size > 0 || this.stemIndex.size > 0 || this.prefixCount > 0) {
      for (let i = 0; i < tokens.length; i++) {
        const ids = this.tokenTerms(tokens[i]);
        if (ids !== null) {
          for (let k = 0; k < ids.length; k++) {
            this.hit(ids[k], gen);
          }
        }
      }
    }
    this.phrases.scan(tokens, (id) => this.hit(id, gen));
    if (this.hashtagIndex.size > 0 && doc.hashtags) {
      for (const h of doc.hashtags) {
        const id = this.hashtagIndex.get(stripTag(h));
        if (id !== undefined) {
          this.hit(id, gen);
        }
      }
    }
    if (this.mentionIndex.size > 0 && doc.mentions) {
      for (const m of doc.mentions) {
        const id = this.mentionIndex.get(stripTag(m));
        if (id !== undefined) {
          this.hit(id, gen);
        }
      }
    }

    const matched: number[] = [];
    const consider = (qi: number): void => {
      if (this.queryStamp[qi] === gen) {
        return;
      }
      this.queryStamp[qi] = gen;
      if (this.eval(this.queries[qi].root, gen)) {
        matched.push(qi);
      }
    };
    for (let h = 0; h < this.hitTerms.length; h++) {
      const qs = this.triggers[this.hitTerms[h]];
      for (let k = 0; k < qs.length; k++) {
        consider(qs[k]);
      }
    }
    for (let k = 0; k < this.always.length; k++) {
      consider(this.always[k]);
    }
    if (matched.length === 0) {
      return [];
    }
    matched.sort((a, b) => a - b);
    return matched.map((qi) => {
      const q = this.queries[qi];
      const terms: string[] = [];
      for (const p of q.positive) {
        if (this.termStamp[p.id] === gen) {
          terms.push(p.text);
        }
      }
      return { id: q.id, terms };
    });
  }

  private nextGen(): number {
    this.gen++;
    if (this.gen === 0xffffffff) {
      this.termStamp.fill(0);
      this.queryStamp.fill(0);
      this.gen = 1;
    }
    return this.gen;
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) {
    list.push(id);
  } else {
    map.set(key, [id]);
  }
}

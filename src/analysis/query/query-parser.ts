/**
 * Parser of the tracked-topic query language.
 *
 *   query   := or
 *   or      := and ( OR and )*
 *   and     := unary ( [AND] unary )*        -- adjacent terms are joined by an implicit AND
 *   unary   := NOT unary | primary
 *   primary := '(' or ')' | "phrase" | #hashtag | @account | word | prefix*
 *
 * Operators AND, OR, NOT are recognised in any letter case (`and`, `Or`); to search for the English word itself, quote
 * it (`"and"`). Straight and curly double quotes both delimit phrases. Words are normalised like posts are (the
 * normaliser given, or NFKC + lower case); a word that normalises to several tokens becomes a phrase.
 */
import { defaultTermNormalizer, type QueryNode, type QueryTerm, type TermNormalizer } from './query-ast.js';
import { QuerySyntaxError } from './query-syntax-error.js';

export const MAX_QUERY_LENGTH = 2000;
const MAX_DEPTH = 32;
const MIN_PREFIX = 3;

type LexKind = 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'word' | 'phrase';
interface LexToken {
  kind: LexKind;
  text: string;
  /** 1-based. */
  pos: number;
}

const OPEN_QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E']);
const CLOSE_QUOTES = OPEN_QUOTES;

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00A0' || ch === '\u3000';
}

function lex(query: string): LexToken[] {
  const out: LexToken[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const ch = query[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === '(') {
      out.push({ kind: 'lparen', text: ch, pos: i + 1 });
      i++;
      continue;
    }
    if (ch === ')') {
      out.push({ kind: 'rparen', text: ch, pos: i + 1 });
      i++;
      continue;
    }
    if (OPEN_QUOTES.has(ch)) {
      let j = i + 1;
      while (j < n && !CLOSE_QUOTES.has(query[j])) {
        j++;
      }
      if (j >= n) {
        throw new QuerySyntaxError('unterminated-quote', 'Tanda kutip tidak ditutup, dibuka', i + 1);
      }
      out.push({ kind: 'phrase', text: query.slice(i + 1, j), pos: i + 1 });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < n && !isSpace(query[j]) && query[j] !== '(' && query[j] !== ')' && !OPEN_QUOTES.has(query[j])) {
      j++;
    }
    const text = query.slice(i, j);
    const upper = text.toUpperCase();
    const kind: LexKind = upper === 'AND' ? 'and' : upper === 'OR' ? 'or' : upper === 'NOT' ? 'not' : 'word';
    out.push({ kind, text, pos: i + 1 });
    i = j;
  }
  return out;
}

export interface ParseOptions {
  normalizeTerm?: TermNormalizer;
}

export interface ParsedQuery {
  ast: QueryNode;
  /** Every term, in order of appearance. */
  terms: QueryTerm[];
  /** True when the query is satisfied by a post that contains none of its terms (e.g. `NOT iklan`). */
  matchesEmpty: boolean;
}

class Parser {
  private i = 0;
  private depth = 0;
  readonly terms: QueryTerm[] = [];

  constructor(
    private readonly toks: LexToken[],
    private readonly end: number,
    private readonly normalize: TermNormalizer,
  ) {}

  parse(): QueryNode {
    const node = this.parseOr();
    const t = this.toks[this.i];
    if (t) {
      if (t.kind === 'rparen') {
        throw new QuerySyntaxError('unbalanced-close', 'Kurung tutup tanpa pasangan', t.pos);
      }
      throw new QuerySyntaxError('unexpected', `"${t.text}" tidak diharapkan`, t.pos);
    }
    return node;
  }

  private peek(): LexToken | undefined {
    return this.toks[this.i];
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peek()?.kind === 'or') {
      const op = this.toks[this.i++];
      this.expectOperand(op);
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0] : { type: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children = [this.parseUnary()];
    for (;;) {
      const t = this.peek();
      if (!t) {
        break;
      }
      if (t.kind === 'and') {
        this.i++;
        this.expectOperand(t);
        children.push(this.parseUnary());
      } else if (t.kind === 'word' || t.kind === 'phrase' || t.kind === 'lparen' || t.kind === 'not') {
        children.push(this.parseUnary());
      } else {
        break;
      }
    }
    return children.length === 1 ? children[0] : { type: 'and', children };
  }

  /** After a binary operator: an operand must follow. */
  private expectOperand(op: LexToken): void {
    const t = this.peek();
    if (!t) {
      throw new QuerySyntaxError('missing-operand', `Operator ${op.text.toUpperCase()} tidak diikuti kata`, op.pos);
    }
    if (t.kind === 'and' || t.kind === 'or' || t.kind === 'rparen') {
      throw new QuerySyntaxError(
        'missing-operand',
        `Operator ${op.text.toUpperCase()} diikuti ${t.kind === 'rparen' ? 'kurung tutup' : 'operator ' + t.text.toUpperCase()}, seharusnya kata`,
        t.pos,
      );
    }
  }

  private parseUnary(): QueryNode {
    const t = this.peek();
    if (t?.kind === 'not') {
      this.i++;
      const next = this.peek();
      if (!next || next.kind === 'and' || next.kind === 'or' || next.kind === 'rparen') {
        throw new QuerySyntaxError('missing-operand', 'Operator NOT tidak diikuti kata', t.pos);
      }
      if (++this.depth > MAX_DEPTH) {
        throw new QuerySyntaxError('too-deep', 'Kueri terlalu bertingkat', t.pos);
      }
      const child = this.parseUnary();
      this.depth--;
      return { type: 'not', child };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const t = this.peek();
    if (!t) {
      throw new QuerySyntaxError('missing-operand', 'Kueri berakhir sebelum kata yang dicari', this.end);
    }
    switch (t.kind) {
      case 'lparen': {
        this.i++;
        if (this.peek()?.kind === 'rparen') {
          throw new QuerySyntaxError('empty-group', 'Kurung kosong', t.pos);
        }
        if (!this.peek()) {
          throw new QuerySyntaxError('unbalanced-open', 'Kurung buka tanpa pasangan', t.pos);
        }
        if (++this.depth > MAX_DEPTH) {
          throw new QuerySyntaxError('too-deep', 'Kueri terlalu bertingkat', t.pos);
        }
        const inner = this.parseOr();
        this.depth--;
        const close = this.peek();
        if (close?.kind !== 'rparen') {
          if (!close) {
            throw new QuerySyntaxError('unbalanced-open', 'Kurung buka tanpa pasangan', t.pos);
          }
          throw new QuerySyntaxError('unexpected', `"${close.text}" tidak diharapkan`, close.pos);
        }
        this.i++;
        return inner;
      }
      case 'rparen':
        throw new QuerySyntaxError('unbalanced-close', 'Kurung tutup tanpa pasangan', t.pos);
      case 'and':
      case 'or':
        throw new QuerySyntaxError('missing-operand', `Operator ${t.text.toUpperCase()} tidak didahului kata`, t.pos);
      case 'phrase':
        this.i++;
        return this.phrase(t);
      case 'not':
      case 'word':
        this.i++;
        return this.word(t);
    }
  }

  private add(term: QueryTerm): QueryNode {
    this.terms.push(term);
    return { type: 'term', term };
  }

  private phrase(t: LexToken): QueryNode {
    const tokens = this.normalize(t.text);
    if (tokens.length === 0) {
      throw new QuerySyntaxError('empty-phrase', 'Frasa dalam tanda kutip kosong', t.pos);
    }
    if (tokens.length === 1) {
      return this.add({ kind: 'word', value: tokens[0], text: `"${t.text}"`, position: t.pos });
    }
    return this.add({ kind: 'phrase', value: tokens.join(' '), tokens, text: `"${t.text}"`, position: t.pos });
  }

  private word(t: LexToken): QueryNode {
    const text = t.text;
    const first = text[0];
    if (first === '#' || first === '@') {
      const tag = text.slice(1).normalize('NFKC').toLowerCase();
      if (!/^[\p{L}\p{N}_.]+$/u.test(tag)) {
        const what = first === '#' ? 'Tagar' : 'Akun';
        throw new QuerySyntaxError('bad-tag', `${what} "${text}" tidak sah (hanya huruf, angka, _ dan .)`, t.pos);
      }
      return this.add({
        kind: first === '#' ? 'hashtag' : 'mention',
        value: tag.replace(/\.+$/, ''),
        text,
        position: t.pos,
      });
    }
    const star = text.indexOf('*');
    if (star >= 0) {
      if (star !== text.length - 1) {
        throw new QuerySyntaxError('bad-wildcard', 'Tanda * hanya boleh di akhir kata', t.pos + star);
      }
      const tokens = this.normalize(text.slice(0, -1));
      if (tokens.length !== 1 || [...tokens[0]].length < MIN_PREFIX) {
        throw new QuerySyntaxError(
          'bad-wildcard',
          `Awalan sebelum * harus satu kata dengan sedikitnya ${MIN_PREFIX} huruf`,
          t.pos,
        );
      }
      return this.add({ kind: 'prefix', value: tokens[0], text, position: t.pos });
    }
    const tokens = this.normalize(text);
    if (tokens.length === 0) {
      throw new QuerySyntaxError('empty-word', `"${text}" tidak memuat huruf atau angka`, t.pos);
    }
    if (tokens.length === 1) {
      return this.add({ kind: 'word', value: tokens[0], text, position: t.pos });
    }
    return this.add({ kind: 'phrase', value: tokens.join(' '), tokens, text, position: t.pos });
  }
}

/** Evaluates a query with every term absent. */
function evalEmpty(node: QueryNode): boolean {
  switch (node.type) {
    case 'term':
      return false;
    case 'not':
      return !evalEmpty(node.child);
    case 'and':
      return node.children.every(evalEmpty);
    case 'or':
      return node.children.some(evalEmpty);
  }
}

/** Parses a query; throws QuerySyntaxError (message in Bahasa Indonesia, 1-based character position). */
export function parseQuery(query: string, options: ParseOptions = {}): ParsedQuery {
  if (typeof query !== 'string' || query.trim().length === 0) {
    throw new QuerySyntaxError('empty', 'Kueri kosong', 1);
  }
  if (query.length > MAX_QUERY_LENGTH) {
    throw new QuerySyntaxError('too-long', `Kueri lebih dari ${MAX_QUERY_LENGTH} karakter`, MAX_QUERY_LENGTH + 1);
  }
  const parser = new Parser(lex(query), query.length, options.normalizeTerm ?? defaultTermNormalizer);
  const ast = parser.parse();
  return { ast, terms: parser.terms, matchesEmpty: evalEmpty(ast) };
}

export type QueryValidation =
  { ok: true; matchesEmpty: boolean } | { ok: false; message: string; position: number; code: string };

/** Validates a query for an API: never throws. */
export function validateQuery(query: string, options: ParseOptions = {}): QueryValidation {
  try {
    return { ok: true, matchesEmpty: parseQuery(query, options).matchesEmpty };
  } catch (err) {
    if (err instanceof QuerySyntaxError) {
      return { ok: false, message: err.message, position: err.position, code: err.code };
    }
    return { ok: false, message: 'Kueri tidak dapat dibaca', position: 1, code: 'unknown' };
  }
}

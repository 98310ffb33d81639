/** The parsed form of a tracked-topic query. */
export type QueryTermKind = 'word' | 'prefix' | 'phrase' | 'hashtag' | 'mention';

export interface QueryTerm {
  kind: QueryTermKind;
  /** Normalised value: a token, a prefix (without '*'), a phrase's tokens joined by one space, a tag without '#'/'@'. */
  value: string;
  /** Phrase tokens (kind 'phrase' only). */
  tokens?: string[];
  /** The term as written in the query (for explanations). */
  text: string;
  /** 1-based position in the query. */
  position: number;
}

export type QueryNode =
  | { type: 'term'; term: QueryTerm }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };

/** Turns a word of a query into normalised tokens (the same normalisation the posts get). */
export type TermNormalizer = (word: string) => string[];

const WORD_SPLIT = /[^\p{L}\p{N}_]+/u;

/** Default term normaliser: NFKC, lower case, split on anything that is not a letter, digit or underscore. */
export const defaultTermNormalizer: TermNormalizer = (word) =>
  word
    .normalize('NFKC')
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((t) => t.length > 0);

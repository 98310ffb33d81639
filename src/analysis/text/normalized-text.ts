/** What the normaliser returns for one post. Plain data. */
export interface NormalizedText {
  /**
   * Normalised tokens in text order: lower-cased words after slang mapping, elongation and reduplication
   * repair; `#hashtag`, `@mention` and URLs as their own tokens, each hashtag followed by the words it is made of.
   */
  tokens: string[];
  /** '#banjirsamarinda' (lower-cased, with '#'). */
  hashtags: string[];
  /** '@pemkot' (lower-cased, with '@'). */
  mentions: string[];
  urls: string[];
  /** Emoji (without variation selectors or skin tones) and emoticons mapped to emoji, in text order. */
  emojis: string[];
  /**
   * Clause boundaries: `boundaries[k]` is the index in `tokens` of the first token after punctuation
   * `boundaryMarks[k]` ('.', ',', '!', '?', ';', ':'). Used for negation scope and contrast clauses.
   */
  boundaries: number[];
  boundaryMarks: string;
  /**
   * Words the normaliser rewrote (slang, elongation, reduplication…), as written but lower-cased: `replaced[k]`
   * produced the token(s) starting at index `replacedAt[k]` of `tokens`. Absent when nothing was rewritten. Lets
   * rules that must see the written form (an abbreviation keyword such as `sma` or `tk`, which the slang map turns
   * into `sama` and `tidak`) match it without matching the common word.
   */
  replaced?: string[];
  replacedAt?: number[];
}

export interface TextNormalizerOptions {
  /** Local slang (admin overrides): variant → standard form (may be several words). Wins over the built-in map. */
  slangOverrides?: Readonly<Record<string, string>>;
  /** Extra known words (place names, local terms) used to split hashtags and repair elongation. */
  extraVocabulary?: Iterable<string>;
  /** Use the vetted IndoCollex informal→formal entries where the slang map has none (default true). */
  informalDictionary?: boolean;
}

/**
 * Turns a post into the feature keys that detection counts: content terms, bigrams and trigrams of adjacent content
 * terms, hashtags, places and tracked topics. Each key occurs once per post.
 */
import type { DetectorPost, FeatureKind } from './detection.types.js';
import { isStopword } from './stopwords.js';

export interface Feature {
  key: string;
  kind: FeatureKind;
}

const KIND_BY_PREFIX: Record<string, FeatureKind> = {
  t: 'term',
  b: 'bigram',
  g: 'trigram',
  h: 'hashtag',
  p: 'place',
  q: 'topic',
};

export function kindOfKey(key: string): FeatureKind {
  return KIND_BY_PREFIX[key.charAt(0)] ?? 'term';
}

/** A content token: not a stopword, at least 3 characters, not only digits. */
export function isContentToken(token: string): boolean {
  if (token.length < 3 || token.length > 40) {
    return false;
  }
  if (isStopword(token)) {
    return false;
  }
  return !/^\d+$/u.test(token);
}

export function extractFeatures(post: DetectorPost): Feature[] {
  return featureKeys(post).map((key) => ({ key, kind: kindOfKey(key) }));
}

/**
 * The feature keys of a post, each once, in the order extractFeatures gives them (the key's prefix is its kind):
 * what ingest counts per post, without a Feature object per key.
 */
export function featureKeys(post: DetectorPost): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  forEachFeatureKey(post, (key) => {
    if (!seen.has(key)) {
      seen.add(key);
      out.push(key);
    }
  });
  return out;
}

/**
 * Calls `visit` with every feature key of a post in featureKeys' order, repeats included (a term twice in the text
 * comes twice): for a caller that dedupes by its own means (ingest's counting stamps each key cell with the post).
 */
export function forEachFeatureKey(post: DetectorPost, visit: (key: string) => void): void {
  const tokens = post.tokens;
  const content = tokens.map(isContentToken);
  for (let i = 0; i < tokens.length; i++) {
    if (!content[i]) {
      continue;
    }
    visit(`t:${tokens[i]}`);
    if (i + 1 < tokens.length && content[i + 1] && tokens[i + 1] !== tokens[i]) {
      visit(`b:${tokens[i]} ${tokens[i + 1]}`);
      if (i + 2 < tokens.length && content[i + 2]) {
        visit(`g:${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
      }
    }
  }
  for (const tag of post.hashtags) {
    const t = tag.toLowerCase().replace(/^#/u, '');
    if (t.length >= 3) {
      visit(`h:${t}`);
    }
  }
  for (const place of post.places) {
    visit(`p:${place.code}`);
  }
  for (const topic of post.topics) {
    visit(`q:${topic}`);
  }
}

/** Readable text of a key: 'sungai kunjang', '#banjirsamarinda'; places need their name from elsewhere. */
export function keyText(key: string): string {
  const kind = kindOfKey(key);
  const body = key.slice(2);
  return kind === 'hashtag' ? `#${body}` : body;
}

import { EMOJI_SENTIMENT_SOURCE } from './emoji-sentiment.data.js';

/** Emoji → sentiment weight in [-1, 1]. Keys have no variation selectors or skin tones (as in NormalizedText.emojis). */
export const EMOJI_SENTIMENT: ReadonlyMap<string, number> = new Map(EMOJI_SENTIMENT_SOURCE);

/** The weight of one emoji from NormalizedText.emojis, 0 when it carries no sentiment. */
export function emojiSentiment(emoji: string): number {
  return EMOJI_SENTIMENT.get(emoji) ?? EMOJI_SENTIMENT.get(emoji.replace(/\u200D.*$/u, '')) ?? 0;
}

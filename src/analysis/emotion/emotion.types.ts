/** The five emotions of IndoNLU EmoT (tweets); every post gets one, with its probability and the words behind it. */
export const EMOTION_LABELS = ['anger', 'fear', 'happy', 'love', 'sadness'] as const;
export type EmotionLabel = (typeof EMOTION_LABELS)[number];

/** Names as the dashboard and explanations show them (Bahasa Indonesia). */
export const EMOTION_NAMES: Record<EmotionLabel, string> = {
  anger: 'marah',
  fear: 'takut',
  happy: 'senang',
  love: 'cinta',
  sadness: 'sedih',
};

export interface EmotionResult {
  label: EmotionLabel;
  /** Probability of the label, in [0, 1] (five labels: 0.2 is no information). */
  confidence: number;
  modelVersion: string;
  /** The normalised words that pushed most towards the label, strongest first (at most 5). */
  evidence: Array<{ term: string; weight: number }>;
}

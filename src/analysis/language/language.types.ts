/**
 * Languages the detector tells apart: Indonesian and the eight regional languages of NusaX (the only ones with
 * labelled data here); anything else is `other`. Codes are ISO 639 (Banjar, Minangkabau, Balinese, Madurese,
 * Buginese and Acehnese have only three-letter codes).
 */
export const LANGUAGE_CODES = ['id', 'jv', 'su', 'bjn', 'min', 'ban', 'mad', 'bug', 'ace', 'other'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/** The eight regional languages (NusaX folder names → codes). */
export const REGIONAL_LANGUAGES = {
  javanese: 'jv',
  sundanese: 'su',
  banjarese: 'bjn',
  minangkabau: 'min',
  balinese: 'ban',
  madurese: 'mad',
  buginese: 'bug',
  acehnese: 'ace',
} as const satisfies Record<string, LanguageCode>;
export type RegionalLanguageName = keyof typeof REGIONAL_LANGUAGES;
export type RegionalLanguageCode = (typeof REGIONAL_LANGUAGES)[RegionalLanguageName];

/** Names as the dashboard and explanations show them (Bahasa Indonesia). */
export const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  id: 'bahasa Indonesia',
  jv: 'bahasa Jawa',
  su: 'bahasa Sunda',
  bjn: 'bahasa Banjar',
  min: 'bahasa Minangkabau',
  ban: 'bahasa Bali',
  mad: 'bahasa Madura',
  bug: 'bahasa Bugis',
  ace: 'bahasa Aceh',
  other: 'bahasa lain',
};

export function isRegionalLanguage(code: string): code is RegionalLanguageCode {
  return code !== 'id' && code !== 'other' && (LANGUAGE_CODES as readonly string[]).includes(code);
}

/** The detected language of one post, with why. */
export interface LanguageResult {
  code: LanguageCode;
  /** The runner-up language (absent for `other` without letters). */
  runnerUp?: LanguageCode;
  /**
   * Log-likelihood ratio (natural log) of the chosen language over the runner-up, after the prior for Indonesian:
   * larger is surer; 0 when no letters were read.
   */
  margin: number;
  /** Character n-grams read (the text's first 1,000 letters at most). */
  ngrams: number;
  /** Why: 'model' (the n-gram classifier), 'no-letters', 'unlike-any' (no known language's n-grams fit: other). */
  reason: 'model' | 'no-letters' | 'unlike-any';
  /** For a language other than Indonesian: the words that pointed to it most, strongest first (at most 3). */
  evidence: string[];
}

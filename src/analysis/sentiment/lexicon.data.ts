/**
 * The Pantau Isu sentiment lexicon, written by hand. One line per weight: `weight: word word …`.
 * Weights in [-1, 1]. Multi-word entries are written with '_' ('tidak_becus' is matched as two tokens).
 */
export const LEXICON_SOURCE = `
1.0: mantap mantul
-1.0: pungli korupsi
`;

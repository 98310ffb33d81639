/** Every suite `npm run eval` runs, in the order of its table. */
import { detectionSuite } from './detection/detection.suite.js';
import type { EvalSuite } from './eval-suite.js';
import { languagesSuite } from './languages/languages.suite.js';
import { placesSuite } from './places/places.suite.js';
import { sentimentSuite } from './sentiment/sentiment.suite.js';

export const EVAL_SUITES: readonly EvalSuite[] = [sentimentSuite, languagesSuite, placesSuite, detectionSuite];

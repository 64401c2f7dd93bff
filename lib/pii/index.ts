/** Public API of the personal-data detection engine (used by the panel). */
export { detectPii, makeScan } from './detect';
export { detectPiiSliced, type SlicedOptions } from './sliced';
export { maskValue } from './mask-value';
export { RECOGNIZERS } from './recognizers';
export {
  PII_TYPES,
  SENTENCE_LEVEL_TYPES,
  type DetectOptions,
  type Finding,
  type IdentityHints,
  type Locale,
  type PiiType,
  type Recognizer,
} from './types';

import type { CountryCode } from 'libphonenumber-js';
import type { DigitRuns } from './context/digit-runs';
import type { Keywords } from './context/keywords';

/** GDPR Art. 9 special categories and Art. 10 criminal data: reported per sentence. */
const SENTENCE_LEVEL = [
  'HEALTH',
  'RELIGION',
  'ETHNICITY',
  'POLITICS',
  'SEXUAL_ORIENTATION',
  'TRADE_UNION',
  'BIOMETRIC',
  'GENETIC',
  'CRIMINAL',
] as const;

/** Every kind of personal data the engine reports, in the order the panel lists them. */
export const PII_TYPES = [
  'EMAIL',
  'PHONE',
  'IBAN',
  'CREDIT_CARD',
  'NL_BSN',
  'POSTCODE',
  'ADDRESS',
  'PERSON',
  'DATE_OF_BIRTH',
  'IP_ADDRESS',
  'PASSPORT',
  'ID_CARD',
  'LICENSE_PLATE',
  ...SENTENCE_LEVEL,
] as const;

export type PiiType = (typeof PII_TYPES)[number];

export const SENTENCE_LEVEL_TYPES: readonly PiiType[] = SENTENCE_LEVEL;

export type Locale = 'nl' | 'en' | 'de' | 'fr';

export interface Finding {
  type: PiiType;
  /** JavaScript string index (UTF-16), inclusive. */
  start: number;
  /** JavaScript string index, exclusive: `text.slice(start, end) === value`. */
  end: number;
  value: string;
  /** 0..1: how sure the engine is (validated + context > validated > shape only). */
  confidence: number;
}

/** Identities already known for this conversation (read from the page), used as hints. */
export interface IdentityHints {
  names?: readonly string[];
  emails?: readonly string[];
  phones?: readonly string[];
}

export interface DetectOptions {
  /** Languages to expect; defaults to all four. Decides phone regions and context words. */
  locales?: readonly Locale[];
  hints?: IdentityHints;
  /** Findings below this confidence are dropped. Default 0.5. */
  minConfidence?: number;
  /** Default regions for national phone numbers; derived from `locales` when absent. */
  phoneRegions?: readonly CountryCode[];
  /** Restrict detection to these types. */
  types?: readonly PiiType[];
}

/** What a recognizer gets: the text, its context words found in one shared pass, and normalised options. */
export interface Scan {
  text: string;
  /** Every context word of every recognizer, found once per scan (on first use). */
  readonly keywords: Keywords;
  /** Runs of ASCII digits as [start, end) pairs (see context/digit-runs.ts), found once per scan (on first use). */
  readonly digitRuns: DigitRuns;
  locales: readonly Locale[];
  phoneRegions: readonly CountryCode[];
  hints: IdentityHints;
}

export interface Recognizer {
  /** Equals the file name under recognizers/ (kebab-case). */
  id: string;
  types: readonly PiiType[];
  detect(scan: Scan): Finding[];
}

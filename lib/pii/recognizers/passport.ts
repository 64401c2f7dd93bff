import { isStandaloneNumber } from '../context/boundary';
import { boundaryBefore } from '../context/digit-runs';
import { isLookalike, WORDS } from '../context/context-match';
import { documentNumbers } from '../context/document-number';
import { icaoCheckDigitValid } from '../validators/icao-check-digit';
import type { Finding, Recognizer } from '../types';

/**
 * Passport numbers after a passport word (paspoort, passport, Reisepass, passeport …). On their own only the
 * German shape that carries a check digit: nine characters from the letters used on German passports (no
 * vowels) and digits, at least four digits, ending in the ICAO 9303 check digit of the first eight.
 */
const GERMAN = /[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{7}\d\b/iy;

export const passport: Recognizer = {
  id: 'passport',
  types: ['PASSPORT'],
  detect(scan) {
    const out: Finding[] = documentNumbers(scan, WORDS.passport, 'PASSPORT');
    const { text, keywords, digitRuns } = scan;
    let lastEnd = 0;
    // Nine characters ending in a digit at a word boundary: the end of a run of digits.
    for (let r = 1; r < digitRuns.length; r += 2) {
      const end = digitRuns[r] as number;
      const start = end - 9;
      if (start < lastEnd || !boundaryBefore(text, start) || !boundaryBefore(text, end + 1)) continue;
      GERMAN.lastIndex = start;
      if (!GERMAN.test(text)) continue;
      lastEnd = end;
      if (!isStandaloneNumber(text, start, end)) continue;
      const value = text.slice(start, GERMAN.lastIndex);
      if (value.replace(/\D/g, '').length < 4) continue;
      if (!icaoCheckDigitValid(value) || isLookalike(keywords, start)) continue;
      if (out.some((f) => f.start === start)) continue;
      out.push({ type: 'PASSPORT', start, end, value, confidence: 0.6 });
    }
    return out;
  },
};

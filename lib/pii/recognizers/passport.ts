import { isStandaloneNumber } from '../context/boundary';
import { isLookalike, WORDS } from '../context/context-match';
import { documentNumbers } from '../context/document-number';
import { icaoCheckDigitValid } from '../validators/icao-check-digit';
import type { Finding, Recognizer } from '../types';

/**
 * Passport numbers after a passport word (paspoort, passport, Reisepass, passeport …). On their own only the
 * German shape that carries a check digit: nine characters from the letters used on German passports (no
 * vowels) and digits, at least four digits, ending in the ICAO 9303 check digit of the first eight.
 */
const GERMAN = /\b[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{7}\d\b/gi;

export const passport: Recognizer = {
  id: 'passport',
  types: ['PASSPORT'],
  detect(scan) {
    const out: Finding[] = documentNumbers(scan, WORDS.passport, 'PASSPORT');
    const { text, keywords } = scan;
    for (const m of text.matchAll(GERMAN)) {
      const end = m.index + m[0].length;
      if (!isStandaloneNumber(text, m.index, end) || m[0].replace(/\D/g, '').length < 4) continue;
      if (!icaoCheckDigitValid(m[0]) || isLookalike(keywords, m.index)) continue;
      if (out.some((f) => f.start === m.index)) continue;
      out.push({ type: 'PASSPORT', start: m.index, end, value: m[0], confidence: 0.6 });
    }
    return out;
  },
};

import { getCountrySpecifications } from 'ibantools';
import { endsToken, startsToken } from '../context/boundary';
import { boundaryBefore } from '../context/digit-runs';
import type { Finding, Recognizer } from '../types';
import { ibanValid } from '../validators/iban-valid';

/** IBANs in any common spelling (spaced, dashed, lower case), validated as ibantools does (length, BBAN, mod 97). */
const CANDIDATE = /[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){10,34}/y;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const SPECS = getCountrySpecifications();

export const iban: Recognizer = {
  id: 'iban',
  types: ['IBAN'],
  detect({ text, digitRuns }) {
    const out: Finding[] = [];
    let lastEnd = 0;
    // The check digits start a run of digits, right after the two letters of the country code.
    for (let r = 0; r < digitRuns.length; r += 2) {
      const at = (digitRuns[r] as number) - 2;
      if (at < lastEnd || (digitRuns[r + 1] as number) - at < 4) continue;
      if (!isAsciiLetter(text.charCodeAt(at)) || !isAsciiLetter(text.charCodeAt(at + 1)) || !boundaryBefore(text, at))
        continue;
      CANDIDATE.lastIndex = at;
      const m = CANDIDATE.exec(text);
      if (!m) continue;
      const raw = m[0];
      lastEnd = at + raw.length;
      if (!startsToken(text, at)) continue;
      const length = SPECS[raw.slice(0, 2).toUpperCase()]?.chars;
      if (!length) continue;
      // Keep exactly `length` letters and digits: the pattern may have run on into the next word.
      let count = 0;
      let end = 0;
      while (end < raw.length && count < length) {
        if (raw[end] !== ' ' && raw[end] !== '-') count++;
        end++;
      }
      if (count < length) continue;
      const next = text[at + end];
      if (next !== undefined && !endsToken(text, at + end)) continue;
      const value = raw.slice(0, end);
      const electronic = value.replace(/[ -]/g, '').toUpperCase();
      if (!ibanValid(electronic)) continue;
      out.push({ type: 'IBAN', start: at, end: at + end, value, confidence: 0.99 });
    }
    return out;
  },
};

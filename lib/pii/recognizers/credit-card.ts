import { isLookalike, WORDS } from '../context/context-match';
import { isStandaloneNumber } from '../context/boundary';
import { boundaryBefore, type DigitRuns } from '../context/digit-runs';
import { luhnValid } from '../validators/luhn';
import type { Finding, Recognizer } from '../types';

/** Payment card numbers: 13–19 digits, optionally grouped, with a known issuer prefix and a valid Luhn digit. */
const CANDIDATE = /\d(?:[ -]?\d){12,18}(?![0-9A-Za-z]|[.,-]\d)/y;

/** Whether the digit runs from run `r` on, joined by single spaces or dashes, hold at least 13 digits. */
function enoughDigits(text: string, runs: DigitRuns, r: number): boolean {
  let count = 0;
  for (let k = r; k < runs.length; k += 2) {
    count += (runs[k + 1] as number) - (runs[k] as number);
    if (count >= 13) return true;
    const end = runs[k + 1] as number;
    const c = text.charCodeAt(end);
    // Bounds checked first: a read past the end (undefined) threw away the compiled function.
    if ((c !== 32 && c !== 45) || k + 2 >= runs.length || runs[k + 2] !== end + 1) return false;
  }
  return false;
}

/** Bits `from`…`to` set: card lengths. */
function lengths(from: number, to: number): number {
  let m = 0;
  for (let n = from; n <= to; n++) m |= 1 << n;
  return m;
}
/**
 * The lengths a card may have, by its first four digits (bit n: n digits; bit 31 stands for 31 and more): UATP
 * (1…, 15), Mastercard 2-series (2221–2720 and 220…, 16), Amex (34/37, 15), JCB (35, 16+), Diners (300–305, 36,
 * 38, 39: 14–16), Visa (4: 13, 16, 19), Mastercard/Maestro/Discover/UnionPay (5, 6: 12+). A table rather than a
 * switch over the rules: every candidate takes the same steps, where the first card of a rarely seen issuer, deep into
 * a long text, reached code that had never run and threw away the compiled recognizer (twice per pass).
 */
const ISSUER_LENGTHS = new Uint32Array(10000);
for (let p = 0; p < 10000; p++) {
  const p1 = Math.floor(p / 1000);
  const p2 = Math.floor(p / 100);
  const p3 = Math.floor(p / 10);
  let m = 0;
  if (p1 === 1) m = lengths(15, 15);
  else if (p1 === 2) m = (p >= 2221 && p < 2721) || p3 === 220 ? lengths(16, 16) : 0;
  else if (p1 === 3) {
    if (p2 === 34 || p2 === 37) m = lengths(15, 15);
    else if (p2 === 35) m = lengths(16, 31);
    else if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) m = lengths(14, 16);
  } else if (p1 === 4) m = lengths(13, 13) | lengths(16, 16) | lengths(19, 19);
  else if (p1 === 5 || p1 === 6) m = lengths(12, 31);
  ISSUER_LENGTHS[p] = m;
}

/** Whether the digits `d` have a known issuer prefix and a length that issuer uses. */
export function issuerFits(d: string): boolean {
  const n = d.length;
  if (n < 12) return false;
  const p = ((d.charCodeAt(0) * 10 + d.charCodeAt(1)) * 10 + d.charCodeAt(2)) * 10 + d.charCodeAt(3) - 53328;
  return (((ISSUER_LENGTHS[p] as number) >>> (n > 31 ? 31 : n)) & 1) === 1;
}

export const creditCard: Recognizer = {
  id: 'credit-card',
  types: ['CREDIT_CARD'],
  detect({ text, keywords, digitRuns }) {
    const out: Finding[] = [];
    let lastEnd = 0;
    // A candidate starts a run of digits at a word boundary and reaches 13 digits through single separators.
    for (let r = 0; r < digitRuns.length; r += 2) {
      const start = digitRuns[r] as number;
      if (start < lastEnd || !boundaryBefore(text, start) || !enoughDigits(text, digitRuns, r)) continue;
      // test() and lastIndex rather than exec(): no result array per candidate.
      CANDIDATE.lastIndex = start;
      if (!CANDIDATE.test(text)) continue;
      const after = CANDIDATE.lastIndex;
      lastEnd = after;
      if (!isStandaloneNumber(text, start, after)) continue;
      const value = text.slice(start, after);
      const digits = value.replace(/\D/g, '');
      if (!issuerFits(digits) || !luhnValid(digits)) continue;
      if (/^(\d)\1+$/.test(digits)) continue;
      if (isLookalike(keywords, start, WORDS.card)) continue;
      const confidence = keywords.before(WORDS.card, start, 40) ? 0.98 : 0.9;
      out.push({ type: 'CREDIT_CARD', start, end: after, value, confidence });
    }
    return out;
  },
};

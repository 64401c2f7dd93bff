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

function issuerFits(d: string): boolean {
  const n = d.length;
  switch (d[0]) {
    case '1':
      return n === 15; // UATP
    case '2':
      return n === 16 && ((d >= '2221' && d < '2721') || d.startsWith('220'));
    case '3':
      if (d.startsWith('34') || d.startsWith('37')) return n === 15;
      if (d.startsWith('35')) return n >= 16;
      return /^3(?:0[0-5]|[689])/.test(d) && n >= 14 && n <= 16;
    case '4':
      return n === 13 || n === 16 || n === 19;
    case '5':
      return n >= 12;
    case '6':
      return n >= 12;
    default:
      return false;
  }
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

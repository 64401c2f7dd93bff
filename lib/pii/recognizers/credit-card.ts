import { isLookalike, WORDS } from '../context/context-match';
import { isStandaloneNumber } from '../context/boundary';
import { luhnValid } from '../validators/luhn';
import type { Finding, Recognizer } from '../types';

/** Payment card numbers: 13–19 digits, optionally grouped, with a known issuer prefix and a valid Luhn digit. */
const CANDIDATE = /\b\d(?:[ -]?\d){12,18}(?![0-9A-Za-z]|[.,-]\d)/g;

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
  detect({ text, keywords }) {
    const out: Finding[] = [];
    for (const m of text.matchAll(CANDIDATE)) {
      const after = m.index + m[0].length;
      if (!isStandaloneNumber(text, m.index, after)) continue;
      const digits = m[0].replace(/\D/g, '');
      if (!issuerFits(digits) || !luhnValid(digits)) continue;
      if (/^(\d)\1+$/.test(digits)) continue;
      if (isLookalike(keywords, m.index, WORDS.card)) continue;
      const confidence = keywords.before(WORDS.card, m.index, 40) ? 0.98 : 0.9;
      out.push({ type: 'CREDIT_CARD', start: m.index, end: m.index + m[0].length, value: m[0], confidence });
    }
    return out;
  },
};

import type { Finding, Recognizer } from '../types';

// Hand-written scan from each "@" outwards: a single regular expression with a leading character class
// retries at every word start and was several times slower on long threads.
const LOCAL = /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]/u;
const DOMAIN = /[\p{L}\p{N}.-]/u;
/**
 * LOCAL and DOMAIN per UTF-16 code unit (bit 1: computed, 2: LOCAL, 4: DOMAIN), filled on first sight with the
 * same tests: a regular expression call per character of every address was most of this recognizer's time.
 */
const classes = new Uint8Array(0x10000);
function classOf(c: number): number {
  let v = classes[c] as number;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    v = 1 | (LOCAL.test(ch) ? 2 : 0) | (DOMAIN.test(ch) ? 4 : 0);
    classes[c] = v;
  }
  return v;
}
const TLD = /^(?:\p{L}{2,24}|xn--[a-z0-9-]{2,59})$/iu;

export const email: Recognizer = {
  id: 'email',
  types: ['EMAIL'],
  detect({ text }) {
    const out: Finding[] = [];
    let at = text.indexOf('@');
    let lastEnd = 0;
    while (at !== -1) {
      let s = at;
      while (s > lastEnd && (classOf(text.charCodeAt(s - 1)) & 2) !== 0) s--;
      while (s < at && text.charCodeAt(s) === 46) s++;
      let e = at + 1;
      while (e < text.length && (classOf(text.charCodeAt(e)) & 4) !== 0) e++;
      while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
      const domain = text.slice(at + 1, e);
      const labels = domain.split('.');
      const tld = labels[labels.length - 1] ?? '';
      if (s < at && labels.length >= 2 && TLD.test(tld) && labels.every((l) => l.length > 0 && l.length < 64)) {
        const value = text.slice(s, e);
        out.push({ type: 'EMAIL', start: s, end: e, value, confidence: 0.95 });
        lastEnd = e;
      }
      at = text.indexOf('@', Math.max(at + 1, e));
    }
    return out;
  },
};

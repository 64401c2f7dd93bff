import { endsToken, startsToken } from '../context/boundary';
import { boundaryBefore } from '../context/digit-runs';
import type { Finding, Recognizer } from '../types';

/** IPv4 (with optional /prefix) and IPv6 (compressed, with embedded IPv4, with optional /prefix). */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(?:\\/\\d{1,2})?(?![0-9]|\\.\\d)`, 'y');
const V4_FULL = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}(?:\\/(?:3[0-2]|[12]?\\d))?$`);
const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** [0-9A-Fa-f:.] */
const isIpv6Code = (c: number) =>
  isDigitCode(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c === 58 || c === 46;
function colonsIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 58) n++;
  return n;
}
const V4_TAIL = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

// Hand-written: the platform's URL parser is not available in every context we run in, and net.isIP is Node-only.
export function isIpv6(candidate: string): boolean {
  const [addr, prefix, extra] = candidate.split('/');
  if (addr === undefined || extra !== undefined) return false;
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= 128)) return false;
  const halves = addr.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  let units = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as string;
    if (i === groups.length - 1 && g.includes('.')) {
      if (!V4_TAIL.test(g)) return false;
      units += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) units += 1;
    else return false;
  }
  return halves.length === 2 ? units <= 7 : units === 8;
}

export const ipAddress: Recognizer = {
  id: 'ip-address',
  types: ['IP_ADDRESS'],
  detect({ text, digitRuns }) {
    const out: Finding[] = [];
    let lastEnd = 0;
    // IPv4: a run of at most three digits at a word boundary, followed by a dot.
    for (let r = 0; r < digitRuns.length; r += 2) {
      const start = digitRuns[r] as number;
      const runEnd = digitRuns[r + 1] as number;
      if (runEnd - start > 3 || text.charCodeAt(runEnd) !== 46 || start < lastEnd || !boundaryBefore(text, start))
        continue;
      IPV4.lastIndex = start;
      if (!IPV4.test(text)) continue;
      const end = IPV4.lastIndex;
      lastEnd = end;
      if (!startsToken(text, start) || /[.:]/.test(text[start - 1] ?? '')) continue;
      if (!endsToken(text, end) || /^\.\d/.test(text.slice(end, end + 2))) continue;
      const value = text.slice(start, end);
      if (!V4_FULL.test(value)) continue;
      out.push({ type: 'IP_ADDRESS', start, end, value, confidence: 0.9 });
    }
    // IPv6: grow a run of hex digits, colons and dots around each colon (colons are rare in prose).
    let colon = text.indexOf(':');
    while (colon !== -1) {
      let s = colon;
      while (s > 0 && isIpv6Code(text.charCodeAt(s - 1))) s--;
      let e = colon + 1;
      while (e < text.length && isIpv6Code(text.charCodeAt(e))) e++;
      while (e > s && text.charCodeAt(e - 1) === 46) e--;
      // Checked by index first: most colons are times and labels ("10:32", "Naam:") with fewer than two colons.
      if (colonsIn(text, s, e) >= 2) {
        let end = e;
        if (text.charCodeAt(e) === 47) {
          let d = e + 1;
          while (d < e + 4 && d < text.length && isDigitCode(text.charCodeAt(d))) d++;
          if (d > e + 1) end = d;
        }
        if (startsToken(text, s) && endsToken(text, end)) {
          const value = text.slice(s, end);
          if (isIpv6(value)) out.push({ type: 'IP_ADDRESS', start: s, end, value, confidence: 0.9 });
        }
      }
      colon = text.indexOf(':', Math.max(e, colon + 1));
    }
    return out;
  },
};

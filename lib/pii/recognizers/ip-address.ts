import type { Finding, Recognizer } from '../types';

/** IPv4 (with optional /prefix) and IPv6 (compressed, with embedded IPv4, with optional /prefix). */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(
  `(?<![\\p{L}\\p{N}.:])${OCTET}(?:\\.${OCTET}){3}(?:\\/(?:3[0-2]|[12]?\\d)(?!\\d))?(?![\\p{N}]|\\.\\d|[\\p{L}])`,
  'gu',
);
const IPV6_CANDIDATE =
  /(?<![\p{L}\p{N}:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4})(?:\/\d{1,3})?(?![\p{L}\p{N}:])/gu;
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
  detect({ text }) {
    const out: Finding[] = [];
    for (const m of text.matchAll(IPV4)) {
      out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, value: m[0], confidence: 0.9 });
    }
    if (text.includes('::') || /[0-9a-fA-F]:[0-9a-fA-F]/.test(text)) {
      for (const m of text.matchAll(IPV6_CANDIDATE)) {
        if (!isIpv6(m[0]) || !/[0-9A-Fa-f]/.test(m[0])) continue;
        out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, value: m[0], confidence: 0.9 });
      }
    }
    return out;
  },
};

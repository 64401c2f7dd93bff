import { endsToken, startsToken } from '../context/boundary';
import { isLookalike, WORDS } from '../context/context-match';
import { boundaryBefore } from '../context/digit-runs';
import { defineWords } from '../context/keywords';
import type { Finding, Recognizer } from '../types';

/**
 * Dutch licence plates by side code (sidecodes 1–14, consonants only as on real plates), written with dashes;
 * without dashes only after a plate word. Current UK registrations ("AB51 ABC": memory tag + age identifier)
 * on their own when written with a space or dash; other European and international shapes (UK without a
 * space, Indian, Nigerian, Turkish) only after a plate word, which may introduce a list ("Plates: A and B").
 */
const L = '[BDFGHJKLMNPRSTVXZ]';
const SIDECODES = [
  `${L}{2}-\\d{2}-\\d{2}`,
  `\\d{2}-\\d{2}-${L}{2}`,
  `\\d{2}-${L}{2}-\\d{2}`,
  `${L}{2}-\\d{2}-${L}{2}`,
  `${L}{2}-${L}{2}-\\d{2}`,
  `\\d{2}-${L}{2}-${L}{2}`,
  `\\d{2}-${L}{3}-\\d`,
  `\\d-${L}{3}-\\d{2}`,
  `${L}{2}-\\d{3}-${L}`,
  `${L}-\\d{3}-${L}{2}`,
  `${L}{3}-\\d{2}-${L}`,
  `${L}-\\d{2}-${L}{3}`,
  `\\d-${L}{2}-\\d{3}`,
  `\\d{3}-${L}{2}-\\d`,
];
const DASHED = new RegExp(`(?:${SIDECODES.join('|')})`, 'y');
const UK_AGE = '(?:0[2-9]|1\\d|2[0-4]|5[1-9]|6\\d|7[0-4])';
const UK = new RegExp(`[A-HJ-PR-Y][A-HJ-PR-Y]${UK_AGE}[ -][A-HJ-PR-Z]{3}\\b`, 'y');
const TR_PROVINCE = '(?:0[1-9]|[1-7]\\d|8[01])';
const AFTER_WORD_SHAPES = [
  ...SIDECODES.map((s) => s.replace(/-/g, '[ -]?')),
  '[A-Z]{2}\\d{2}[ -]?[A-Z]{3}', // UK
  '[A-Z]{2}[ -]?\\d{1,2}[ -]?[A-Z]{1,3}[ -]?\\d{4}', // India
  '[A-Z]{3}[ -]?\\d{3}[A-Z]{2}', // Nigeria
  `${TR_PROVINCE} ?[A-Z]{1,3} ?\\d{2,4}`, // Turkey
];
const UNDASHED = new RegExp(`[^\\n]{0,24}?(?<![A-Za-z0-9-])(${AFTER_WORD_SHAPES.join('|')})(?![A-Za-z0-9])`, 'iy');
/** More plates in a list after the first: "A and B", "A, B", "A en B", "A ve B". */
const LIST_NEXT = /(?:\s*,\s*|\s+(?:and|en|und|et|ve|&)\s+)/y;
// Plate words, searched first: plates without dashes are only looked for right after one.
const PLATE_TRIGGER = defineWords('plate-trigger', [
  'kenteken',
  'nummerplaat',
  'license plate',
  'licence plate',
  'number plate',
  'registration',
  'car reg',
  'kennzeichen',
  'immatriculation',
  'plaque',
  'plate',
  'plaka',
  'vehicle',
  'voertuig',
  'fahrzeug',
  'véhicule',
]);

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Start of the token holding the dash at `dash` (plates start at most three characters before it). */
function tokenStart(text: string, dash: number): number {
  let s = dash;
  while (s > 0 && dash - s < 3 && isAsciiAlnum(text.charCodeAt(s - 1))) s--;
  return s;
}
/** Every side code starts with a digit or one of the consonants of L: DASHED cannot match elsewhere. */
const SIDE_CODE_FIRST = new Set([...`0123456789${L.slice(1, -1)}`].map((c) => c.charCodeAt(0)));

export const licensePlate: Recognizer = {
  id: 'license-plate',
  types: ['LICENSE_PLATE'],
  detect({ text, keywords, digitRuns }) {
    const out: Finding[] = [];
    const seen = new Set<number>();
    // Every dashed side code has a dash within its first four characters: try the pattern only there.
    let lastTried = -1;
    for (let dash = text.indexOf('-'); dash !== -1; dash = text.indexOf('-', dash + 1)) {
      const start = tokenStart(text, dash);
      if (start === lastTried || start === dash) continue;
      lastTried = start;
      if (!SIDE_CODE_FIRST.has(text.charCodeAt(start))) continue;
      DASHED.lastIndex = start;
      if (!DASHED.test(text)) continue;
      const after = DASHED.lastIndex;
      if (!startsToken(text, start) || text.charCodeAt(start - 1) === 45) continue;
      if (!endsToken(text, after) || (text.charCodeAt(after) === 45 && !endsToken(text, after + 1))) continue;
      if (isLookalike(keywords, start, WORDS.plate)) continue;
      const confidence = keywords.before(WORDS.plate, start, 30) ? 0.95 : 0.8;
      out.push({ type: 'LICENSE_PLATE', start, end: after, value: text.slice(start, after), confidence });
      seen.add(start);
    }
    // UK: the two-digit age identifier is a run of digits after two capitals, followed by a space or dash.
    let lastEnd = 0;
    for (let r = 0; r < digitRuns.length; r += 2) {
      const start = (digitRuns[r] as number) - 2;
      const runEnd = digitRuns[r + 1] as number;
      if (runEnd - start !== 4 || start < lastEnd || !boundaryBefore(text, start)) continue;
      const c = text.charCodeAt(runEnd);
      if (c !== 32 && c !== 45) continue;
      UK.lastIndex = start;
      if (!UK.test(text)) continue;
      lastEnd = UK.lastIndex;
      if (seen.has(start) || isLookalike(keywords, start, WORDS.plate)) continue;
      seen.add(start);
      const confidence = keywords.before(WORDS.plate, start, 30) ? 0.95 : 0.75;
      out.push({ type: 'LICENSE_PLATE', start, end: lastEnd, value: text.slice(start, lastEnd), confidence });
    }
    const triggers = keywords.list(PLATE_TRIGGER);
    for (let k = 0; k < triggers.starts.length; k++) {
      let from = triggers.ends[k] as number;
      for (let inList = 0; inList < 5; inList++) {
        UNDASHED.lastIndex = from;
        const m = UNDASHED.exec(text);
        const value = m?.[1];
        if (!m || value === undefined) break;
        const start = m.index + m[0].length - value.length;
        if (inList > 0 && start !== from) break;
        if (!/\d/.test(value) || !/[A-Za-z]/.test(value)) break;
        if (!seen.has(start)) {
          seen.add(start);
          out.push({ type: 'LICENSE_PLATE', start, end: start + value.length, value, confidence: 0.85 });
        }
        LIST_NEXT.lastIndex = start + value.length;
        if (!LIST_NEXT.test(text)) break;
        from = LIST_NEXT.lastIndex;
      }
    }
    return out;
  },
};

import { endsToken, startsToken } from '../context/boundary';
import { isLookalike, WORDS } from '../context/context-match';
import { defineWords } from '../context/keywords';
import type { Finding, Recognizer } from '../types';

/**
 * Dutch licence plates by side code (sidecodes 1–14, consonants only as on real plates), written with dashes;
 * without dashes only after a plate word. UK registrations ("AB51 ABC") only after a plate word.
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
const DASHED = new RegExp(`\\b(?:${SIDECODES.join('|')})`, 'g');
const UNDASHED = new RegExp(
  `[^\\n]{0,24}?(?<![A-Za-z0-9-])(${SIDECODES.map((s) => s.replace(/-/g, '[ -]?')).join('|')}|[A-Z]{2}\\d{2}[ ]?[A-Z]{3})(?![A-Za-z0-9])`,
  'iy',
);
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
]);

export const licensePlate: Recognizer = {
  id: 'license-plate',
  types: ['LICENSE_PLATE'],
  detect({ text, keywords }) {
    const out: Finding[] = [];
    const seen = new Set<number>();
    for (const m of text.matchAll(DASHED)) {
      const after = m.index + m[0].length;
      if (!startsToken(text, m.index) || text[m.index - 1] === '-') continue;
      if (!endsToken(text, after) || (text[after] === '-' && !endsToken(text, after + 1))) continue;
      if (isLookalike(keywords, m.index, WORDS.plate)) continue;
      const confidence = keywords.before(WORDS.plate, m.index, 30) ? 0.95 : 0.8;
      out.push({ type: 'LICENSE_PLATE', start: m.index, end: m.index + m[0].length, value: m[0], confidence });
      seen.add(m.index);
    }
    const triggers = keywords.list(PLATE_TRIGGER);
    for (let k = 0; k < triggers.starts.length; k++) {
      UNDASHED.lastIndex = triggers.ends[k] as number;
      const m = UNDASHED.exec(text);
      const value = m?.[1];
      if (!m || value === undefined) continue;
      const start = m.index + m[0].length - value.length;
      if (seen.has(start) || !/\d/.test(value) || !/[A-Za-z]/.test(value)) continue;
      seen.add(start);
      out.push({ type: 'LICENSE_PLATE', start, end: start + value.length, value, confidence: 0.85 });
    }
    return out;
  },
};

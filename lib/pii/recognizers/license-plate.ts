import { endsToken, startsToken } from '../context/boundary';
import { hasWordBefore, isLookalike, lookalikeTailRegex, wordsRegex } from '../context/context-match';
import { LOOKALIKE_WORDS, PLATE_WORDS } from '../context/context-words';
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
const PLATE_TRIGGER =
  /\b(?:kenteken|nummerplaat|license plate|licence plate|number plate|registration|car reg|kennzeichen|immatriculation|plaque)/g;
const CONTEXT = wordsRegex(PLATE_WORDS);
const LOOKALIKE = lookalikeTailRegex(LOOKALIKE_WORDS);

export const licensePlate: Recognizer = {
  id: 'license-plate',
  types: ['LICENSE_PLATE'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    const seen = new Set<number>();
    for (const m of text.matchAll(DASHED)) {
      const after = m.index + m[0].length;
      if (!startsToken(text, m.index) || text[m.index - 1] === '-') continue;
      if (!endsToken(text, after) || (text[after] === '-' && !endsToken(text, after + 1))) continue;
      if (isLookalike(lower, m.index, LOOKALIKE, CONTEXT)) continue;
      const confidence = hasWordBefore(lower, m.index, CONTEXT, 30) ? 0.95 : 0.8;
      out.push({ type: 'LICENSE_PLATE', start: m.index, end: m.index + m[0].length, value: m[0], confidence });
      seen.add(m.index);
    }
    for (const t of lower.matchAll(PLATE_TRIGGER)) {
      UNDASHED.lastIndex = t.index + t[0].length;
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

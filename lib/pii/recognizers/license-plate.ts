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
const DASHED = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${SIDECODES.join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'gu');
const UNDASHED = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:${SIDECODES.map((s) => s.replace(/-/g, '[ ]?')).join('|')}|[A-Z]{2}\\d{2}[ ]?[A-Z]{3})(?![\\p{L}\\p{N}])`,
  'giu',
);
const CONTEXT = wordsRegex(PLATE_WORDS);
const LOOKALIKE = lookalikeTailRegex(LOOKALIKE_WORDS);

export const licensePlate: Recognizer = {
  id: 'license-plate',
  types: ['LICENSE_PLATE'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    const seen = new Set<number>();
    for (const m of text.matchAll(DASHED)) {
      if (isLookalike(lower, m.index, LOOKALIKE, CONTEXT)) continue;
      const confidence = hasWordBefore(lower, m.index, CONTEXT, 30) ? 0.95 : 0.8;
      out.push({ type: 'LICENSE_PLATE', start: m.index, end: m.index + m[0].length, value: m[0], confidence });
      seen.add(m.index);
    }
    for (const m of text.matchAll(UNDASHED)) {
      if (seen.has(m.index) || !/\d/.test(m[0]) || !/\p{L}/u.test(m[0])) continue;
      if (!hasWordBefore(lower, m.index, CONTEXT, 30)) continue;
      out.push({ type: 'LICENSE_PLATE', start: m.index, end: m.index + m[0].length, value: m[0], confidence: 0.85 });
    }
    return out;
  },
};

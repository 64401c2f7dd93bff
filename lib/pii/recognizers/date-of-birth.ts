import { LETTER, startsToken } from '../context/boundary';
import { DATE_SOURCE } from '../context/date-shapes';
import { DOB_WORDS } from '../context/context-words';
import type { Finding, Recognizer } from '../types';

/**
 * Dates of birth: a date only counts when a birth word (geboren, geboortedatum, geb., born, DOB, Geburtsdatum,
 * né le …) comes shortly before it. Order dates, delivery dates and other dates are not personal data.
 */
const TRIGGER = new RegExp(
  `\\b(?:${DOB_WORDS.map((w) => w.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![${LETTER}])`,
  'g',
);
const DATE_AFTER = new RegExp(`^[^\\n\\d]{0,30}?(${DATE_SOURCE})`, 'u');

export const dateOfBirth: Recognizer = {
  id: 'date-of-birth',
  types: ['DATE_OF_BIRTH'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    let lastEnd = -1;
    for (const m of lower.matchAll(TRIGGER)) {
      const from = m.index + m[0].length;
      if (from < lastEnd || !startsToken(lower, m.index)) continue;
      const d = DATE_AFTER.exec(lower.slice(from, from + 80));
      if (!d || d[1] === undefined) continue;
      const start = from + d[0].length - d[1].length;
      const end = start + d[1].length;
      out.push({ type: 'DATE_OF_BIRTH', start, end, value: text.slice(start, end), confidence: 0.9 });
      lastEnd = end;
    }
    return out;
  },
};

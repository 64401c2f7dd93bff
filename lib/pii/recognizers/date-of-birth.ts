import { WORDS } from '../context/context-match';
import { DATE_SOURCE } from '../context/date-shapes';
import type { Finding, Recognizer } from '../types';

/**
 * Dates of birth: a date only counts when a birth word (geboren, geboortedatum, geb., born, DOB, Geburtsdatum,
 * né le …) comes shortly before it. Order dates, delivery dates and other dates are not personal data.
 */
const DATE_AFTER = new RegExp(`^[^\\n\\d]{0,30}?(${DATE_SOURCE})`, 'iu');

export const dateOfBirth: Recognizer = {
  id: 'date-of-birth',
  types: ['DATE_OF_BIRTH'],
  detect({ text, keywords }) {
    const out: Finding[] = [];
    let lastEnd = -1;
    const triggers = keywords.list(WORDS.dob);
    for (let k = 0; k < triggers.starts.length; k++) {
      const from = triggers.ends[k] as number;
      if (from < lastEnd) continue;
      const d = DATE_AFTER.exec(text.slice(from, from + 80));
      if (!d || d[1] === undefined) continue;
      const start = from + d[0].length - d[1].length;
      const end = start + d[1].length;
      out.push({ type: 'DATE_OF_BIRTH', start, end, value: text.slice(start, end), confidence: 0.9 });
      lastEnd = end;
    }
    return out;
  },
};

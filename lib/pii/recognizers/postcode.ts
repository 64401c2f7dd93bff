import { endsToken, LOWER, startsToken, UPPER } from '../context/boundary';
import { WORDS } from '../context/context-match';
import type { Finding, Recognizer } from '../types';

/**
 * Postcodes. Dutch ("1234 AB", "1234AB") on their own; Belgian (4 digits) and German (5 digits) only with
 * context: a "B-"/"D-" prefix, a postcode word, or a street address just before, and a city name after.
 * UK postcodes in their strict official shape.
 */
const NL = /\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}/g;
const NL_LOWER = /\b[1-9]\d{3} ?(?!sa|sd|ss)[a-z]{2}/g;
const BE_DE = new RegExp(`(?:(?:B|D|A|CH)-)?(?:\\d{5}|[1-9]\\d{3})(?= [${UPPER}][${LOWER}]{2,})`, 'g');
const UK = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]? ?\d[ABD-HJLNP-UW-Z]{2})/g;
const STREET_BEFORE =
  /(?:stra(?:ss|ß)e|str\.|weg|gasse|platz|allee|ring|damm|laan|straat|lei|steenweg|plein|rue|avenue)\s*\d+\s*[a-z]?\s*,?\s*$/iu;

export const postcode: Recognizer = {
  id: 'postcode',
  types: ['POSTCODE'],
  detect({ text, keywords }) {
    const out: Finding[] = [];
    const push = (start: number, value: string, confidence: number) =>
      out.push({ type: 'POSTCODE', start, end: start + value.length, value, confidence });
    const free = (start: number, end: number) =>
      startsToken(text, start) && !/[€$£.,-]/.test(text[start - 1] ?? '') && endsToken(text, end);
    for (const m of text.matchAll(NL)) if (free(m.index, m.index + m[0].length)) push(m.index, m[0], 0.9);
    if (keywords.list(WORDS.postcode).starts.length > 0) {
      for (const m of text.matchAll(NL_LOWER)) {
        if (free(m.index, m.index + m[0].length) && keywords.before(WORDS.postcode, m.index, 30))
          push(m.index, m[0], 0.8);
      }
    }
    for (const m of text.matchAll(BE_DE)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const prefixed = m[0].includes('-');
      const street = STREET_BEFORE.test(text.slice(Math.max(0, m.index - 50), m.index));
      if (m[0] === '00000') continue;
      if (prefixed || street || keywords.before(WORDS.postcode, m.index, 30)) push(m.index, m[0], 0.8);
    }
    for (const m of text.matchAll(UK)) if (free(m.index, m.index + m[0].length)) push(m.index, m[0], 0.75);
    return out;
  },
};

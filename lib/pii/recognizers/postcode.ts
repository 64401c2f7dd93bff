import { hasWordBefore, wordsRegex } from '../context/context-match';
import { POSTCODE_WORDS } from '../context/context-words';
import type { Finding, Recognizer } from '../types';

/**
 * Postcodes. Dutch ("1234 AB", "1234AB") on their own; Belgian (4 digits) and German (5 digits) only with
 * context: a "B-"/"D-" prefix, a postcode word, or a street address just before, and a city name after.
 * UK postcodes in their strict official shape.
 */
const NL = /(?<![\p{L}\p{N}€$£.,-])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/gu;
const NL_LOWER = /(?<![\p{L}\p{N}€$£.,-])[1-9]\d{3} ?(?!sa|sd|ss)[a-z]{2}(?![\p{L}\p{N}])/gu;
const BE_DE = /(?<![\p{L}\p{N}€$£.,-])(?:(?:B|D|A|CH)-)?(?:[1-9]\d{3}|\d{5})(?= \p{Lu}\p{Ll}{2,})/gu;
const UK =
  /(?<![\p{L}\p{N}])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/gu;
const CONTEXT = wordsRegex(POSTCODE_WORDS);
const STREET_BEFORE =
  /(?:stra(?:ss|ß)e|str\.|weg|gasse|platz|allee|ring|damm|laan|straat|lei|steenweg|plein|rue|avenue)\s*\d+\s*[a-z]?\s*,?\s*$/iu;

export const postcode: Recognizer = {
  id: 'postcode',
  types: ['POSTCODE'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    const push = (start: number, value: string, confidence: number) =>
      out.push({ type: 'POSTCODE', start, end: start + value.length, value, confidence });
    for (const m of text.matchAll(NL)) push(m.index, m[0], 0.9);
    for (const m of text.matchAll(NL_LOWER)) {
      if (hasWordBefore(lower, m.index, CONTEXT, 30)) push(m.index, m[0], 0.8);
    }
    for (const m of text.matchAll(BE_DE)) {
      const prefixed = m[0].includes('-');
      const street = STREET_BEFORE.test(text.slice(Math.max(0, m.index - 50), m.index));
      if (m[0] === '00000') continue;
      if (prefixed || street || hasWordBefore(lower, m.index, CONTEXT, 30)) push(m.index, m[0], 0.8);
    }
    for (const m of text.matchAll(UK)) push(m.index, m[0], 0.75);
    return out;
  },
};

import { endsToken, LOWER, startsToken, UPPER } from '../context/boundary';
import { WORDS } from '../context/context-match';
import { boundaryBefore } from '../context/digit-runs';
import type { Finding, Recognizer } from '../types';

/**
 * Postcodes. Dutch ("1234 AB", "1234AB") on their own; Belgian (4 digits) and German (5 digits) only with
 * context: a "B-"/"D-" prefix, a postcode word, or a street address just before, and a city name after.
 * UK postcodes in their strict official shape.
 * The patterns are sticky and tried where a run of digits (scan.digitRuns) allows them to match.
 */
const NL = /[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}/y;
const NL_LOWER = /[1-9]\d{3} ?(?!sa|sd|ss)[a-z]{2}/y;
const BE_DE = new RegExp(`(?:(?:B|D|A|CH)-)?(?:\\d{5}|[1-9]\\d{3})(?= [${UPPER}][${LOWER}]{2,})`, 'y');
const UK = /(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]? ?\d[ABD-HJLNP-UW-Z]{2})/y;
const STREET_BEFORE =
  /(?:stra(?:ss|ß)e|str\.|weg|gasse|platz|allee|ring|damm|laan|straat|lei|steenweg|plein|rue|avenue)\s*\d+\s*[a-z]?\s*,?\s*$/iu;
const isUpperAscii = (c: number) => c >= 65 && c <= 90;

/** NOT_FREE_BEFORE.test(character): € $ £ . , - */
const notFreeBefore = (c: number) => c === 0x20ac || c === 36 || c === 0xa3 || c === 46 || c === 44 || c === 45;

function free(text: string, start: number, end: number): boolean {
  return startsToken(text, start) && !notFreeBefore(text.charCodeAt(start - 1)) && endsToken(text, end);
}

function push(out: Finding[], start: number, value: string, confidence: number): void {
  out.push({ type: 'POSTCODE', start, end: start + value.length, value, confidence });
}

/** BE_DE at `at` (sticky), or null. */
function beDeAt(text: string, at: number): RegExpExecArray | null {
  BE_DE.lastIndex = at;
  return BE_DE.exec(text);
}

export const postcode: Recognizer = {
  id: 'postcode',
  types: ['POSTCODE'],
  detect({ text, keywords, digitRuns }) {
    // One list per pattern, joined in the order the patterns used to run in.
    const nl: Finding[] = [];
    const nlLower: Finding[] = [];
    const beDe: Finding[] = [];
    const uk: Finding[] = [];
    const lower = keywords.list(WORDS.postcode).starts.length > 0;
    let beDeEnd = 0;
    let ukEnd = 0;
    for (let r = 0; r < digitRuns.length; r += 2) {
      const s = digitRuns[r] as number;
      const e = digitRuns[r + 1] as number;
      const length = e - s;
      // Dutch: a run of four digits, the first not 0, at a word boundary (letters follow).
      if (length === 4 && text.charCodeAt(s) !== 48 && boundaryBefore(text, s)) {
        // test() and lastIndex rather than exec(): no result array per candidate.
        NL.lastIndex = s;
        if (NL.test(text)) {
          const end = NL.lastIndex;
          if (free(text, s, end)) push(nl, s, text.slice(s, end), 0.9);
        }
        if (lower) {
          NL_LOWER.lastIndex = s;
          if (NL_LOWER.test(text)) {
            const end = NL_LOWER.lastIndex;
            if (free(text, s, end) && keywords.before(WORDS.postcode, s, 30)) push(nlLower, s, text.slice(s, end), 0.8);
          }
        }
      }
      // Belgian/German: four or five digits (maybe after "B-", "D-", "A-", "CH-") before a space and a name.
      if ((length === 4 || length === 5) && text.charCodeAt(e) === 32) {
        let m: RegExpExecArray | null = null;
        let at = s;
        if (text.charCodeAt(s - 1) === 45) {
          for (let p = Math.max(s - 3, beDeEnd); p < s - 1 && !m; p++) {
            m = beDeAt(text, p);
            at = p;
          }
        }
        if (!m && s >= beDeEnd) m = beDeAt(text, (at = s));
        if (m) {
          beDeEnd = at + m[0].length;
          if (free(text, at, beDeEnd) && m[0] !== '00000') {
            // The street pattern (tried at every position of the 50 characters before) only when the rest says no.
            if (
              m[0].includes('-') ||
              keywords.before(WORDS.postcode, at, 30) ||
              STREET_BEFORE.test(text.slice(Math.max(0, at - 50), at))
            )
              push(beDe, at, m[0], 0.8);
          }
        }
      }
      // UK: one or two capitals (or "GIR ") right before the first digit.
      const c = text.charCodeAt(s - 1);
      if (isUpperAscii(c) || c === 32) {
        for (let at = Math.max(s - 4, ukEnd); at < s; at++) {
          if (!isUpperAscii(text.charCodeAt(at)) || !boundaryBefore(text, at)) continue;
          UK.lastIndex = at;
          const m = UK.exec(text);
          if (!m) continue;
          ukEnd = at + m[0].length;
          if (free(text, at, ukEnd)) push(uk, at, m[0], 0.75);
          break;
        }
      }
    }
    return nl.concat(nlLower, beDe, uk);
  },
};

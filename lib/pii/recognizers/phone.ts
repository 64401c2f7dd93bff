import type { CountryCode } from 'libphonenumber-js/max';
import { endsToken, startsToken, isSpaceCode } from '../context/boundary';
import type { DigitRuns } from '../context/digit-runs';
import { isLookalike, WORDS } from '../context/context-match';
import { hasNationalPrefix, validInternational, validNational } from '../validators/phone-validity';
import type { Finding, Recognizer } from '../types';

/**
 * Phone numbers: a cheap candidate pattern (digits with the separators people type), then validation by
 * libphonenumber-js with its `max` metadata (exact number patterns per region, so "0612345678" is a Dutch
 * mobile but "0651228363"-shaped order numbers are rejected by context and "0123456789" by the patterns).
 */
const CANDIDATE =
  /(?:[+(]|\b)\d[\d \u00a0\t()./-]{5,22}\d(?:\s*,?\s*(?:x|ext\.?|ext:|extension|int\.|toestel|tst\.?)\s*:?\s*\d{1,7})?(?![0-9A-Za-z@]|[.,/-]\d)/y;
/** [\d \u00a0\t()./-]: the characters of a number's body. */
const isBodyCode = (c: number) =>
  (c >= 48 && c <= 57) || c === 32 || c === 0xa0 || c === 9 || c === 40 || c === 41 || c === 46 || c === 47 || c === 45;
/** Characters an extension (", ext. 12", " x12", " toestel 3") can continue with after the body. */
const mayStartExtension = (c: number) => c === 44 || c === 120 || c === 101 || c === 105 || c === 116 || isSpace(c);

/**
 * Whether CANDIDATE can match a number whose first digit starts digit run `r`: a body of at least 7 characters,
 * holding 8 digits or followed by what may be an extension (the candidate needs 8 digits in all). Most numbers in
 * a message (times, amounts, dates in words) fail this before the pattern runs. Runs of digits are skipped whole.
 */
function mayBeCandidate(text: string, runs: DigitRuns, r: number): boolean {
  const at = runs[r] as number;
  const limit = Math.min(text.length, at + 24);
  let k = Math.min(runs[r + 1] as number, limit);
  let digits = k - at;
  let next = r + 2;
  while (k < limit) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      // The start of the next run of digits.
      const end = Math.min(runs[next + 1] as number, limit);
      digits += end - k;
      k = end;
      next += 2;
    } else if (isBodyCode(c)) k++;
    else break;
  }
  if (k - at < 7) return false;
  return digits >= 8 || k === limit || mayStartExtension(text.charCodeAt(k));
}
// Not glued to letters, an e-mail or another number ("NL91…", "1.234.567,00"): none of @ + . , / _ - before;
// no "@", no ".5", ",5", "/5", "-5" and (a time: "2012-01-02 08:00") no ":5" after.
const badBefore = (c: number) => c === 64 || c === 43 || c === 46 || c === 44 || c === 47 || c === 95 || c === 45;
function badAfter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 64) return true;
  if (c !== 46 && c !== 44 && c !== 47 && c !== 45 && c !== 58) return false;
  const d = text.charCodeAt(at + 1);
  return d >= 48 && d <= 57;
}
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Length of the run of digits of `s` at `from`. */
function digitRun(s: string, from: number): number {
  let k = from;
  while (k < s.length && isDigit(s.charCodeAt(k))) k++;
  return k - from;
}
const isDateSeparator = (c: number) => c === 45 || c === 47 || c === 46;
/**
 * /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(s) and /\d:\d/.test(s) read in place: a date ("2024-01-02",
 * "12.03.1990") or a time is not a phone number. Character checks instead of two regular expressions per candidate.
 */
function isDateShape(s: string): boolean {
  const a = digitRun(s, 0);
  if (a < 1 || a > 4 || !isDateSeparator(s.charCodeAt(a))) return false;
  const b = digitRun(s, a + 1);
  if (b < 1 || b > 2 || !isDateSeparator(s.charCodeAt(a + 1 + b))) return false;
  const c = digitRun(s, a + b + 2);
  return c >= 1 && c <= 4 && a + b + c + 2 === s.length;
}
function hasTime(s: string): boolean {
  for (let k = s.indexOf(':'); k !== -1; k = s.indexOf(':', k + 1))
    if (k > 0 && isDigit(s.charCodeAt(k - 1)) && isDigit(s.charCodeAt(k + 1))) return true;
  return false;
}
/** /\s/.test(s) */
function hasSpace(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (isSpaceCode(s.charCodeAt(k))) return true;
  return false;
}
// National numbers are written with their leading 0 (trunk prefix) except in North America (area code first)
// and in regions without a trunk prefix (Italy, Mexico, Poland …).
const NO_TRUNK = new Set<CountryCode>(['US', 'CA']);
const trunkless = new Map<CountryCode, boolean>();
function writtenWithoutZero(region: CountryCode): boolean {
  let v = trunkless.get(region);
  if (v === undefined) {
    v = NO_TRUNK.has(region) || !hasNationalPrefix(region);
    trunkless.set(region, v);
  }
  return v;
}

const NON_DIGIT = /\D/g;
const isSpace = isSpaceCode;
/** The digits of `s` (`s` itself when it holds nothing else). */
function digitsOf(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return s.replace(NON_DIGIT, '');
  }
  return s;
}

/** Number of ASCII digits in text[from, to). */
function countDigits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

const EXTENSION = /\s*,?\s*(?:x|ext\.?|ext:|extension|int\.|toestel|tst\.?)\s*:?\s*\d{1,7}$/;

/** Per list of regions (one per scan options): those where national numbers may be written without a 0. */
const withoutZero = new WeakMap<readonly CountryCode[], readonly CountryCode[]>();
function regionsWithoutZero(regions: readonly CountryCode[]): readonly CountryCode[] {
  let r = withoutZero.get(regions);
  if (!r) {
    r = regions.filter(writtenWithoutZero);
    withoutZero.set(regions, r);
  }
  return r;
}

/** Whether `s` holds an ASCII letter (an extension needs one: "x", "ext", "toestel" …). */
function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

function validIn(candidate: string, regions: readonly CountryCode[]): boolean {
  const digits = digitsOf(hasLetter(candidate) ? candidate.replace(EXTENSION, '') : candidate);
  const plus = candidate.startsWith('+') || candidate.startsWith('(+');
  if (plus || digits.startsWith('00')) return validInternational(candidate, digits, regions[0] as CountryCode, !plus);
  for (const region of digits.charCodeAt(0) === 48 ? regions : regionsWithoutZero(regions)) {
    if (validNational(candidate, digits, region)) return true;
  }
  return false;
}

/**
 * Two numbers separated by a space arrive as one candidate ("0612345678 0201234567", "34215 - 415-666-7777"):
 * when the whole is not one valid number, it is cut at the spaces into the longest valid runs of at most
 * 15 digits (each returned piece is valid).
 */
/** Token bounds of the candidate being split, reused between calls (no closures or arrays per candidate). */
const bounds: number[] = [];

function splitMerged(
  value: string,
  start: number,
  regions: readonly CountryCode[],
): { value: string; start: number }[] {
  const parts: { value: string; start: number }[] = [];
  // Tokens as [start, end) pairs of the non-space runs.
  bounds.length = 0;
  for (let k = 0; k < value.length;) {
    while (k < value.length && isSpace(value.charCodeAt(k))) k++;
    if (k >= value.length) break;
    const s = k;
    while (k < value.length && !isSpace(value.charCodeAt(k))) k++;
    bounds.push(s, k);
  }
  const tokens = bounds.length / 2;
  let i = 0;
  while (i < tokens) {
    if (countDigits(value, bounds[2 * i] as number, bounds[2 * i + 1] as number) === 0) {
      i++;
      continue;
    }
    let found = -1;
    let count = 0;
    let last = i;
    for (let j = i; j < tokens; j++) {
      count += countDigits(value, bounds[2 * j] as number, bounds[2 * j + 1] as number);
      if (count > 15) break;
      last = j;
    }
    for (let j = last; j >= i && found === -1; j--) {
      if (
        countDigits(value, bounds[2 * i] as number, bounds[2 * j + 1] as number) >= 8 &&
        validIn(value.slice(bounds[2 * i] as number, bounds[2 * j + 1] as number), regions)
      )
        found = j;
    }
    if (found === -1) {
      i++;
      continue;
    }
    parts.push({
      value: value.slice(bounds[2 * i] as number, bounds[2 * found + 1] as number),
      start: start + (bounds[2 * i] as number),
    });
    i = found + 1;
  }
  return parts;
}

export function normalisePhoneDigits(value: string): string {
  const d = digitsOf(value);
  return d.length > 9 ? d.slice(-9) : d;
}

export const phone: Recognizer = {
  id: 'phone',
  types: ['PHONE'],
  detect({ text, keywords, phoneRegions, hints, digitRuns }) {
    const out: Finding[] = [];
    const hinted = new Set((hints.phones ?? []).map(normalisePhoneDigits));
    let lastEnd = 0;
    // A candidate starts at a run of digits: at a word boundary, or right after "+" or "(".
    for (let r = 0; r < digitRuns.length; r += 2) {
      const first = digitRuns[r] as number;
      // mayBeCandidate's first step, inline: a run shorter than 7 digits that is not continued cannot be one.
      const runEnd = digitRuns[r + 1] as number;
      if (runEnd - first < 7 && !isBodyCode(text.charCodeAt(runEnd))) continue;
      if (first < lastEnd || !mayBeCandidate(text, digitRuns, r)) continue;
      // test() rather than exec(): the match is read from lastIndex, without a result array per candidate.
      let start = -1;
      const before = text.charCodeAt(first - 1);
      if ((before === 43 || before === 40) && first - 1 >= lastEnd) {
        CANDIDATE.lastIndex = first - 1;
        if (CANDIDATE.test(text)) start = first - 1;
      }
      if (start < 0) {
        CANDIDATE.lastIndex = first;
        if (CANDIDATE.test(text)) start = first;
      }
      if (start < 0) continue;
      const after = CANDIDATE.lastIndex;
      lastEnd = after;
      const count = countDigits(text, start, after);
      if (count < 8 || count > 20) continue;
      if (!startsToken(text, start) || (start > 0 && badBefore(text.charCodeAt(start - 1)))) continue;
      if (!endsToken(text, after) || badAfter(text, after)) continue;
      let value = text.slice(start, after);
      // A closing parenthesis without its opening one is punctuation around the number.
      if (value.endsWith(')') && !value.includes('(')) value = value.slice(0, -1);
      if (value.startsWith('(') && !value.includes(')')) {
        value = value.slice(1);
        start++;
      }
      // The parentheses cut off above hold no digits: `count` is the number of digits of `value`.
      if (isDateShape(value) || hasTime(value)) continue;
      const hintedWhole = hinted.size > 0 && hinted.has(normalisePhoneDigits(value));
      let parts: { value: string; start: number }[];
      let lookalike = -1;
      if (hintedWhole) parts = [{ value, start }];
      else if ((lookalike = isLookalike(keywords, start, WORDS.phone) ? 1 : 0) === 1 && !hasSpace(value)) continue;
      else if (count <= 15 && validIn(value, phoneRegions)) {
        if (lookalike === 1) continue;
        parts = [{ value, start }];
      } else if (hasSpace(value)) {
        parts = splitMerged(value, start, phoneRegions).filter((p) => !isLookalike(keywords, p.start, WORDS.phone));
      } else continue;
      for (const part of parts) {
        const isHinted = hintedWhole || (hinted.size > 0 && hinted.has(normalisePhoneDigits(part.value)));
        const context = keywords.before(WORDS.phone, part.start, 32);
        const confidence = isHinted ? 1 : context ? 0.95 : 0.85;
        out.push({
          type: 'PHONE',
          start: part.start,
          end: part.start + part.value.length,
          value: part.value,
          confidence,
        });
      }
    }
    return out;
  },
};

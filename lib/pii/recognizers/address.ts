import { isSpaceCode, LETTER, startsToken, UPPER } from '../context/boundary';
import type { DigitRuns } from '../context/digit-runs';
import { defineWords } from '../context/keywords';
import type { Finding, Recognizer } from '../types';

/**
 * Street addresses: street + house number + addition. Dutch/German streets end in a street word
 * ("Kerkstraat 12-2", "Burgemeester de Vlugtlaan 3 bis", "Hauptstraße 5a"); English and French ones put the
 * number first ("221B Baker Street", "12 rue de la Paix"). The suffix is found first; the street name is then
 * read backwards from it, which keeps the scan linear.
 */
const SUFFIXES_NL_DE =
  'straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|park|pad|steeg|markt|baan|ring|wal|burg|veld|erf|hoek|plantsoen|boulevard|allee|haven|kanaal|zijde|lei|steenweg|straße|strasse|str\\.|gasse|platz|ufer|damm|chaussee';
// A street word ends right before the house number: start from the runs of digits (scan.digitRuns) with one
// or two spaces and a letter before them, and test the word before each, instead of trying every suffix at every
// position of the text.
// Only the last characters of the street words can end one ("straat" → t, "str." → .).
const LAST_CHARS = [
  ...new Set(
    SUFFIXES_NL_DE.replace(/\\/g, '')
      .split('|')
      .map((w) => w[w.length - 1]),
  ),
].join('');
const LAST_CODES = new Set([...LAST_CHARS].map((c) => c.charCodeAt(0)));
/** Where a street word may end right before a number: a last character, one or two spaces, a run of digits. */
function beforeNumber(text: string, runStart: number): number {
  if (!isSpaceCode(text.charCodeAt(runStart - 1))) return -1;
  if (LAST_CODES.has(text.charCodeAt(runStart - 2))) return runStart - 2;
  if (isSpaceCode(text.charCodeAt(runStart - 2)) && LAST_CODES.has(text.charCodeAt(runStart - 3))) return runStart - 3;
  return -1;
}
/** The street words by last character, longest first: the longest one ending at a spot is the street word. */
const BY_LAST = new Map<number, string[]>();
for (const w of SUFFIXES_NL_DE.replace(/\\/g, '').split('|')) {
  const last = w.charCodeAt(w.length - 1);
  BY_LAST.set(
    last,
    [...(BY_LAST.get(last) ?? []), w].sort((a, b) => b.length - a.length),
  );
}
/** Length of the longest street word ending at `end` (0 when none), read in place. */
function suffixBefore(text: string, end: number): number {
  const words = BY_LAST.get(text.charCodeAt(end - 1));
  if (words) for (const w of words) if (text.endsWith(w, end)) return w.length;
  return 0;
}
// Sticky: tried only where a name can start (a capital or the apostrophe of 's-), from left to right, which
// finds the same (leftmost) match as an unanchored search without trying every position of the window.
const NAME_BEFORE =
  /(?:\p{Lu}[\p{L}'’.-]*[ \t](?:(?:van|de|der|den|het|ter|ten|op|aan|in|bij|von|am|an|'t)[ \t]){0,2}){0,2}(?:'s-)?\p{Lu}[\p{L}'’-]*$/uy;
const UPPER_CHAR = /\p{Lu}/u;
/** Whether a code unit is an upper-case letter (\p{Lu}), cached per code unit. */
const upperCache = new Uint8Array(0x10000);
function isUpperCode(c: number): boolean {
  let v = upperCache[c] as number;
  if (v === 0) {
    v = UPPER_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    upperCache[c] = v;
  }
  return v === 1;
}

/** NAME_BEFORE.exec(window) without trying positions where no name can start. */
function nameBefore(window: string): RegExpExecArray | null {
  for (let s = 0; s < window.length; s++) {
    const c = window.charCodeAt(s);
    if (c !== 39 && (c < 0xd800 || c > 0xdbff) && !isUpperCode(c)) continue;
    NAME_BEFORE.lastIndex = s;
    const m = NAME_BEFORE.exec(window);
    if (m) return m;
  }
  return null;
}
// Sticky at the end of the street word (a match is at most 14 characters long).
const NUMBER_AFTER =
  /\s{1,2}\d{1,5}(?:\s?-\s?\d{1,4}(?!\d)|\s?-?[A-Za-z](?![\p{L}\p{N}])|\s(?:bis|hs|huis|bg|boven|I{1,3})(?![\p{L}])|-[A-Za-z]{1,2}\d?(?![\p{L}]))?/uy;
// Sticky: tried only at the spots numberFirstSpots() gives. Every word starts with its only capital, so the matches
// of a global search cannot overlap and are exactly the spots where this matches.
const SUFFIX_EN =
  /(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Close|Court|Ct|Crescent|Place|Square|Terrace|Gardens|Boulevard|Blvd|Grove|Mews|Row|Hill|Parade|Walk)\b\.?/y;
const NUMBER_FIRST_BEFORE = /(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?,?\s(?:\p{Lu}[\p{L}'’-]*\s){1,3}$/u;
const FRENCH = new RegExp(
  `\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s(?:rue|avenue|boulevard|bd|chemin|place|allée|impasse|quai|route)\\s(?:(?:de|du|des|la|le|l'|d')\\s?){0,2}[${UPPER}][${LETTER}'’-]*(?:\\s[${UPPER}][${LETTER}'’-]*){0,2}`,
  'y',
);
const PREFIX_NL = new RegExp(
  `(?:Laan|Plein|Dijk|Kade) (?:(?:van|der|de|den|op|te) ){1,2}[${UPPER}][${LETTER}'’-]*(?: [${UPPER}][${LETTER}'’-]*){0,2} \\d{1,5}(?:\\s?-\\s?\\d{1,4}|[A-Za-z](?![${LETTER}]))?`,
  'y',
);
// PREFIX_NL used to search the whole text; only its matches at a token start count, and those start with one of
// these words at a token start, which the shared keyword pass finds. Two matches cannot overlap (inside a match,
// no capitalised word is followed by a particle), so trying the pattern at each of these finds the same ones.
const PREFIX_NL_WORDS = defineWords('street-prefix-nl', ['laan ', 'plein ', 'dijk ', 'kade ']);
// Capitalised words that start a sentence or label rather than a street name.
const LEADING_NOISE =
  /^(?:(?:Adres|Address|Adresse|Anschrift|Mijn|My|Ik|Op|Aan|Naar|Woonachtig|Wonend|Nieuw|Nieuwe|New|Het|De|Via|Bij|In|At|To|Send|Stuur|Naar|Graag|Please|Now|Nu|Is|Oud|Oude|Old)\s)+/u;

/**
 * Where an English street word may start after "12 ", "221B ", "5, " and one to three capitalised words (the
 * only spots NUMBER_FIRST_BEFORE can match before it), read forwards from the end of every run of digits; sorted,
 * without duplicates. Looser than the pattern (a word is any run of non-blanks starting with a capital or an
 * astral character), so every spot the pattern accepts is among them; each is then checked with the patterns.
 * Replaces a search of the whole text for the 27 street words, which tried the alternation at every position.
 */
function numberFirstSpots(text: string, runs: DigitRuns): number[] {
  const spots: number[] = [];
  const n = text.length;
  let sorted = true;
  for (let r = 0; r < runs.length; r += 2) {
    let pos = runs[r + 1] as number;
    let c = text.charCodeAt(pos);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) c = text.charCodeAt(++pos);
    if (c === 44) c = text.charCodeAt(++pos);
    if (pos >= n || !isSpaceCode(c)) continue;
    pos++;
    for (let w = 0; w < 3 && pos < n; w++) {
      const first = text.charCodeAt(pos);
      if (!isUpperCode(first) && (first < 0xd800 || first > 0xdbff)) break;
      pos++;
      while (pos < n && !isSpaceCode(text.charCodeAt(pos))) pos++;
      if (pos >= n) break;
      pos++;
      if (spots.length > 0 && pos <= (spots[spots.length - 1] as number)) sorted = false;
      spots.push(pos);
    }
  }
  if (!sorted) spots.sort((a, b) => a - b);
  return spots;
}

/**
 * FRENCH can match at a run of digits only when what follows starts like " bis", "ter", ",", " rue" …: a blank,
 * b, t or a comma, and after a blank b, t or the first letter of a street word (r, a, b, c, p, i, q).
 */
function mayStartFrench(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c === 98 || c === 116 || c === 44) return true;
  if (!isSpaceCode(c)) return false;
  const d = text.charCodeAt(end + 1);
  return d === 114 || d === 97 || d === 98 || d === 99 || d === 112 || d === 105 || d === 113 || d === 116;
}

export const address: Recognizer = {
  id: 'address',
  types: ['ADDRESS'],
  detect({ text, digitRuns, keywords }) {
    const out: Finding[] = [];
    const push = (start: number, end: number, confidence: number) =>
      out.push({ type: 'ADDRESS', start, end, value: text.slice(start, end), confidence });
    for (let r = 0; r < digitRuns.length; r += 2) {
      const b = beforeNumber(text, digitRuns[r] as number);
      if (b < 0) continue;
      const suffixEnd = b + 1;
      const suffix = suffixBefore(text, suffixEnd);
      if (suffix === 0) continue;
      NUMBER_AFTER.lastIndex = suffixEnd;
      if (!NUMBER_AFTER.test(text)) continue;
      const numberEnd = NUMBER_AFTER.lastIndex;
      const windowStart = Math.max(0, suffixEnd - suffix - 60);
      const name = nameBefore(text.slice(windowStart, suffixEnd));
      if (!name) continue;
      let start = windowStart + name.index;
      const noise = LEADING_NOISE.exec(name[0]);
      if (noise) start += noise[0].length;
      if (suffixEnd - start < 6) continue;
      push(start, numberEnd, 0.85);
    }
    const spots = numberFirstSpots(text, digitRuns);
    for (let k = 0; k < spots.length; k++) {
      const at = spots[k] as number;
      if (k > 0 && at === spots[k - 1]) continue;
      SUFFIX_EN.lastIndex = at;
      if (!SUFFIX_EN.test(text) || !isSpaceCode(text.charCodeAt(at - 1))) continue;
      const suffixEnd = SUFFIX_EN.lastIndex;
      const windowStart = Math.max(0, at - 60);
      const before = NUMBER_FIRST_BEFORE.exec(text.slice(windowStart, at));
      if (before) push(windowStart + before.index, suffixEnd, 0.8);
    }
    // French: a house number of at most four digits at a token start, then the street word.
    for (let r = 0; r < digitRuns.length; r += 2) {
      const start = digitRuns[r] as number;
      const end = digitRuns[r + 1] as number;
      if (end - start > 4 || !mayStartFrench(text, end) || !startsToken(text, start)) continue;
      FRENCH.lastIndex = start;
      if (FRENCH.test(text)) push(start, FRENCH.lastIndex, 0.8);
    }
    const prefixed = keywords.list(PREFIX_NL_WORDS).starts;
    for (let k = 0; k < prefixed.length; k++) {
      const at = prefixed[k] as number;
      PREFIX_NL.lastIndex = at;
      if (PREFIX_NL.test(text) && startsToken(text, at)) push(at, PREFIX_NL.lastIndex, 0.85);
    }
    return out;
  },
};

import {
  BSN_WORDS,
  CARD_WORDS,
  DOB_WORDS,
  ID_CARD_WORDS,
  LOOKALIKE_WORDS,
  PASSPORT_WORDS,
  PHONE_WORDS,
  PLATE_WORDS,
  POSTCODE_WORDS,
} from './context-words';
import { isSpaceCode } from './boundary';
import { defineWords, type Keywords } from './keywords';

/** The context word lists, registered once with the shared keyword pass (see keywords.ts). */
export const WORDS = {
  phone: defineWords('phone', PHONE_WORDS),
  bsn: defineWords('bsn', BSN_WORDS),
  card: defineWords('card', CARD_WORDS),
  plate: defineWords('plate', PLATE_WORDS),
  postcode: defineWords('postcode', POSTCODE_WORDS),
  lookalike: defineWords('lookalike', LOOKALIKE_WORDS),
  dob: defineWords(
    'dob',
    DOB_WORDS.map((w) => w.trim()),
    'letter',
  ),
  passport: defineWords('passport', PASSPORT_WORDS),
  idCard: defineWords('id-card', ID_CARD_WORDS),
};

/** What may sit between a look-alike word and the number: two digit-free words and punctuation. */
export const LOOKALIKE_TAIL = /^[^\s\d]*(?:\s+[^\s\d]{1,14}){0,2}[\s:#.()°-]*$/;

/** [:#.()°-]: the punctuation LOOKALIKE_TAIL allows after the words. */
const isTailPunct = (c: number) => c === 58 || c === 35 || c === 46 || c === 40 || c === 41 || c === 0xb0 || c === 45;

/**
 * LOOKALIKE_TAIL.test(text.slice(from, to)), read in place (this runs for nearly every number candidate). No digit
 * anywhere; the first word is free; of the words after it, the pattern takes at most two (14 characters each, the
 * rest of a longer one only as the last taken word and only if that rest is punctuation); every word after the
 * taken ones is punctuation only. Taking a word whenever it fits is never worse, so one pass from the left decides.
 * tests/unit/pii/lookalike-tail.test.ts compares the two on random strings.
 */
export function lookalikeTail(text: string, from: number, to: number): boolean {
  // The first word (the rest of the look-alike word).
  let k = from;
  while (k < to && !isSpaceCode(text.charCodeAt(k))) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) return false;
    k++;
  }
  // taken = words the pattern took after the first; punctOnly = every later word must be punctuation only.
  let taken = 0;
  let punctOnly = false;
  while (k < to) {
    while (k < to && isSpaceCode(text.charCodeAt(k))) k++;
    if (k >= to) break;
    const s = k;
    let allPunct = true;
    let punctFrom14 = true;
    while (k < to && !isSpaceCode(text.charCodeAt(k))) {
      const c = text.charCodeAt(k);
      if (c >= 48 && c <= 57) return false;
      if (!isTailPunct(c)) {
        allPunct = false;
        if (k - s >= 14) punctFrom14 = false;
      }
      k++;
    }
    if (punctOnly || taken === 2) {
      if (!allPunct) return false;
      continue;
    }
    // Take this word if it fits in 14 characters; a longer one only as the last taken word, with a punctuation rest.
    if (k - s <= 14) taken++;
    else if (punctFrom14) {
      taken++;
      punctOnly = true;
    } else if (!allPunct) return false;
    else punctOnly = true;
  }
  return true;
}

/**
 * A look-alike word directly before the candidate, separated by at most two digit-free words and
 * punctuation ("bestelnummer 0651…", "order #: 0651…", "het ordernummer is 0651…").
 * A word of list `keep` in between cancels the rejection ("klant telefoon: 06…").
 */
export function isLookalike(kw: Keywords, start: number, keep?: number): boolean {
  const h = kw.list(WORDS.lookalike);
  for (let k = kw.firstFrom(h, start - 48); k < h.starts.length && (h.starts[k] as number) < start; k++) {
    const s = h.starts[k] as number;
    const e = h.ends[k] as number;
    if (e > start || !lookalikeTail(kw.text, e, start)) continue;
    return !(keep !== undefined && kw.within(keep, s + 1, start));
  }
  return false;
}

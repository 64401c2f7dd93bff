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
const LOOKALIKE_TAIL = /^[^\s\d]*(?:\s+[^\s\d]{1,14}){0,2}[\s:#.()°-]*$/;

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
    if (e > start || !LOOKALIKE_TAIL.test(kw.text.slice(e, start))) continue;
    return !(keep !== undefined && kw.within(keep, s + 1, start));
  }
  return false;
}

import { isLookalike, WORDS } from '../context/context-match';
import { isStandaloneNumber } from '../context/boundary';
import { boundaryBefore } from '../context/digit-runs';
import { elfproefValid } from '../validators/elfproef';
import type { Finding, Recognizer } from '../types';

/** Dutch citizen service numbers (BSN): 9 digits (also 123.456.789, 1234.56.789, 123 456 789) passing the elfproef. */
const CANDIDATE = /(?:\d{4}\.\d{2}\.\d{3}|\d{3}([ .-]?)\d{3}\1\d{3})(?![0-9A-Za-z]|[.,-]\d)/y;

export const nlBsn: Recognizer = {
  id: 'nl-bsn',
  types: ['NL_BSN'],
  detect({ text, keywords, digitRuns }) {
    const out: Finding[] = [];
    let lastEnd = 0;
    // A candidate starts a run of 3, 4 or 9 digits at a word boundary.
    for (let r = 0; r < digitRuns.length; r += 2) {
      const start = digitRuns[r] as number;
      const length = (digitRuns[r + 1] as number) - start;
      if ((length !== 3 && length !== 4 && length !== 9) || start < lastEnd || !boundaryBefore(text, start)) continue;
      // test() and lastIndex rather than exec(): no result array per candidate.
      CANDIDATE.lastIndex = start;
      if (!CANDIDATE.test(text)) continue;
      const after = CANDIDATE.lastIndex;
      lastEnd = after;
      if (!isStandaloneNumber(text, start, after)) continue;
      const value = text.slice(start, after);
      if (!elfproefValid(value.replace(/\D/g, ''))) continue;
      if (isLookalike(keywords, start, WORDS.bsn)) continue;
      const confidence = keywords.before(WORDS.bsn, start, 48) ? 0.97 : 0.6;
      out.push({ type: 'NL_BSN', start, end: after, value, confidence });
    }
    return out;
  },
};

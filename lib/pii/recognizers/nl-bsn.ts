import { isLookalike, WORDS } from '../context/context-match';
import { isStandaloneNumber } from '../context/boundary';
import { elfproefValid } from '../validators/elfproef';
import type { Finding, Recognizer } from '../types';

/** Dutch citizen service numbers (BSN): 9 digits (also 123.456.789, 1234.56.789, 123 456 789) passing the elfproef. */
const CANDIDATE = /\b(?:\d{4}\.\d{2}\.\d{3}|\d{3}([ .-]?)\d{3}\1\d{3})(?![0-9A-Za-z]|[.,-]\d)/g;

export const nlBsn: Recognizer = {
  id: 'nl-bsn',
  types: ['NL_BSN'],
  detect({ text, keywords }) {
    const out: Finding[] = [];
    for (const m of text.matchAll(CANDIDATE)) {
      const after = m.index + m[0].length;
      if (!isStandaloneNumber(text, m.index, after)) continue;
      const digits = m[0].replace(/\D/g, '');
      if (!elfproefValid(digits)) continue;
      if (isLookalike(keywords, m.index, WORDS.bsn)) continue;
      const confidence = keywords.before(WORDS.bsn, m.index, 48) ? 0.97 : 0.6;
      out.push({ type: 'NL_BSN', start: m.index, end: m.index + m[0].length, value: m[0], confidence });
    }
    return out;
  },
};

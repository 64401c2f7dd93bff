import type { Finding, PiiType, Recognizer } from '../types';
import { isSpaceCode } from './boundary';
import { defineWords } from './keywords';

/**
 * GDPR Art. 9/10 categories are reported per sentence: the sentence that mentions a health condition,
 * a religion, a union membership … is the personal data, not the keyword alone.
 * Words ending in `*` match as a prefix ("diabet*"), others as whole words. `idioms` cancel a hit
 * ("sick of waiting", "ziek van"). The keywords are found by the engine's one shared keyword pass (keywords.ts).
 */
export interface SentenceCategory {
  id: string;
  type: PiiType;
  words: readonly string[];
  idioms?: readonly string[];
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** . ! ? or a newline (read as code units: `text[i]` made a string per character, and its first call on another
 * kind of string, one- or two-byte, threw away the compiled function). */
const isBoundary = (c: number) => c === 46 || c === 33 || c === 63 || c === 10;

/** Sentence around `index`: from after the previous . ! ? or newline to the next one (inclusive). */
export function sentenceAround(text: string, index: number): { start: number; end: number } {
  let s = index;
  while (s > 0 && !isBoundary(text.charCodeAt(s - 1))) s--;
  let e = index;
  while (e < text.length && !isBoundary(text.charCodeAt(e))) e++;
  if (e < text.length && text.charCodeAt(e) !== 10) e++;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

export function sentenceRecognizer(category: SentenceCategory): Recognizer {
  // Two keyword lists: prefix words ("diabet*") and whole words.
  const prefixes = defineWords(
    `${category.id}*`,
    category.words.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1)),
  );
  const whole = defineWords(
    category.id,
    category.words.filter((w) => !w.endsWith('*')),
    'token',
  );
  const idioms = category.idioms?.length
    ? new RegExp(`(?:^|[^a-z])(?:${category.idioms.map(escape).join('|')})`, 'i')
    : null;
  return {
    id: category.id,
    types: [category.type],
    detect(scan) {
      const out: Finding[] = [];
      const { text, keywords } = scan;
      let lastEnd = -1;
      const a = keywords.list(prefixes).starts;
      const b = keywords.list(whole).starts;
      const hits = a.length === 0 ? b : b.length === 0 ? a : [...a, ...b].sort((x, y) => x - y);
      for (const index of hits) {
        if (index < lastEnd) continue;
        const { start, end } = sentenceAround(text, index);
        lastEnd = end;
        if (idioms && idioms.test(text.slice(start, end))) continue;
        out.push({ type: category.type, start, end, value: text.slice(start, end), confidence: 0.75 });
      }
      return out;
    },
  };
}

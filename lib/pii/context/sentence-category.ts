import type { Finding, PiiType, Recognizer } from '../types';

/**
 * GDPR Art. 9/10 categories are reported per sentence: the sentence that mentions a health condition,
 * a religion, a union membership … is the personal data, not the keyword alone.
 * Words ending in `*` match as a prefix ("diabet*"), others as whole words. `idioms` cancel a hit
 * ("sick of waiting", "ziek van").
 */
export interface SentenceCategory {
  id: string;
  type: PiiType;
  words: readonly string[];
  idioms?: readonly string[];
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(words: readonly string[]): RegExp {
  const parts = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => (w.endsWith('*') ? escape(w.slice(0, -1)) : `${escape(w)}(?![\\p{L}\\p{N}])`));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})`, 'gu');
}

const BOUNDARY = /[.!?\n]/;

/** Sentence around `index`: from after the previous . ! ? or newline to the next one (inclusive). */
export function sentenceAround(text: string, index: number): { start: number; end: number } {
  let s = index;
  while (s > 0 && !BOUNDARY.test(text[s - 1] as string)) s--;
  let e = index;
  while (e < text.length && !BOUNDARY.test(text[e] as string)) e++;
  if (e < text.length && text[e] !== '\n') e++;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}

export function sentenceRecognizer(category: SentenceCategory): Recognizer {
  const words = compile(category.words);
  const idioms = category.idioms?.length ? compile(category.idioms) : null;
  return {
    id: category.id,
    types: [category.type],
    detect({ text, lower }) {
      const out: Finding[] = [];
      let lastEnd = -1;
      for (const m of lower.matchAll(words)) {
        if (m.index < lastEnd) continue;
        const { start, end } = sentenceAround(text, m.index);
        lastEnd = end;
        if (idioms) {
          idioms.lastIndex = 0;
          if (idioms.test(lower.slice(start, end))) continue;
        }
        out.push({ type: category.type, start, end, value: text.slice(start, end), confidence: 0.75 });
      }
      return out;
    },
  };
}

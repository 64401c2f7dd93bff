import type { Finding, PiiType, Recognizer, Scan } from '../types';
import { endsToken, startsToken } from './boundary';

/**
 * GDPR Art. 9/10 categories are reported per sentence: the sentence that mentions a health condition,
 * a religion, a union membership … is the personal data, not the keyword alone.
 * Words ending in `*` match as a prefix ("diabet*"), others as whole words. `idioms` cancel a hit
 * ("sick of waiting", "ziek van"). All categories share one pass over the text: the first category
 * recognizer that runs on a scan finds every category's keywords and caches them on the scan.
 */
export interface SentenceCategory {
  id: string;
  type: PiiType;
  words: readonly string[];
  idioms?: readonly string[];
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const categories: SentenceCategory[] = [];
const owner = new Map<string, { type: PiiType; prefix: boolean }>();
let combined: RegExp | null = null;
const cache = new WeakMap<Scan, Map<PiiType, number[]>>();

function combinedRegex(): RegExp {
  if (!combined) {
    const words = [...owner.keys()].sort((a, b) => b.length - a.length).map(escape);
    combined = new RegExp(`\\b(?:${words.join('|')})`, 'g');
  }
  return combined;
}

/** Keyword positions per category type, computed once per scan for all categories. */
function hits(scan: Scan): Map<PiiType, number[]> {
  let found = cache.get(scan);
  if (found) return found;
  found = new Map();
  const { lower } = scan;
  for (const m of lower.matchAll(combinedRegex())) {
    if (!startsToken(lower, m.index)) continue;
    const entry = owner.get(m[0]);
    if (!entry || (!entry.prefix && !endsToken(lower, m.index + m[0].length))) continue;
    const list = found.get(entry.type) ?? [];
    list.push(m.index);
    found.set(entry.type, list);
  }
  cache.set(scan, found);
  return found;
}

const isBoundary = (c: string | undefined) => c === '.' || c === '!' || c === '?' || c === '\n';

/** Sentence around `index`: from after the previous . ! ? or newline to the next one (inclusive). */
export function sentenceAround(text: string, index: number): { start: number; end: number } {
  let s = index;
  while (s > 0 && !isBoundary(text[s - 1])) s--;
  let e = index;
  while (e < text.length && !isBoundary(text[e])) e++;
  if (e < text.length && text[e] !== '\n') e++;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}

export function sentenceRecognizer(category: SentenceCategory): Recognizer {
  categories.push(category);
  for (const w of category.words) {
    const prefix = w.endsWith('*');
    owner.set(prefix ? w.slice(0, -1) : w, { type: category.type, prefix });
  }
  combined = null;
  const idioms = category.idioms?.length
    ? new RegExp(`(?:^|[^a-z])(?:${category.idioms.map(escape).join('|')})`)
    : null;
  return {
    id: category.id,
    types: [category.type],
    detect(scan) {
      const out: Finding[] = [];
      const { text, lower } = scan;
      let lastEnd = -1;
      for (const index of hits(scan).get(category.type) ?? []) {
        if (index < lastEnd) continue;
        const { start, end } = sentenceAround(text, index);
        lastEnd = end;
        if (idioms && idioms.test(lower.slice(start, end))) continue;
        out.push({ type: category.type, start, end, value: text.slice(start, end), confidence: 0.75 });
      }
      return out;
    },
  };
}

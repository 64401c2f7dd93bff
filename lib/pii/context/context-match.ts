/** Word-list matching around a candidate span; lists are compiled once into one regular expression each. */

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

/** `(?<![a-z])(?:word1|word2…)`: each word must start a token. */
export function wordsRegex(words: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${alternation(words)})`);
}

/** True when one of the words occurs within `window` characters before `start` (lower-cased text). */
export function hasWordBefore(lower: string, start: number, words: RegExp, window = 40): boolean {
  return words.test(lower.slice(Math.max(0, start - window), start));
}

/** True when one of the words occurs within `window` characters after `end`. */
export function hasWordAfter(lower: string, end: number, words: RegExp, window = 30): boolean {
  return words.test(lower.slice(end, end + window));
}

/**
 * A look-alike word directly before the candidate, separated by at most two digit-free words and
 * punctuation ("bestelnummer 0651…", "order #: 0651…", "het ordernummer is 0651…").
 * `keep` lists words that cancel the rejection when they sit in between ("klant telefoon: 06…").
 */
export function lookalikeTailRegex(lookalike: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${alternation(lookalike)})[^\\s\\d]*(?:\\s+[^\\s\\d]{1,14}){0,2}[\\s:#.()°-]*$`);
}

export function isLookalike(lower: string, start: number, tail: RegExp, keep?: RegExp): boolean {
  const before = lower.slice(Math.max(0, start - 48), start);
  const m = tail.exec(before);
  if (!m) return false;
  return !(keep && keep.test(m[0].slice(1)));
}

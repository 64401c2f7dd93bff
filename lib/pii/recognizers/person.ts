import { GREETINGS, INTRODUCTIONS, NOT_NAMES, SIGN_OFFS, TITLES } from '../context/name-words';
import { isRoleOrField } from '../context/role-label';
import { LETTER, LOWER, UPPER } from '../context/boundary';
import { defineWords, type ListHits } from '../context/keywords';
import type { Finding, Recognizer, Scan } from '../types';

/**
 * Person names from context: greetings ("Beste Sanne,", "Dear Mr Smith"), introductions ("Mijn naam is …"),
 * titles ("mevrouw De Vries"), sign-offs ("Met vriendelijke groet,\nJan Jansen"), chat speaker labels
 * ("[10:32] Sanne de Boer: …") and e-mail headers ("Van: …"); plus the conversation's known names (hints).
 */
const alt = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

/** Case-insensitive words without the `i` flag, which would also make `\p{Lu}` match lower case. */
const ci = (words: readonly string[]) =>
  alt(words).replace(/\p{L}/gu, (c) =>
    c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`,
  );

const PARTICLE = "(?:van|de|der|den|ter|ten|te|von|da|di|du|le|la|el|al|bin|'t)";
// Ends in lower case, may hold inner capitals: Gert-Jan, McCarthy, O'Brien.
const WORD = `[${UPPER}][${LETTER}'’-]*[${LOWER}]`;
const INITIALS = `(?:[${UPPER}]\\.(?:\\s?[${UPPER}]\\.)*\\s?)`;
const NAME = `(?:${INITIALS}?${WORD}|${INITIALS})(?:[ \\t](?:${PARTICLE}[ \\t]){0,2}(?:${WORD}|[${UPPER}]\\.)){0,2}`;
const TITLE = `(?:(?:${ci(TITLES)})\\.?[ \\t]+)`;

type Kind = 'greeting' | 'intro' | 'title' | 'signoff';
// Trigger words come from the shared keyword pass; the name is then read right after the longest one.
const KINDS: [Kind, number][] = [
  ['greeting', defineWords('greeting', GREETINGS, 'token')],
  ['intro', defineWords('intro', INTRODUCTIONS, 'token')],
  ['title', defineWords('title', TITLES, 'token')],
  ['signoff', defineWords('signoff', SIGN_OFFS, 'token')],
];
const AFTER: Record<Kind, RegExp> = {
  greeting: new RegExp(`[ \\t,]+${TITLE}?(${NAME})`, 'y'),
  intro: new RegExp(`[ \\t:,]+${TITLE}?(${NAME})`, 'y'),
  title: new RegExp(`\\.?[ \\t]+(${NAME})`, 'y'),
  signoff: new RegExp(
    `[ \\t]*[,.!]?[ \\t]*(?:\\r?\\n[ \\t]*){0,2}(?:[-–—~][ \\t]*)?(${NAME})[ \\t]*(?=$|\\r?\\n|,|\\(|<|\\|)`,
    'y',
  ),
};
const CONFIDENCE: Record<Kind, number> = { greeting: 0.85, intro: 0.85, title: 0.85, signoff: 0.8 };
const SPEAKER = new RegExp(
  `[ \\t]*(?:[\\[(]?\\d{1,2}:\\d{2}(?::\\d{2})?[\\])]?[ \\t]*(?:-[ \\t]*)?)?(${NAME})[ \\t]*(?:\\([^)\\n]{1,20}\\)[ \\t]*)?:`,
  'y',
);
const HEADER = new RegExp(
  `[ \\t]*(?:${ci(['van', 'from', 'aan', 'to', 'von', 'an', 'de', 'à', 'cc'])})[ \\t]*:[ \\t]*(${NAME})`,
  'y',
);

/** First letters of the header words (van, from, aan, to, von, an, de, à, cc), either case. */
const HEADER_FIRST = new Set([...'vfatdcàVFATDCÀ'].map((c) => c.charCodeAt(0)));
const isHeaderWordCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0xe0 || c === 0xc0;
/**
 * Whether the line at `line` can start with a header word (after blanks): its first letter starts one, and the word
 * has at most four letters (from, van, aan, to …) followed by a blank or the colon. Most chat lines ("Daniel: …")
 * fail this before the pattern runs.
 */
function mayStartHeader(text: string, line: number): boolean {
  let k = line;
  while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
  if (!HEADER_FIRST.has(text.charCodeAt(k))) return false;
  let w = k + 1;
  while (w < k + 4 && isHeaderWordCode(text.charCodeAt(w))) w++;
  const c = text.charCodeAt(w);
  return c === 32 || c === 9 || c === 58;
}

/** Starts of the lines that hold a colon (speaker labels and headers need one); found from the colons. */
function linesWithColon(text: string): number[] {
  const out: number[] = [];
  let colon = text.indexOf(':');
  while (colon !== -1) {
    // A loop back to the line start rather than lastIndexOf (a C++ built-in: a call into the runtime per colon).
    let start = colon;
    while (start > 0 && text.charCodeAt(start - 1) !== 10) start--;
    out.push(start);
    const next = text.indexOf('\n', colon);
    if (next === -1) break;
    colon = text.indexOf(':', next);
  }
  return out;
}

const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'ter',
  'ten',
  'te',
  'von',
  'da',
  'di',
  'du',
  'le',
  'la',
  'el',
  'al',
  'bin',
  "'t",
]);
const LETTER_CHAR = /\p{L}/u;
/** \p{L} per UTF-16 code unit (0 = not computed yet, 1 = letter, 2 = not), as LETTER_CHAR.test(unit) says. */
const letterUnits = new Uint8Array(0x10000);
function isLetterUnit(c: number): boolean {
  let v = letterUnits[c] as number;
  if (v === 0) {
    v = LETTER_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    letterUnits[c] = v;
  }
  return v === 1;
}
const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
/** End of raw[s, e) without one trailing "." or ",". */
function withoutPunct(raw: string, s: number, e: number): number {
  const c = raw.charCodeAt(e - 1);
  return e > s && (c === 46 || c === 44) ? e - 1 : e;
}

/** A 16-bit hash of text[from, to), computed in place (no substring). */
function hash16(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h ^ (h >>> 16)) & 0xffff;
}
/** NOT_NAMES as a bit per hash: most tokens are ruled out without cutting them out of the name. */
const NOT_NAME_BITS = new Uint32Array(0x10000 / 32);
for (const w of NOT_NAMES) {
  const h = hash16(w, 0, w.length);
  NOT_NAME_BITS[h >>> 5] = (NOT_NAME_BITS[h >>> 5] as number) | (1 << (h & 31));
}

/** Whether raw[s, e) (one token, without one trailing "." or ",") is a word that is not a name. */
function isNotName(raw: string, s: number, e: number): boolean {
  const end = withoutPunct(raw, s, e);
  const h = hash16(raw, s, end);
  if (((NOT_NAME_BITS[h >>> 5] as number) & (1 << (h & 31))) === 0) return false;
  return NOT_NAMES.has(raw.slice(s, end));
}

/** Whether raw[s, e) is a name particle ("van", "de", "'t" …: at most three characters, lower case or '). */
function isParticle(raw: string, s: number, e: number): boolean {
  const c = raw.charCodeAt(s);
  return e - s <= 3 && ((c >= 97 && c <= 122) || c === 39) && PARTICLES.has(raw.slice(s, e));
}

/** Start of the token ending at `end` (tokens are runs of non-blank characters). */
function tokenStart(raw: string, end: number): number {
  let s = end;
  while (s > 0 && !isBlank(raw.charCodeAt(s - 1))) s--;
  return s;
}

/** End of the last token ending at or before `end`. */
function tokenEndBefore(raw: string, end: number): number {
  let e = end;
  while (e > 0 && isBlank(raw.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * Cut tokens that are not names off both ends of a captured name; null when nothing is left. Tokens are read
 * in place from both ends (no token list, no closures: this runs for every name candidate).
 */
function trimName(raw: string): { offset: number; value: string } | null {
  const n = raw.length;
  // The first token that is not a NOT_NAME.
  let first = -1;
  for (let k = 0; k < n && first < 0;) {
    while (k < n && isBlank(raw.charCodeAt(k))) k++;
    if (k >= n) break;
    const s = k;
    while (k < n && !isBlank(raw.charCodeAt(k))) k++;
    if (!isNotName(raw, s, k)) first = s;
  }
  if (first < 0) return null;
  // The last token that is not a NOT_NAME (the first one is not, so this stops there at the latest) …
  let e = tokenEndBefore(raw, n);
  let s = tokenStart(raw, e);
  while (s !== first && isNotName(raw, s, e)) {
    e = tokenEndBefore(raw, s);
    s = tokenStart(raw, e);
  }
  // … and not a particle.
  while (isParticle(raw, s, e)) {
    if (s === first) return null;
    e = tokenEndBefore(raw, s);
    s = tokenStart(raw, e);
  }
  const value = raw.slice(first, withoutPunct(raw, first, e));
  let letters = 0;
  for (let k = 0; k < value.length && letters < 2; k++) if (isLetterUnit(value.charCodeAt(k))) letters++;
  return letters < 2 ? null : { offset: first, value };
}

/**
 * The last hint pattern, by its names: a conversation's texts are scanned one by one with the same hints, and
 * compiling the pattern (its letter classes are large) cost ~0.1 ms per text (measured on the panel's batches).
 */
let lastHint: { key: string; regex: RegExp | null } | null = null;

function hintRegex(names: readonly string[]): RegExp | null {
  if (names.length === 0) return null;
  const key = names.join('\u0000');
  if (lastHint?.key !== key) lastHint = { key, regex: buildHintRegex(names) };
  // matchAll copies the pattern, so sharing it across calls keeps no state between them.
  return lastHint.regex;
}

function buildHintRegex(names: readonly string[]): RegExp | null {
  const parts = new Set<string>();
  for (const n of names) {
    const name = n.trim();
    if (name.length < 2) continue;
    parts.add(name);
    for (const t of name.split(/\s+/)) if (t.length >= 3 && /^\p{Lu}/u.test(t) && !NOT_NAMES.has(t)) parts.add(t);
  }
  if (parts.size === 0) return null;
  return new RegExp(`(?<![${LETTER}0-9])(?:${alt([...parts])})(?![${LETTER}0-9])`, 'g');
}

/**
 * Trigger words in text order; where several start at one position, the longest (on a tie, the first kind), and
 * the name after each read with its kind's pattern. A merge of the kinds' hit lists, which the keyword pass
 * already gives in text order; a loop rather than a callback per trigger (one compiled function, no closure).
 */
function triggeredNames({ keywords, text }: Scan, out: Finding[]): void {
  const lists: ListHits[] = [];
  for (let l = 0; l < KINDS.length; l++) lists.push(keywords.list((KINDS[l] as [Kind, number])[1]));
  const pos = new Int32Array(lists.length);
  for (;;) {
    let start = Infinity;
    for (let l = 0; l < lists.length; l++) {
      const h = lists[l] as ListHits;
      const p = pos[l] as number;
      if (p < h.starts.length && (h.starts[p] as number) < start) start = h.starts[p] as number;
    }
    if (start === Infinity) return;
    let bestEnd = -1;
    let best = 0;
    for (let l = 0; l < lists.length; l++) {
      const h = lists[l] as ListHits;
      let p = pos[l] as number;
      for (; p < h.starts.length && h.starts[p] === start; p++) {
        if ((h.ends[p] as number) > bestEnd) {
          bestEnd = h.ends[p] as number;
          best = l;
        }
      }
      pos[l] = p;
    }
    const kind = (KINDS[best] as [Kind, number])[0];
    const after = AFTER[kind];
    after.lastIndex = bestEnd;
    const m = after.exec(text);
    if (m) addName(out, m, CONFIDENCE[kind]);
  }
}

/** A PERSON finding for the name captured by `m` (group 1), trimmed of words that are not names. */
function addName(out: Finding[], m: RegExpExecArray, confidence: number): void {
  const raw = m[1];
  if (raw === undefined) return;
  const t = trimName(raw);
  if (!t) return;
  const start = m.index + m[0].lastIndexOf(raw) + t.offset;
  out.push({ type: 'PERSON', start, end: start + t.value.length, value: t.value, confidence });
}

export const person: Recognizer = {
  id: 'person',
  types: ['PERSON'],
  detect(scan) {
    const { text, hints } = scan;
    const out: Finding[] = [];
    triggeredNames(scan, out);
    const lines = linesWithColon(text);
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k] as number;
      if (mayStartHeader(text, line)) {
        HEADER.lastIndex = line;
        const h = HEADER.exec(text);
        if (h) addName(out, h, 0.85);
      }
      SPEAKER.lastIndex = line;
      const m = SPEAKER.exec(text);
      if (!m) continue;
      if (!isRoleOrField(m[1] ?? '')) addName(out, m, 0.8);
    }
    const hinted = hintRegex(hints.names ?? []);
    if (hinted) {
      for (const m of text.matchAll(hinted)) {
        out.push({ type: 'PERSON', start: m.index, end: m.index + m[0].length, value: m[0], confidence: 0.95 });
      }
    }
    return out;
  },
};

import { GREETINGS, INTRODUCTIONS, NOT_NAMES, ROLE_LABELS, SIGN_OFFS, TITLES } from '../context/name-words';
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
// Form-field labels ("Geboortedatum:", "Bezorgadres:", "Ticketnummer:") are not speakers.
const LABEL_SUFFIX = /(?:nummer|number|nr|datum|date|adres|address|code|naam|name|id|mail|telefoon|phone)$/;
const HEADER = new RegExp(
  `[ \\t]*(?:${ci(['van', 'from', 'aan', 'to', 'von', 'an', 'de', 'à', 'cc'])})[ \\t]*:[ \\t]*(${NAME})`,
  'y',
);

/** Starts of the lines that hold a colon (speaker labels and headers need one); found from the colons. */
function linesWithColon(text: string): number[] {
  const out: number[] = [];
  let colon = text.indexOf(':');
  while (colon !== -1) {
    const start = text.lastIndexOf('\n', colon - 1) + 1;
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

/** Whether raw[s, e) (one token, without one trailing "." or ",") is a word that is not a name. */
function isNotName(raw: string, s: number, e: number): boolean {
  return NOT_NAMES.has(raw.slice(s, withoutPunct(raw, s, e)));
}

/** Token bounds of the name being trimmed, reused between calls (no closures or arrays per name). */
const bounds: number[] = [];

/** Cut tokens that are not names off both ends of a captured name; null when nothing is left. */
function trimName(raw: string): { offset: number; value: string } | null {
  // Tokens as [start, end) pairs of the non-space runs (names hold spaces and tabs only).
  bounds.length = 0;
  for (let k = 0; k < raw.length;) {
    while (k < raw.length && isBlank(raw.charCodeAt(k))) k++;
    if (k >= raw.length) break;
    const s = k;
    while (k < raw.length && !isBlank(raw.charCodeAt(k))) k++;
    bounds.push(s, k);
  }
  let i = 0;
  let j = bounds.length / 2 - 1;
  while (i <= j && isNotName(raw, bounds[2 * i] as number, bounds[2 * i + 1] as number)) i++;
  while (j >= i && isNotName(raw, bounds[2 * j] as number, bounds[2 * j + 1] as number)) j--;
  while (j >= i && PARTICLES.has(raw.slice(bounds[2 * j] as number, bounds[2 * j + 1] as number))) j--;
  if (i > j) return null;
  const offset = bounds[2 * i] as number;
  const value = raw.slice(offset, withoutPunct(raw, offset, bounds[2 * j + 1] as number));
  let letters = 0;
  for (let k = 0; k < value.length && letters < 2; k++) if (isLetterUnit(value.charCodeAt(k))) letters++;
  return letters < 2 ? null : { offset, value };
}

function hintRegex(names: readonly string[]): RegExp | null {
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
 * Trigger words in text order; where several start at one position, the longest (on a tie, the first kind).
 * A merge of the kinds' hit lists, which the keyword pass already gives in text order.
 */
function forEachTrigger({ keywords }: Scan, visit: (end: number, kind: Kind) => void): void {
  const lists = KINDS.map(([, id]) => keywords.list(id));
  const pos = lists.map(() => 0);
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
    visit(bestEnd, (KINDS[best] as [Kind, number])[0]);
  }
}

export const person: Recognizer = {
  id: 'person',
  types: ['PERSON'],
  detect(scan) {
    const { text, hints } = scan;
    const out: Finding[] = [];
    const add = (m: RegExpMatchArray, confidence: number) => {
      const raw = m[1];
      if (raw === undefined || m.index === undefined) return;
      const t = trimName(raw);
      if (!t) return;
      const start = m.index + m[0].lastIndexOf(raw) + t.offset;
      out.push({ type: 'PERSON', start, end: start + t.value.length, value: t.value, confidence });
    };
    forEachTrigger(scan, (end, kind) => {
      const after = AFTER[kind];
      after.lastIndex = end;
      const m = after.exec(text);
      if (m) add(m, CONFIDENCE[kind]);
    });
    for (const line of linesWithColon(text)) {
      HEADER.lastIndex = line;
      const h = HEADER.exec(text);
      if (h) add(h, 0.85);
      SPEAKER.lastIndex = line;
      const m = SPEAKER.exec(text);
      if (!m) continue;
      const label = (m[1] ?? '').toLowerCase();
      if (!ROLE_LABELS.has(label) && !LABEL_SUFFIX.test(label)) add(m, 0.8);
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

import { GREETINGS, INTRODUCTIONS, NOT_NAMES, ROLE_LABELS, SIGN_OFFS, TITLES } from '../context/name-words';
import { endsToken, LETTER, LOWER, startsToken, UPPER } from '../context/boundary';
import type { Finding, Recognizer } from '../types';

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
const KIND = new Map<string, Kind>();
for (const w of GREETINGS) KIND.set(w, 'greeting');
for (const w of INTRODUCTIONS) KIND.set(w, 'intro');
for (const w of SIGN_OFFS) KIND.set(w, 'signoff');
for (const w of TITLES) KIND.set(w, 'title');
// One pass over the lower-cased text finds every trigger word; the name is then read right after it.
// `\b` first lets V8 skip positions inside words (4x faster than the bare alternation).
const TRIGGER = new RegExp(`\\b(?:${alt([...KIND.keys()])})`, 'g');
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
  `^[ \\t]*(?:[\\[(]?\\d{1,2}:\\d{2}(?::\\d{2})?[\\])]?[ \\t]*(?:-[ \\t]*)?)?(${NAME})[ \\t]*(?:\\([^)\\n]{1,20}\\)[ \\t]*)?:`,
  'gm',
);
// Form-field labels ("Geboortedatum:", "Bezorgadres:", "Ticketnummer:") are not speakers.
const LABEL_SUFFIX = /(?:nummer|number|nr|datum|date|adres|address|code|naam|name|id|mail|telefoon|phone)$/;
const HEADER = new RegExp(
  `^[ \\t]*(?:${ci(['van', 'from', 'aan', 'to', 'von', 'an', 'de', 'à', 'cc'])})[ \\t]*:[ \\t]*(${NAME})`,
  'gm',
);

/** Cut tokens that are not names off both ends of a captured name; null when nothing is left. */
function trimName(raw: string): { offset: number; value: string } | null {
  const tokens = [...raw.matchAll(/\S+/g)];
  let i = 0;
  let j = tokens.length - 1;
  while (i <= j && NOT_NAMES.has(tokens[i]![0].replace(/[.,]$/, ''))) i++;
  while (j >= i && NOT_NAMES.has(tokens[j]![0].replace(/[.,]$/, ''))) j--;
  while (j >= i && /^(?:van|de|der|den|ter|ten|te|von|da|di|du|le|la|el|al|bin|'t)$/.test(tokens[j]![0])) j--;
  if (i > j) return null;
  const offset = tokens[i]!.index;
  const value = raw.slice(offset, tokens[j]!.index + tokens[j]![0].length).replace(/[.,]$/, '');
  if (value.replace(/[^\p{L}]/gu, '').length < 2) return null;
  return { offset, value };
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
    const { lower } = scan;
    for (const t of lower.matchAll(TRIGGER)) {
      const end = t.index + t[0].length;
      if (!startsToken(lower, t.index) || !endsToken(lower, end)) continue;
      const kind = KIND.get(t[0]) as Kind;
      const after = AFTER[kind];
      after.lastIndex = end;
      const m = after.exec(text);
      if (m) add(m, CONFIDENCE[kind]);
    }
    for (const m of text.matchAll(HEADER)) add(m, 0.85);
    for (const m of text.matchAll(SPEAKER)) {
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

import { GREETINGS, INTRODUCTIONS, NOT_NAMES, ROLE_LABELS, SIGN_OFFS, TITLES } from '../context/name-words';
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

const PARTICLE = "(?:van|de|der|den|ter|ten|te|von|da|di|du|le|la|el|al|bin|'t|van der|van den|van de)";
// Ends in lower case, may hold inner capitals: Gert-Jan, McCarthy, O'Brien.
const WORD = "\\p{Lu}[\\p{L}'’-]*\\p{Ll}";
const INITIALS = '(?:\\p{Lu}\\.(?:\\s?\\p{Lu}\\.)*\\s?)';
const NAME = `(?:${INITIALS}?${WORD}|${INITIALS})(?:[ \\t](?:${PARTICLE}[ \\t]){0,2}(?:${WORD}|\\p{Lu}\\.)){0,2}`;
const TITLE = `(?:(?:${ci(TITLES)})\\.?[ \\t]+)`;
const ANCHOR = '(?<![\\p{L}\\p{N}])';

const GREETING = new RegExp(`${ANCHOR}(?:${ci(GREETINGS)})[ \\t,]+${TITLE}?(${NAME})`, 'gu');
const INTRO = new RegExp(`${ANCHOR}(?:${ci(INTRODUCTIONS)})[ \\t:,]+${TITLE}?(${NAME})`, 'gu');
const TITLED = new RegExp(`${ANCHOR}${TITLE}(${NAME})`, 'gu');
const SIGN_OFF = new RegExp(
  `${ANCHOR}(?:${ci(SIGN_OFFS)})[ \\t]*[,.!]?[ \\t]*(?:\\r?\\n[ \\t]*){0,2}(?:[-–—~][ \\t]*)?(${NAME})[ \\t]*(?=$|\\r?\\n|,|\\(|<|\\|)`,
  'gmu',
);
const SPEAKER = new RegExp(
  `^[ \\t]*(?:[\\[(]?\\d{1,2}:\\d{2}(?::\\d{2})?[\\])]?[ \\t]*(?:-[ \\t]*)?)?(${NAME})[ \\t]*(?:\\([^)\\n]{1,20}\\)[ \\t]*)?:`,
  'gmu',
);
// Form-field labels ("Geboortedatum:", "Bezorgadres:", "Ticketnummer:") are not speakers.
const LABEL_SUFFIX = /(?:nummer|number|nr|datum|date|adres|address|code|naam|name|id|mail|telefoon|phone)$/;
const HEADER = new RegExp(
  `^[ \\t]*(?:${ci(['van', 'from', 'aan', 'to', 'von', 'an', 'de', 'à', 'cc'])})[ \\t]*:[ \\t]*(${NAME})`,
  'gmu',
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
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt([...parts])})(?![\\p{L}\\p{N}])`, 'gu');
}

export const person: Recognizer = {
  id: 'person',
  types: ['PERSON'],
  detect({ text, hints }) {
    const out: Finding[] = [];
    const add = (m: RegExpMatchArray, confidence: number) => {
      const raw = m[1];
      if (raw === undefined || m.index === undefined) return;
      const t = trimName(raw);
      if (!t) return;
      const start = m.index + m[0].lastIndexOf(raw) + t.offset;
      out.push({ type: 'PERSON', start, end: start + t.value.length, value: t.value, confidence });
    };
    for (const m of text.matchAll(GREETING)) add(m, 0.85);
    for (const m of text.matchAll(INTRO)) add(m, 0.85);
    for (const m of text.matchAll(TITLED)) add(m, 0.85);
    for (const m of text.matchAll(SIGN_OFF)) add(m, 0.8);
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

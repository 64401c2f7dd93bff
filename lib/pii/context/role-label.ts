import { ROLE_LABELS } from './name-words';

// Chat speaker labels that are roles ("Agent:", "Klant:") or form fields ("Geboortedatum:", "Bezorgadres:",
// "Ticketnummer:") rather than names.
const LABEL_SUFFIXES = [
  'nummer',
  'number',
  'nr',
  'datum',
  'date',
  'adres',
  'address',
  'code',
  'naam',
  'name',
  'id',
  'mail',
  'telefoon',
  'phone',
];
const LABEL_SUFFIX = new RegExp(`(?:${LABEL_SUFFIXES.join('|')})$`);
/** The suffixes' last letters, and the longest role label: most names are ruled out without a lower-case copy. */
const SUFFIX_LAST_LETTERS = new Set(LABEL_SUFFIXES.map((w) => w.charCodeAt(w.length - 1)));
const LONGEST_ROLE = Math.max(...[...ROLE_LABELS].map((r) => r.length));

/** Whether a speaker label is a role or a form field, not a name (this runs for every chat line). */
export function isRoleOrField(label: string): boolean {
  if (label.length > LONGEST_ROLE && !SUFFIX_LAST_LETTERS.has(label.charCodeAt(label.length - 1) | 32)) return false;
  const lower = label.toLowerCase();
  return ROLE_LABELS.has(lower) || LABEL_SUFFIX.test(lower);
}

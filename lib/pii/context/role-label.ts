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
/** The suffixes above by their last letter (lower case), and the longest role label: most names are ruled out early. */
const SUFFIXES_BY_LAST = new Map<number, string[]>();
for (const w of LABEL_SUFFIXES) {
  const last = w.charCodeAt(w.length - 1);
  SUFFIXES_BY_LAST.set(last, [...(SUFFIXES_BY_LAST.get(last) ?? []), w]);
}
const LONGEST_ROLE = Math.max(...[...ROLE_LABELS].map((r) => r.length));

/** A 16-bit hash of the ASCII lower case of label[0, n) (the label holds ASCII only). */
function lowerHash16(label: string, n: number): number {
  let h = 0;
  for (let i = 0; i < n; i++) {
    const c = label.charCodeAt(i);
    h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c | 32 : c)) | 0;
  }
  return (h ^ (h >>> 16)) & 0xffff;
}
/** ROLE_LABELS as a bit per hash of the label's lower case. */
const ROLE_BITS = new Uint32Array(0x10000 / 32);
for (const w of ROLE_LABELS) {
  const h = lowerHash16(w, w.length);
  ROLE_BITS[h >>> 5] = (ROLE_BITS[h >>> 5] as number) | (1 << (h & 31));
}
/** Whether the ASCII lower case of `label` ends with `suffix` (lower case ASCII). */
function endsWithLower(label: string, suffix: string): boolean {
  const off = label.length - suffix.length;
  if (off < 0) return false;
  for (let i = 0; i < suffix.length; i++) {
    const c = label.charCodeAt(off + i);
    if ((c >= 65 && c <= 90 ? c | 32 : c) !== suffix.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * ROLE_LABELS.has(lower) || LABEL_SUFFIX.test(lower) for lower = label.toLowerCase(). A label of ASCII characters
 * (nearly all) is lower-cased in place: a hash bit rules most names out of ROLE_LABELS and the suffixes are compared
 * from the end, without a lower-case copy (this runs for every chat line).
 */
export function isRoleOrField(label: string): boolean {
  const suffixes = SUFFIXES_BY_LAST.get(label.charCodeAt(label.length - 1) | 32);
  const maySuffix = suffixes !== undefined;
  if (!maySuffix && label.length > LONGEST_ROLE) return false;
  for (let i = 0; i < label.length; i++) {
    if (label.charCodeAt(i) > 127) {
      const lower = label.toLowerCase();
      return ROLE_LABELS.has(lower) || (maySuffix && LABEL_SUFFIX.test(lower));
    }
  }
  const h = lowerHash16(label, label.length);
  if (((ROLE_BITS[h >>> 5] as number) & (1 << (h & 31))) !== 0 && ROLE_LABELS.has(label.toLowerCase())) return true;
  if (suffixes === undefined) return false;
  for (let k = 0; k < suffixes.length; k++) if (endsWithLower(label, suffixes[k] as string)) return true;
  return false;
}

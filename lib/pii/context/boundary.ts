/**
 * Token boundaries checked in code. Full-text regular expressions stay free of the `u` flag and of leading
 * look-behinds, which made V8 several times slower; the check on the neighbouring character happens here.
 */
export function isWordCode(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || // 0-9
    (c >= 65 && c <= 90) || // A-Z
    (c >= 97 && c <= 122) || // a-z
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000) // Latin-1 letters and beyond (not ×, ÷, punctuation)
  );
}

/** True when the character before `index` does not continue a word (start of text counts). */
export function startsToken(text: string, index: number): boolean {
  return index === 0 || !isWordCode(text.charCodeAt(index - 1));
}

/** True when the character at `index` does not continue a word (end of text counts). */
export function endsToken(text: string, index: number): boolean {
  return index >= text.length || !isWordCode(text.charCodeAt(index));
}

/** . , - (read as code units: this runs for every number candidate). */
const isNumberJoiner = (c: number) => c === 46 || c === 44 || c === 45;

/**
 * A number standing on its own: token boundaries on both sides, and not part of a longer number
 * ("1.234.567", "12-34", a decimal) through a dot, comma or dash.
 */
export function isStandaloneNumber(text: string, start: number, end: number): boolean {
  if (!startsToken(text, start) || isNumberJoiner(text.charCodeAt(start - 1))) return false;
  if (!endsToken(text, end)) return false;
  const next = text.charCodeAt(end + 1);
  return !(isNumberJoiner(text.charCodeAt(end)) && next >= 48 && next <= 57);
}

/** Character classes without the `u` flag: Latin letters including accents and Latin Extended-A. */
export const UPPER = 'A-ZÀ-ÖØ-Þ\\u0100-\\u017f';
export const LOWER = 'a-zß-öø-ÿ\\u0100-\\u017f';
export const LETTER = `${UPPER}${LOWER}`;

/** The characters the regular expression `\s` matches. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

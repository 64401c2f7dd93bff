/**
 * The maximal runs of ASCII digits in a text, [start0, end0, start1, end1, …] (end exclusive) in text order.
 * Found in the keyword pass (keywords.ts), which reads every character anyway, and shared by the number recognizers (phone,
 * card, BSN, IBAN, postcode, IP, passport, plate, address). Each of those used to search the whole text with a
 * regular expression of its own; a number can only start where a run of digits starts (or a fixed few
 * characters before), so they now try their (sticky) pattern only there, after a check of a few characters.
 */
export type DigitRuns = readonly number[];

/** A character regular expressions count as a word character (`\w`, which decides `\b`). */
export function isAsciiWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `\b` before `index` for a pattern whose first character is a word character. */
export function boundaryBefore(text: string, index: number): boolean {
  return index === 0 || !isAsciiWordCode(text.charCodeAt(index - 1));
}

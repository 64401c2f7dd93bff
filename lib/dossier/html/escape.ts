/**
 * Escaping for the dossier's HTML. Hand-written (five characters) because the page is built as a
 * string outside any DOM (Node and the service worker). Besides the HTML specials it neutralises
 * bidirectional controls (U+202E and friends), which could make a file name or text read differently
 * from what it is, by showing them as visible code points.
 */
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const BIDI = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

export function escapeHtml(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return text
    .replace(/[&<>"']/g, (ch) => HTML[ch]!)
    .replace(BIDI, (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** Only relative links into the ZIP (attachments/…): never a scheme such as javascript: or data:. */
export function safeRelativeHref(path: string): string | undefined {
  if (!/^attachments\/[^/]+$/.test(path) || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
  return path
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}

/**
 * Attachment names as they go into the ZIP: the original name, made safe (no path parts, control or
 * bidirectional-override characters, or characters Windows and macOS refuse), and unique.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go from a file name
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
// Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) can make "exe.pdf" look like "fdp.exe".
const BIDI = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX = 120;

export function sanitiseFileName(name: string): string {
  let clean = name.normalize('NFC').replace(BIDI, '').replace(UNSAFE, '_').trim();
  clean = clean.replace(/^\.+/, '').replace(/[. ]+$/, '');
  if (RESERVED.test(clean)) clean = `_${clean}`;
  if (clean === '') clean = 'file';
  if (clean.length > MAX) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 12 ? clean.slice(dot) : '';
    clean = clean.slice(0, MAX - ext.length) + ext;
  }
  return clean;
}

/** Gives each name once: "a.pdf", "a (2).pdf", "a (3).pdf"; compared case-insensitively. */
export class UniqueNames {
  private readonly used = new Set<string>();

  take(name: string): string {
    const safe = sanitiseFileName(name);
    const dot = safe.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
    let candidate = safe;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n += 1) candidate = `${stem} (${n})${ext}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}

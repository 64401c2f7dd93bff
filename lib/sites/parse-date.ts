/**
 * Times as the tools print them when they give no machine-readable attribute (Gmail's `title="Tue, Nov 24,
 * 2026, 10:14 AM"`, Dutch `di 24 nov. 2026 10:14`). Hand-written because `Date.parse` of such strings is
 * implementation-defined; the result is read in the browser's local time zone, like the page shows it.
 */
const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  mrt: 2,
  maa: 2,
  apr: 3,
  may: 4,
  mei: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  okt: 9,
  nov: 10,
  dec: 11,
};

export function parseDisplayedDate(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const iso = new Date(trimmed);
    return Number.isNaN(iso.getTime()) ? null : iso.toISOString();
  }
  const lower = trimmed.toLowerCase();
  const time = /\b(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?/.exec(lower);
  let hours = time ? Number(time[1]) : 0;
  const minutes = time ? Number(time[2]) : 0;
  if (time?.[3] === 'p' && hours < 12) hours += 12;
  if (time?.[3] === 'a' && hours === 12) hours = 0;
  // Numeric dates are read day-first (European locales, which is who this extension is for).
  const numeric = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(lower);
  if (numeric) {
    const date = new Date(Number(numeric[3]), Number(numeric[2]) - 1, Number(numeric[1]), hours, minutes);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  const month = /\b(jan|feb|mar|mrt|maa|apr|may|mei|jun|jul|aug|sep|oct|okt|nov|dec)[a-z]*\.?/.exec(lower);
  const year = /\b(20\d{2}|19\d{2})\b/.exec(lower);
  if (!month || !year) return null;
  const withoutTime = lower.replace(time?.[0] ?? '\u0000', ' ').replace(year[0], ' ');
  const day = /\b(\d{1,2})\b/.exec(withoutTime);
  if (!day) return null;
  const date = new Date(Number(year[1]), MONTHS[month[1] ?? ''] ?? 0, Number(day[1]), hours, minutes);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO string from a `datetime`-style attribute, or null. */
export function isoFromAttribute(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

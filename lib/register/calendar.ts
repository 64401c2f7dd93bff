/**
 * Calendar months in UTC, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb), as legal
 * deadlines count them. Hand-written: three lines do not warrant a date library.
 */
export function addMonths(epochMs: number, months: number): number {
  const d = new Date(epochMs);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.getTime();
}

export const DAY_MS = 24 * 60 * 60 * 1000;

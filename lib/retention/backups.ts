/**
 * When erased data is gone from backups too. Each tool keeps backups for a while after a deletion
 * (its connector states a default horizon, in days); the user may state their own per tool (for
 * example from the tool's DPA). Receipts and the dashboard show the resulting date.
 */
import { DAY_MS } from '../register/calendar';

export type BackupHorizons = Readonly<Record<string, number>>;

/** The horizon for a tool: the user's stated days, else the connector's default, else 0. */
export function horizonDays(tool: string, stated: BackupHorizons, defaults: BackupHorizons = {}): number {
  const days = stated[tool] ?? defaults[tool] ?? 0;
  return Number.isFinite(days) && days > 0 ? Math.floor(days) : 0;
}

/** The moment erased data is gone from the tool's backups: erased at + the horizon. */
export function goneFromBackupsAt(
  erasedAt: number,
  tool: string,
  stated: BackupHorizons,
  defaults: BackupHorizons = {},
): number {
  return erasedAt + horizonDays(tool, stated, defaults) * DAY_MS;
}

/** For an erasure over several tools: the last tool's date (data is gone everywhere only then). */
export function goneFromAllBackupsAt(
  erasedAt: number,
  tools: readonly string[],
  stated: BackupHorizons,
  defaults: BackupHorizons = {},
): number {
  return Math.max(erasedAt, ...tools.map((t) => goneFromBackupsAt(erasedAt, t, stated, defaults)));
}

export function isGoneFromBackups(
  erasedAt: number,
  tools: readonly string[],
  now: number,
  stated: BackupHorizons,
  defaults: BackupHorizons = {},
): boolean {
  return now >= goneFromAllBackupsAt(erasedAt, tools, stated, defaults);
}

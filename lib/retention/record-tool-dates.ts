/**
 * The tools' own timestamps into the register. When a tool answers a retention query, each item it
 * reports carries its close date (or, while open, its last update); an item the register knows gets
 * that date as its `closedAt` and its due date recomputed from it, so the panel's badge and the due
 * index count from the tool's clock instead of from when the panel happened to see the item.
 * Contacts have no due date in the register (their policy counts from activity): they are left alone.
 */
import type { RegisterDb } from '../register/db';
import { retentionDueAt } from '../register/retention-due-date';
import type { ItemKind, RetentionPolicy } from '../register/schemas';

export interface ToolDate {
  tool: string;
  kind: ItemKind;
  toolId: string;
  /** The tool's close (else last update) time, ms. */
  at: number;
}

/** Records the dates; returns how many register items changed. */
export async function recordToolDates(
  db: RegisterDb,
  dates: readonly ToolDate[],
  policies: readonly RetentionPolicy[],
): Promise<number> {
  const wanted = dates.filter((d) => d.kind !== 'contact' && Number.isFinite(d.at) && d.at >= 0);
  if (wanted.length === 0) return 0;
  return db.transaction('rw', db.items, async () => {
    const rows = await db.items
      .where('[tool+kind+toolId]')
      .anyOf(wanted.map((d) => [d.tool, d.kind, d.toolId]))
      .toArray();
    const byKey = new Map(wanted.map((d) => [`${d.tool}|${d.kind}|${d.toolId}`, Math.floor(d.at)]));
    const changed = [];
    for (const row of rows) {
      const at = byKey.get(`${row.tool}|${row.kind}|${row.toolId}`);
      if (at === undefined) continue;
      const next = { ...row, closedAt: at, retentionDueAt: retentionDueAt(policies, { ...row, closedAt: at }) };
      if (next.closedAt !== row.closedAt || next.retentionDueAt !== row.retentionDueAt) changed.push(next);
    }
    await db.items.bulkPut(changed);
    return changed.length;
  });
}

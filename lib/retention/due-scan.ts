/**
 * The due computation over many rows at once (the register in memory, or the benchmark's million).
 * Exactly the per-item definition in due-state.ts, made fast: calendar months are monotone (a later
 * start never gives an earlier due date), so for each policy the latest start that is due now, and
 * the latest that is overdue, are found once by binary search; each row is then two comparisons.
 * Pure; `now` is injected. A property test checks it against `dueInfo` row by row.
 */
import { addMonths, DAY_MS } from '../register/calendar';
import { policyFor } from '../register/retention-due-date';
import type { ItemKind, RetentionPolicy } from '../register/schemas';
import { OVERDUE_AFTER_DAYS, type Timestamps } from './due-state';

export interface ScanRow extends Timestamps {
  tool: string;
  kind: ItemKind;
  held: boolean;
}

export interface ScanGroup {
  tool: string;
  policyId: string;
  due: number;
  overdue: number;
  held: number;
}

export interface ScanResult {
  /** Indexes of the rows that are due or overdue and not held. */
  due: number[];
  /** Per `tool|policyId`: how many are due, overdue, and held past their date. */
  groups: Map<string, ScanGroup>;
}

/** The latest start time whose due date (start + months) is at or before `limit`. */
export function latestStartDueBy(months: number, limit: number): number {
  let lo = addMonths(limit, -months) - 4 * DAY_MS; // surely due by `limit`
  let hi = addMonths(limit, -months) + 4 * DAY_MS; // surely not
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (addMonths(mid, months) <= limit) lo = mid;
    else hi = mid;
  }
  return lo;
}

interface Resolved {
  closedBasis: boolean;
  dueFrom: number;
  overdueFrom: number;
  group: ScanGroup;
}

export function scanDue(rows: readonly ScanRow[], policies: readonly RetentionPolicy[], now: number): ScanResult {
  const result: ScanResult = { due: [], groups: new Map() };
  const byTool = new Map<string, Map<ItemKind, Resolved | null>>();
  const resolve = (tool: string, kind: ItemKind): Resolved | null => {
    const policy = policyFor(policies, tool, kind);
    if (!policy) return null;
    const key = `${tool}|${policy.id}`;
    let group = result.groups.get(key);
    if (!group) {
      group = { tool, policyId: policy.id, due: 0, overdue: 0, held: 0 };
      result.groups.set(key, group);
    }
    return {
      closedBasis: policy.basis === 'closedAt',
      dueFrom: latestStartDueBy(policy.months, now),
      overdueFrom: latestStartDueBy(policy.months, now - OVERDUE_AFTER_DAYS * DAY_MS),
      group,
    };
  };

  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    let kinds = byTool.get(row.tool);
    if (!kinds) byTool.set(row.tool, (kinds = new Map()));
    let r = kinds.get(row.kind);
    if (r === undefined) kinds.set(row.kind, (r = resolve(row.tool, row.kind)));
    if (!r) continue;
    let from: number | undefined;
    if (r.closedBasis) from = row.closedAt ?? row.updatedAt ?? row.lastSeen;
    else if (row.updatedAt === undefined) from = row.lastSeen;
    else from = row.lastSeen === undefined || row.updatedAt > row.lastSeen ? row.updatedAt : row.lastSeen;
    if (from === undefined || from > r.dueFrom) continue;
    if (row.held) {
      r.group.held += 1;
      continue;
    }
    if (from <= r.overdueFrom) r.group.overdue += 1;
    else r.group.due += 1;
    result.due.push(i);
  }
  for (const [key, group] of result.groups) if (group.due + group.overdue + group.held === 0) result.groups.delete(key);
  return result;
}

/**
 * Due dates and states, as pure functions over an injected `now` (tests pass a fake clock).
 *
 * States, for an item with due date D:
 * - `ok`: now < D;
 * - `due`: D ≤ now < D + OVERDUE_AFTER_DAYS days (its period has run out; clean up soon);
 * - `overdue`: now ≥ D + OVERDUE_AFTER_DAYS days (left past the grace period: a compliance gap).
 * Held items are never due: a hold (a legal ground for keeping) wins over any policy.
 */
import { addMonths, DAY_MS } from '../register/calendar';
import { policyFor } from '../register/retention-due-date';
import type { ItemKind, RetentionPolicy } from '../register/schemas';

export type DueState = 'ok' | 'due' | 'overdue';
export const OVERDUE_AFTER_DAYS = 30;

export function dueState(dueAt: number, now: number, overdueAfterDays = OVERDUE_AFTER_DAYS): DueState {
  if (now < dueAt) return 'ok';
  return now >= dueAt + overdueAfterDays * DAY_MS ? 'overdue' : 'due';
}

/** The tool's own timestamps for an item; `lastSeen` is the register's fallback. */
export interface Timestamps {
  closedAt?: number;
  updatedAt?: number;
  lastSeen?: number;
}

/**
 * The moment the period counts from. `closedAt` basis: the close date, else the tool's last update
 * (an open item's clock restarts on every update), else when the register last saw it. `lastSeen`
 * basis (contacts without activity): the later of the tool's update and the register's last sighting.
 */
export function basisTime(policy: Pick<RetentionPolicy, 'basis'>, t: Timestamps): number | undefined {
  if (policy.basis === 'closedAt') return t.closedAt ?? t.updatedAt ?? t.lastSeen;
  const times = [t.updatedAt, t.lastSeen].filter((x): x is number => x !== undefined);
  return times.length ? Math.max(...times) : undefined;
}

export interface DueInfo {
  policyId: string;
  dueAt: number;
  state: DueState;
}

export function dueInfo(
  policies: readonly RetentionPolicy[],
  item: { tool: string; kind: ItemKind } & Timestamps,
  now: number,
): DueInfo | undefined {
  const policy = policyFor(policies, item.tool, item.kind);
  if (!policy) return undefined;
  const from = basisTime(policy, item);
  if (from === undefined) return undefined;
  const dueAt = addMonths(from, policy.months);
  return { policyId: policy.id, dueAt, state: dueState(dueAt, now) };
}

/** The oldest an item's basis time can be and still be kept: the `before` a tool is asked with. */
export function cutoffFor(months: number, now: number): number {
  return addMonths(now, -months);
}

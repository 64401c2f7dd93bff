/**
 * The due computation over many rows at once (the register in memory, or the benchmark's million):
 * one policy lookup per tool and kind, then one date addition per row. Pure; `now` is injected.
 */
import { addMonths } from '../register/calendar';
import { policyFor } from '../register/retention-due-date';
import type { ItemKind, RetentionPolicy } from '../register/schemas';
import { basisTime, dueState, type DueState, type Timestamps } from './due-state';

export interface ScanRow extends Timestamps {
  tool: string;
  kind: ItemKind;
  held: boolean;
}

export interface ScanResult {
  /** Indexes of the rows that are due or overdue and not held. */
  due: number[];
  /** Per `tool|policyId`: how many are due, overdue, and held past their date. */
  groups: Map<string, { tool: string; policyId: string; due: number; overdue: number; held: number }>;
}

export function scanDue(rows: readonly ScanRow[], policies: readonly RetentionPolicy[], now: number): ScanResult {
  const policyCache = new Map<string, RetentionPolicy | null>();
  const result: ScanResult = { due: [], groups: new Map() };
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const key = `${row.tool}|${row.kind}`;
    let policy = policyCache.get(key);
    if (policy === undefined) {
      policy = policyFor(policies, row.tool, row.kind) ?? null;
      policyCache.set(key, policy);
    }
    if (!policy) continue;
    const from = basisTime(policy, row);
    if (from === undefined) continue;
    const state: DueState = dueState(addMonths(from, policy.months), now);
    if (state === 'ok') continue;
    const groupKey = `${row.tool}|${policy.id}`;
    let group = result.groups.get(groupKey);
    if (!group) {
      group = { tool: row.tool, policyId: policy.id, due: 0, overdue: 0, held: 0 };
      result.groups.set(groupKey, group);
    }
    if (row.held) {
      group.held += 1;
      continue;
    }
    group[state] += 1;
    result.due.push(i);
  }
  return result;
}

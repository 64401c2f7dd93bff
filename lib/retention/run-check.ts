/**
 * One retention run (daily alarm or on demand): every connected tool is asked, per customer the
 * register knows in that tool, for items its own timestamps say have expired (`listExpired`), and
 * the answers are merged with the register's own due index. The result counts per tool and policy.
 * The tools' own dates in the answers are recorded in the register (closedAt and the due date).
 * A tool that fails is reported and skipped; the register's view of it still counts.
 */
import Dexie from 'dexie';
import type { RegisterDb } from '../register/db';
import { releaseExpiredHolds } from '../register/holds';
import { policyFor } from '../register/retention-due-date';
import type { Item, RetentionPolicy } from '../register/schemas';
import { toErrorShape } from '../connectors/errors';
import type { Identity } from '../connectors/types';
import { DAY_MS } from '../register/calendar';
import { cutoffFor, dueInfo, dueState } from './due-state';
import { registerKindOf } from './kinds';
import { recordToolDates, type ToolDate } from './record-tool-dates';
import type { DueGroup, DueItem, RetentionSource, RetentionSummary } from './types';

export const MAX_LISTED_ITEMS = 5_000;
/** Tools are asked a little past the cutoff; each answer is then checked exactly against its policy. */
const QUERY_MARGIN_MS = 3 * DAY_MS;

export interface RetentionCheckInput {
  connectors: readonly RetentionSource[];
  register: RegisterDb;
  now: number;
}

const keyOf = (i: Pick<DueItem, 'tool' | 'kind' | 'toolId'>) => `${i.tool}|${i.kind}|${i.toolId}`;

async function customersIn(db: RegisterDb, tool: string): Promise<Map<string, Identity[]>> {
  const items = await db.items
    .where('[tool+kind+toolId]')
    .between([tool, Dexie.minKey, Dexie.minKey], [tool, Dexie.maxKey, Dexie.maxKey])
    .toArray();
  const ids = [...new Set(items.map((i) => i.customerId))];
  const out = new Map<string, Identity[]>();
  for (const customerId of ids) {
    const identities = await db.identities.where('customerId').equals(customerId).toArray();
    out.set(
      customerId,
      identities.map((i) => ({ kind: i.kind, value: i.value })),
    );
  }
  return out;
}

/** The latest `before` any of the tool's policies needs (the shortest period). */
function toolCutoff(policies: readonly RetentionPolicy[], tool: string, now: number): number | undefined {
  const months = policies.filter((p) => p.tool === tool || p.tool === '*').map((p) => p.months);
  return months.length ? cutoffFor(Math.min(...months), now) + QUERY_MARGIN_MS : undefined;
}

async function fromTool(
  source: RetentionSource,
  db: RegisterDb,
  policies: readonly RetentionPolicy[],
  now: number,
): Promise<DueItem[]> {
  const before = toolCutoff(policies, source.tool, now);
  if (before === undefined) return [];
  const out: DueItem[] = [];
  const dates: ToolDate[] = [];
  for (const [customerId, identities] of await customersIn(db, source.tool)) {
    if (identities.length === 0) continue;
    for (const found of await source.listExpired(identities, before)) {
      const kind = registerKindOf(found.kind);
      if (!kind || found.updatedAt === undefined) continue;
      // Every dated answer dates the register's copy, due yet or not, held or not.
      dates.push({ tool: source.tool, kind, toolId: found.id, at: found.updatedAt });
      const info = dueInfo(policies, { tool: source.tool, kind, updatedAt: found.updatedAt }, now);
      if (!info || info.state === 'ok') continue;
      out.push({
        tool: source.tool,
        kind,
        toolKind: found.kind,
        toolId: found.id,
        customerId,
        policyId: info.policyId,
        dueAt: info.dueAt,
        state: info.state,
        held: found.held,
        confirmed: true,
      });
    }
  }
  await recordToolDates(db, dates, policies);
  return out;
}

function fromRegisterItem(item: Item, policies: readonly RetentionPolicy[], now: number): DueItem | undefined {
  if (item.retentionDueAt === undefined) return undefined;
  const state = dueState(item.retentionDueAt, now);
  if (state === 'ok') return undefined;
  return {
    tool: item.tool,
    kind: item.kind,
    toolId: item.toolId,
    customerId: item.customerId,
    policyId: policyFor(policies, item.tool, item.kind)?.id ?? 'default',
    dueAt: item.retentionDueAt,
    state,
    held: item.held === 1,
    confirmed: false,
  };
}

export async function runRetentionCheck({
  connectors,
  register: db,
  now,
}: RetentionCheckInput): Promise<RetentionSummary> {
  await releaseExpiredHolds(db, now);
  const policies = await db.policies.toArray();
  const merged = new Map<string, DueItem>();

  const errors: RetentionSummary['errors'] = [];
  for (const source of connectors) {
    let found: DueItem[];
    try {
      found = await fromTool(source, db, policies, now);
    } catch (error) {
      errors.push({ tool: source.tool, message: toErrorShape(error).userMessage });
      continue;
    }
    for (const item of found) {
      const known = await db.items.where('[tool+kind+toolId]').equals([item.tool, item.kind, item.toolId]).first();
      // A hold anywhere keeps the item: in the register or at the tool.
      merged.set(keyOf(item), { ...item, held: item.held || known?.held === 1 });
    }
  }

  // Then the register's own due index, now dated by the tools that answered (what a tool confirmed wins).
  // Unheld and held items past their date (the held ones are only counted, as kept).
  const pastDate = (held: 0 | 1) =>
    db.items.where('[held+retentionDueAt]').between([held, Dexie.minKey], [held, now], true, true).toArray();
  for (const item of [...(await pastDate(0)), ...(await pastDate(1))]) {
    const due = fromRegisterItem(item, policies, now);
    if (due && !merged.has(keyOf(due))) merged.set(keyOf(due), due);
  }
  return summarise([...merged.values()], policies, now, errors);
}

export function summarise(
  all: readonly DueItem[],
  policies: readonly RetentionPolicy[],
  now: number,
  errors: RetentionSummary['errors'] = [],
): RetentionSummary {
  const groups = new Map<string, DueGroup>();
  for (const item of all) {
    const key = `${item.tool}|${item.policyId}`;
    const label = policies.find((p) => p.id === item.policyId)?.label ?? item.policyId;
    const group = groups.get(key) ?? { tool: item.tool, policyId: item.policyId, label, due: 0, overdue: 0, held: 0 };
    if (item.held) group.held += 1;
    else group[item.state] += 1;
    groups.set(key, group);
  }
  const open = all.filter((i) => !i.held).sort((a, b) => a.dueAt - b.dueAt);
  return {
    checkedAt: now,
    dueCount: open.length,
    groups: [...groups.values()].sort((a, b) => a.tool.localeCompare(b.tool) || a.label.localeCompare(b.label)),
    items: open.slice(0, MAX_LISTED_ITEMS),
    truncated: open.length > MAX_LISTED_ITEMS,
    errors,
  };
}

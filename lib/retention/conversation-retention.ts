/**
 * The open conversation's retention badge, and how sure it is. A due date counted from the tool's own
 * close (or update) date is exact; one counted from when the panel last saw the conversation is an
 * estimate (the tool was not asked yet), and the badge says so. `refineItemDates` asks the connected
 * tool once for this customer's items and records their dates, so the next answer is exact.
 */
import type { RegisterDb } from '../register/db';
import type { Item } from '../register/schemas';
import { DAY_MS } from '../register/calendar';
import { dueState, type DueState } from './due-state';
import { registerKindOf } from './kinds';
import { recordToolDates, type ToolDate } from './record-tool-dates';
import type { RetentionSource } from './types';

export interface ConversationRetention {
  state: DueState;
  dueAt: number;
  /** Counted from when the conversation was last seen here, not from the tool's own dates. */
  estimated: boolean;
}

export function conversationRetention(item: Item | undefined, now: number): ConversationRetention | null {
  if (!item || item.held !== 0 || item.retentionDueAt === undefined) return null;
  return {
    state: dueState(item.retentionDueAt, now),
    dueAt: item.retentionDueAt,
    estimated: item.closedAt === undefined,
  };
}

/**
 * One query at the tool for the customer's items (everything last updated before tomorrow), whose dates
 * go into the register. Returns whether `item` itself got a date from the tool.
 */
export async function refineItemDates(
  db: RegisterDb,
  source: RetentionSource,
  item: Pick<Item, 'tool' | 'kind' | 'toolId' | 'customerId'>,
  now: number,
): Promise<boolean> {
  const identities = (await db.identities.where('customerId').equals(item.customerId).toArray()).map((i) => ({
    kind: i.kind,
    value: i.value,
  }));
  if (identities.length === 0) return false;
  const dates: ToolDate[] = [];
  for (const found of await source.listExpired(identities, now + DAY_MS)) {
    const kind = registerKindOf(found.kind);
    if (kind && found.updatedAt !== undefined)
      dates.push({ tool: item.tool, kind, toolId: found.id, at: found.updatedAt });
  }
  await recordToolDates(db, dates, await db.policies.toArray());
  return dates.some((d) => d.kind === item.kind && d.toolId === item.toolId);
}

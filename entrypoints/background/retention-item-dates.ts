/**
 * The panel's retention badge for the open conversation, from the tool's own dates where possible: when
 * the register only knows when the panel saw the conversation, the connected tool (if any) is asked once
 * for the customer's items and their dates are recorded; the answer waits for that a short while at most,
 * and otherwise says "estimated". Each conversation is asked about at most once per REASK_MS.
 */
import type { RegisterDb } from '@/lib/register/db';
import type { Item } from '@/lib/register/schemas';
import {
  conversationRetention,
  refineItemDates,
  type ConversationRetention,
} from '@/lib/retention/conversation-retention';
import type { RetentionSource } from '@/lib/retention/types';
import { connectedSources } from './retention';

const WAIT_MS = 1500;
const REASK_MS = 12 * 3600_000;
const asked = new Map<string, number>();

export interface ItemDatesDeps {
  sources: () => Promise<RetentionSource[]>;
  now: () => number;
  waitMs?: number;
}

const defaults: ItemDatesDeps = { sources: connectedSources, now: () => Date.now() };

export async function retentionForPanel(
  db: RegisterDb,
  conversation: Item | undefined,
  deps: ItemDatesDeps = defaults,
): Promise<ConversationRetention | null> {
  const now = deps.now();
  const first = conversationRetention(conversation, now);
  if (!conversation || !first?.estimated) return first;
  const key = `${conversation.tool}|${conversation.toolId}`;
  if (now - (asked.get(key) ?? -Infinity) < REASK_MS) return first;
  asked.set(key, now);
  const refine = (async () => {
    const source = (await deps.sources()).find((s) => s.tool === conversation.tool);
    return source ? refineItemDates(db, source, conversation, now) : false;
  })().catch(() => false); // The tool could not be asked: the estimate stands.
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), deps.waitMs ?? WAIT_MS));
  if (!(await Promise.race([refine, timeout]))) return first;
  return conversationRetention(await db.items.get(conversation.id), now) ?? first;
}

/** For tests: forget which conversations were asked about. */
export function resetAskedConversations(): void {
  asked.clear();
}

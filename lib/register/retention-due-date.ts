import { addMonths } from './calendar';
import type { Item, RetentionPolicy } from './schemas';

/** The most specific policy for a tool and item kind: exact tool+kind, then tool, then kind, then '*'. */
export function policyFor(
  policies: readonly RetentionPolicy[],
  tool: string,
  kind: Item['kind'],
): RetentionPolicy | undefined {
  const score = (p: RetentionPolicy): number =>
    (p.tool === tool ? 2 : p.tool === '*' ? 0 : -10) + (p.kind === kind ? 1 : p.kind === '*' ? 0 : -10);
  return [...policies].filter((p) => score(p) >= 0).sort((a, b) => score(b) - score(a))[0];
}

/**
 * When an item should go. Counting from the close date (or, while still open, the last time it was
 * seen: an open conversation's clock restarts whenever it is seen again).
 */
export function retentionDueAt(
  policies: readonly RetentionPolicy[],
  item: Pick<Item, 'tool' | 'kind' | 'lastSeen' | 'closedAt'>,
): number | undefined {
  const policy = policyFor(policies, item.tool, item.kind);
  if (!policy) return undefined;
  const from = policy.basis === 'closedAt' ? (item.closedAt ?? item.lastSeen) : item.lastSeen;
  return addMonths(from, policy.months);
}

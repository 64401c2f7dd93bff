/**
 * What a retention run produces: due items (ids and dates only, never content or titles) and
 * counts per tool and policy. Persisted for the dashboard and popup, so parsed with zod when read.
 */
import * as z from 'zod/mini';
import { itemKinds } from '../register/schemas';
import type { FoundItem, Identity } from '../connectors/types';

export const dueItemSchema = z.object({
  tool: z.string(),
  /** The register's kind (conversation, message, contact, attachment). */
  kind: z.enum(itemKinds),
  /** The connector's kind for this item (e.g. Zendesk `ticket`), when the tool reported it. */
  toolKind: z.optional(z.string()),
  toolId: z.string(),
  customerId: z.string(),
  policyId: z.string(),
  dueAt: z.number(),
  state: z.enum(['due', 'overdue']),
  /** Kept by a hold in the register or a keep tag at the tool: never cleaned up. */
  held: z.boolean(),
  /** The tool itself reported the item as expired (its own timestamps); only these are cleaned up. */
  confirmed: z.boolean(),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const dueGroupSchema = z.object({
  tool: z.string(),
  policyId: z.string(),
  label: z.string(),
  due: z.int().check(z.nonnegative()),
  overdue: z.int().check(z.nonnegative()),
  held: z.int().check(z.nonnegative()),
});
export type DueGroup = z.infer<typeof dueGroupSchema>;

export const retentionSummarySchema = z.object({
  checkedAt: z.number(),
  /** Items due or overdue and not held: the action badge's number. */
  dueCount: z.int().check(z.nonnegative()),
  groups: z.array(dueGroupSchema),
  /** Not held, oldest due first; capped (see `truncated`). */
  items: z.array(dueItemSchema),
  truncated: z.boolean(),
  /** Tools that could not be asked this run (message fit for the user, no personal data). */
  errors: z.array(z.object({ tool: z.string(), message: z.string() })),
});
export type RetentionSummary = z.infer<typeof retentionSummarySchema>;

/** A connected tool, bound to its context: what a retention run needs from a connector. */
export interface RetentionSource {
  tool: string;
  listExpired(identities: Identity[], before: number): Promise<FoundItem[]>;
}

/**
 * The register's entities as zod schemas; the TypeScript types are derived from them (z.infer),
 * and the same schemas validate an imported register file. In zod's mini form (functions, not methods), like
 * every schema the panel's page bundle carries: the full API is ~100 KB more script for each tool page to
 * evaluate (measured with `npm run bench:page`).
 */
import * as z from 'zod/mini';
import { count, text } from '@/lib/messaging/schema-parts';

export const identityKinds = ['email', 'phone', 'handle'] as const;
export const itemKinds = ['conversation', 'message', 'contact', 'attachment'] as const;
export const requestKinds = ['access', 'erasure', 'portability'] as const;
export const requestStatuses = ['open', 'extended', 'closed'] as const;

const id = text(1, 100);
const time = count();
const json: z.ZodMiniType<unknown> = z.unknown();

export const customerSchema = z.object({
  id,
  name: z.optional(text(0, 300)),
  /** Lower-cased name: the search index (schema v2). */
  nameKey: z.optional(text(0, 300)),
  createdAt: time,
  updatedAt: time,
});

export const identitySchema = z.object({
  id,
  customerId: id,
  kind: z.enum(identityKinds),
  /** Normalised: lower-cased email, E.164 phone, `channel:handle` for handles. */
  value: text(1, 400),
  firstSeen: time,
});

export const itemSchema = z.object({
  id,
  customerId: id,
  tool: text(1, 50),
  kind: z.enum(itemKinds),
  toolId: text(1, 300),
  url: z.optional(text(0, 2000)),
  firstSeen: time,
  lastSeen: time,
  closedAt: z.optional(time),
  piiTypes: z.array(text(0, 40)).check(z.maxLength(100)),
  retentionDueAt: z.optional(time),
  /** 1 while an active hold exists (kept in step with the holds table; IndexedDB cannot index booleans). */
  held: z.union([z.literal(0), z.literal(1)]),
});

export const holdSchema = z.object({
  id,
  itemId: id,
  reason: text(1, 500),
  legalGround: text(0, 300),
  by: text(0, 200),
  since: time,
  until: z.optional(time),
});

export const requestSchema = z.object({
  id,
  customerId: id,
  kind: z.enum(requestKinds),
  receivedAt: time,
  deadline: time,
  status: z.enum(requestStatuses),
  closedAt: z.optional(time),
});

export const jobSchema = z.object({
  id,
  kind: text(1, 100),
  status: text(1, 50),
  customerId: z.optional(id),
  payload: json,
  steps: z.array(json),
  createdAt: time,
  updatedAt: time,
  error: z.optional(text(0, 2000)),
});

/** No personal data: customers appear only as salted hashes. */
export const auditEntrySchema = z.object({
  id: z.optional(z.int().check(z.positive())),
  at: time,
  action: text(1, 100),
  customerHash: z.optional(text(0, 64)),
  tool: z.optional(text(0, 50)),
  count: z.optional(count()),
  result: z.enum(['ok', 'failed', 'partial']),
  detail: z.optional(text(0, 500)),
});

export const retentionPolicySchema = z.object({
  id,
  /** A tool id or '*' for every tool. */
  tool: text(1, 50),
  /** An item kind or '*' for every kind. */
  kind: z.union([z.enum(itemKinds), z.literal('*')]),
  months: z.int().check(z.positive(), z.lte(1200)),
  /** The date the period counts from: when the conversation was closed (else last seen), or last seen. */
  basis: z.enum(['closedAt', 'lastSeen']),
  label: text(0, 200),
});

/** Proof of an erasure without personal data: hashes, counts, tools and dates. */
export const erasureReceiptSchema = z.object({
  id,
  customerHash: z.string().check(z.length(64)),
  identityHashes: z.array(z.string().check(z.length(64))).check(z.maxLength(1000)),
  forgottenAt: time,
  tools: z.array(text(0, 50)).check(z.maxLength(100)),
  itemCount: count(),
  /** When erased data is gone from backups too (forgottenAt + the stated backup horizon). */
  backupsClearBy: z.optional(time),
});

export const metaSchema = z.object({ key: text(1, 100), value: text(0, 1000) });

export type Customer = z.infer<typeof customerSchema>;
export type Identity = z.infer<typeof identitySchema>;
export type IdentityKind = Identity['kind'];
export type Item = z.infer<typeof itemSchema>;
export type ItemKind = Item['kind'];
export type Hold = z.infer<typeof holdSchema>;
export type DataSubjectRequest = z.infer<typeof requestSchema>;
export type RequestKind = DataSubjectRequest['kind'];
export type Job = z.infer<typeof jobSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;
export type ErasureReceipt = z.infer<typeof erasureReceiptSchema>;
export type Meta = z.infer<typeof metaSchema>;

/**
 * The register's entities as zod schemas; the TypeScript types are derived from them (z.infer),
 * and the same schemas validate an imported register file.
 */
import { z } from 'zod';

export const identityKinds = ['email', 'phone', 'handle'] as const;
export const itemKinds = ['conversation', 'message', 'contact', 'attachment'] as const;
export const requestKinds = ['access', 'erasure', 'portability'] as const;
export const requestStatuses = ['open', 'extended', 'closed'] as const;

const id = z.string().min(1).max(100);
const time = z.number().int().nonnegative();
const json: z.ZodType<unknown> = z.unknown();

export const customerSchema = z.object({
  id,
  name: z.string().max(300).optional(),
  /** Lower-cased name: the search index (schema v2). */
  nameKey: z.string().max(300).optional(),
  createdAt: time,
  updatedAt: time,
});

export const identitySchema = z.object({
  id,
  customerId: id,
  kind: z.enum(identityKinds),
  /** Normalised: lower-cased email, E.164 phone, `channel:handle` for handles. */
  value: z.string().min(1).max(400),
  firstSeen: time,
});

export const itemSchema = z.object({
  id,
  customerId: id,
  tool: z.string().min(1).max(50),
  kind: z.enum(itemKinds),
  toolId: z.string().min(1).max(300),
  url: z.string().max(2000).optional(),
  firstSeen: time,
  lastSeen: time,
  closedAt: time.optional(),
  piiTypes: z.array(z.string().max(40)).max(100),
  retentionDueAt: time.optional(),
  /** 1 while an active hold exists (kept in step with the holds table; IndexedDB cannot index booleans). */
  held: z.union([z.literal(0), z.literal(1)]),
});

export const holdSchema = z.object({
  id,
  itemId: id,
  reason: z.string().min(1).max(500),
  legalGround: z.string().max(300),
  by: z.string().max(200),
  since: time,
  until: time.optional(),
});

export const requestSchema = z.object({
  id,
  customerId: id,
  kind: z.enum(requestKinds),
  receivedAt: time,
  deadline: time,
  status: z.enum(requestStatuses),
  closedAt: time.optional(),
});

export const jobSchema = z.object({
  id,
  kind: z.string().min(1).max(100),
  status: z.string().min(1).max(50),
  customerId: id.optional(),
  payload: json,
  steps: z.array(json),
  createdAt: time,
  updatedAt: time,
  error: z.string().max(2000).optional(),
});

/** No personal data: customers appear only as salted hashes. */
export const auditEntrySchema = z.object({
  id: z.number().int().positive().optional(),
  at: time,
  action: z.string().min(1).max(100),
  customerHash: z.string().max(64).optional(),
  tool: z.string().max(50).optional(),
  count: z.number().int().nonnegative().optional(),
  result: z.enum(['ok', 'failed', 'partial']),
  detail: z.string().max(500).optional(),
});

export const retentionPolicySchema = z.object({
  id,
  /** A tool id or '*' for every tool. */
  tool: z.string().min(1).max(50),
  /** An item kind or '*' for every kind. */
  kind: z.union([z.enum(itemKinds), z.literal('*')]),
  months: z.number().int().positive().max(1200),
  /** The date the period counts from: when the conversation was closed (else last seen), or last seen. */
  basis: z.enum(['closedAt', 'lastSeen']),
  label: z.string().max(200),
});

/** Proof of an erasure without personal data: hashes, counts, tools and dates. */
export const erasureReceiptSchema = z.object({
  id,
  customerHash: z.string().length(64),
  identityHashes: z.array(z.string().length(64)).max(1000),
  forgottenAt: time,
  tools: z.array(z.string().max(50)).max(100),
  itemCount: z.number().int().nonnegative(),
  /** When erased data is gone from backups too (forgottenAt + the stated backup horizon). */
  backupsClearBy: time.optional(),
});

export const metaSchema = z.object({ key: z.string().min(1).max(100), value: z.string().max(1000) });

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

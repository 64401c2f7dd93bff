import * as z from 'zod/mini';
import { count, text } from '@/lib/messaging/schema-parts';
import { identityKinds } from './schemas';

const piiTypes = z.array(text(0, 40)).check(z.maxLength(100));

/**
 * What the panel reports about the open conversation. No message text: only ids and the types of
 * personal data seen.
 */
export const observeInputSchema = z.strictObject({
  tool: text(1, 50),
  conversationId: text(1, 300),
  url: z.optional(text(0, 2000)),
  closedAt: z.optional(count()),
  customer: z.strictObject({
    name: z.optional(text(0, 300)),
    identities: z
      .array(z.strictObject({ kind: z.enum(identityKinds), value: text(1, 400), channel: z.optional(text(0, 50)) }))
      .check(z.maxLength(50)),
  }),
  contactId: z.optional(text(1, 300)),
  messages: z.array(z.strictObject({ id: text(1, 300), piiTypes })).check(z.maxLength(5000)),
  attachments: z.optional(z.array(z.strictObject({ id: text(1, 300) })).check(z.maxLength(5000))),
  piiTypes,
});

export type ObserveInput = z.input<typeof observeInputSchema>;

export const observeResultSchema = z.object({
  customerId: z.string(),
  created: z.boolean(),
  mergedCustomerIds: z.array(z.string()),
  /** Set when an identity of this customer is in an erasure receipt: the last time they were forgotten. */
  forgottenOn: z.optional(z.number()),
});
export type ObserveResult = z.infer<typeof observeResultSchema>;

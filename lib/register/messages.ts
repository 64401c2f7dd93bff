/**
 * The register's messages (content script / pages → background), spread into the one protocol in
 * lib/messaging/protocol.ts. Each has a zod request and response; no message text crosses.
 */
import * as z from 'zod/mini';
import { count, text } from '@/lib/messaging/schema-parts';
import { observeInputSchema, observeResultSchema } from './observe-input';
import { holdSchema, identityKinds, identitySchema, itemKinds } from './schemas';

const rawIdentity = z.strictObject({
  kind: z.enum(identityKinds),
  value: text(1, 400),
  channel: z.optional(text(0, 50)),
});
const itemRef = {
  tool: text(1, 50),
  kind: z.enum(itemKinds),
  toolId: text(1, 300),
};

export const customerSummarySchema = z.object({
  customerId: z.optional(z.string()),
  name: z.optional(z.string()),
  identities: z.array(z.pick(identitySchema, { kind: true, value: true })),
  tools: z.array(z.object({ tool: z.string(), conversations: count() })),
  conversations: count(),
  /** The customer card says "This customer was forgotten on <date>". */
  forgottenOn: z.optional(z.number()),
});

export const registerMessages = {
  /** The panel reports the open conversation; the register upserts customer and items. */
  'register.observe': { request: observeInputSchema, response: observeResultSchema },
  /** The panel's customer card: tools and conversation counts, and a "forgotten on" date. */
  'register.customerSummary': {
    request: z.strictObject({ identities: z.array(rawIdentity).check(z.maxLength(50)) }),
    response: customerSummarySchema,
  },
  /** "Keep this message": hold (with reason and legal ground) or release an item. */
  'register.setHold': {
    request: z.strictObject({
      ...itemRef,
      keep: z.boolean(),
      reason: z.optional(text(1, 500)),
      legalGround: z.optional(text(0, 300)),
      by: z.optional(text(0, 200)),
      until: z.optional(count()),
      /** For writing the keep mark in the tool too: the conversation the message is in. */
      conversationId: z.optional(text(1, 300)),
      /** Other messages of that conversation are still kept (a conversation-level tag must stay). */
      otherKeptInConversation: z.optional(z.boolean()),
    }),
    response: z.object({
      holds: z.array(holdSchema),
      /** Whether the keep mark was written in the tool itself (not connected: only in this browser). */
      inTool: z.optional(z.enum(['written', 'not-connected', 'failed'])),
    }),
  },
  /** The holds on one item (empty when the register does not know the item yet). */
  'register.holdsFor': { request: z.strictObject(itemRef), response: z.object({ holds: z.array(holdSchema) }) },
} as const;

/**
 * The register's messages (content script / pages → background), spread into the one protocol in
 * lib/messaging/protocol.ts. Each has a zod request and response; no message text crosses.
 */
import { z } from 'zod';
import { observeInputSchema, observeResultSchema } from './observe-input';
import { holdSchema, identityKinds, identitySchema, itemKinds } from './schemas';

const rawIdentity = z
  .object({ kind: z.enum(identityKinds), value: z.string().min(1).max(400), channel: z.string().max(50).optional() })
  .strict();
const itemRef = z.object({
  tool: z.string().min(1).max(50),
  kind: z.enum(itemKinds),
  toolId: z.string().min(1).max(300),
});

export const customerSummarySchema = z.object({
  customerId: z.string().optional(),
  name: z.string().optional(),
  identities: z.array(identitySchema.pick({ kind: true, value: true })),
  tools: z.array(z.object({ tool: z.string(), conversations: z.number().int().nonnegative() })),
  conversations: z.number().int().nonnegative(),
  /** The customer card says "This customer was forgotten on <date>". */
  forgottenOn: z.number().optional(),
});

export const registerMessages = {
  /** The panel reports the open conversation; the register upserts customer and items. */
  'register.observe': { request: observeInputSchema, response: observeResultSchema },
  /** The panel's customer card: tools and conversation counts, and a "forgotten on" date. */
  'register.customerSummary': {
    request: z.object({ identities: z.array(rawIdentity).max(50) }).strict(),
    response: customerSummarySchema,
  },
  /** "Keep this message": hold (with reason and legal ground) or release an item. */
  'register.setHold': {
    request: itemRef
      .extend({
        keep: z.boolean(),
        reason: z.string().min(1).max(500).optional(),
        legalGround: z.string().max(300).optional(),
        by: z.string().max(200).optional(),
        until: z.number().int().nonnegative().optional(),
        /** For writing the keep mark in the tool too: the conversation the message is in. */
        conversationId: z.string().min(1).max(300).optional(),
        /** Other messages of that conversation are still kept (a conversation-level tag must stay). */
        otherKeptInConversation: z.boolean().optional(),
      })
      .strict(),
    response: z.object({
      holds: z.array(holdSchema),
      /** Whether the keep mark was written in the tool itself (not connected: only in this browser). */
      inTool: z.enum(['written', 'not-connected', 'failed']).optional(),
    }),
  },
  /** The holds on one item (empty when the register does not know the item yet). */
  'register.holdsFor': { request: itemRef.strict(), response: z.object({ holds: z.array(holdSchema) }) },
} as const;

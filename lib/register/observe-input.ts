import { z } from 'zod';
import { identityKinds } from './schemas';

/**
 * What the panel reports about the open conversation. No message text: only ids and the types of
 * personal data seen.
 */
export const observeInputSchema = z
  .object({
    tool: z.string().min(1).max(50),
    conversationId: z.string().min(1).max(300),
    url: z.string().max(2000).optional(),
    closedAt: z.number().int().nonnegative().optional(),
    customer: z
      .object({
        name: z.string().max(300).optional(),
        identities: z
          .array(
            z
              .object({
                kind: z.enum(identityKinds),
                value: z.string().min(1).max(400),
                channel: z.string().max(50).optional(),
              })
              .strict(),
          )
          .max(50),
      })
      .strict(),
    contactId: z.string().min(1).max(300).optional(),
    messages: z
      .array(z.object({ id: z.string().min(1).max(300), piiTypes: z.array(z.string().max(40)).max(100) }).strict())
      .max(5000),
    attachments: z
      .array(z.object({ id: z.string().min(1).max(300) }).strict())
      .max(5000)
      .optional(),
    piiTypes: z.array(z.string().max(40)).max(100),
  })
  .strict();

export type ObserveInput = z.input<typeof observeInputSchema>;

export const observeResultSchema = z.object({
  customerId: z.string(),
  created: z.boolean(),
  mergedCustomerIds: z.array(z.string()),
  /** Set when an identity of this customer is in an erasure receipt: the last time they were forgotten. */
  forgottenOn: z.number().optional(),
});
export type ObserveResult = z.infer<typeof observeResultSchema>;

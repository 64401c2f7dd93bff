/**
 * Messages the privacy panel needs beyond the register's own: the open conversation's state in one
 * round trip (retention badge and which messages are held), spread into lib/messaging/protocol.ts.
 */
import { z } from 'zod';

export const panelMessages = {
  'panel.conversationState': {
    request: z
      .object({
        tool: z.string().min(1).max(50),
        conversationId: z.string().min(1).max(300),
        messageIds: z.array(z.string().min(1).max(300)).max(5000),
      })
      .strict(),
    response: z
      .object({
        retention: z
          .object({
            state: z.enum(['ok', 'due', 'overdue']),
            dueAt: z.number(),
            /** Counted from when the panel last saw it, not from the tool's own close or update date. */
            estimated: z.boolean(),
          })
          .nullable(),
        heldMessageIds: z.array(z.string()),
      })
      .strict(),
  },
} as const;

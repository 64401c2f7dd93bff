/**
 * Messages the privacy panel needs beyond the register's own, spread into lib/messaging/protocol.ts:
 * - `panel.conversationState`: the open conversation's state in one round trip (retention badge, held messages);
 * - `panel.detect`: personal-data detection for a batch of message texts, run by the background service worker
 *   so the engine (libphonenumber metadata, recognizers) never loads or runs on the tool's page. Offsets are
 *   per text.
 */
import { z } from 'zod';

const MAX_DETECT_CHARS = 2_000_000;
/** Numbers per finding in `panel.detect`'s answer. */
export const FINDING_FIELDS = 5;

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
  'panel.detect': {
    request: z
      .object({
        texts: z
          .array(z.string().max(MAX_DETECT_CHARS))
          .max(5000)
          .refine((texts) => texts.reduce((n, t) => n + t.length, 0) <= MAX_DETECT_CHARS, 'too much text'),
        hints: z
          .object({
            names: z.array(z.string().max(200)).max(20),
            emails: z.array(z.string().max(320)).max(50),
            phones: z.array(z.string().max(40)).max(50),
          })
          .strict(),
      })
      .strict(),
    // One string of comma-separated numbers, FINDING_FIELDS per finding: text, type (index in PII_TYPES), start,
    // end, confidence in thousandths. The value is the page's own text between start and end. Checking one string
    // against a pattern costs the page far less than checking thousands of small objects or numbers one by one
    // (measured with scripts/page/profile.ts); the decoder checks every number against the texts.
    response: z
      .object({
        findings: z
          .string()
          .max(20_000_000)
          .regex(/^(?:\d+(?:,\d+)*)?$/, 'not a list of numbers'),
      })
      .strict(),
  },
} as const;

/**
 * Messages the privacy panel needs beyond the register's own, spread into lib/messaging/protocol.ts:
 * - `panel.conversationState`: the open conversation's state in one round trip (retention badge, held messages);
 * - `panel.detect`: personal-data detection for a batch of message texts, run by the background service worker
 *   so the engine (libphonenumber metadata, recognizers) never loads or runs on the tool's page. Offsets are
 *   per text.
 */
import * as z from 'zod/mini';
import { text } from './schema-parts';

const MAX_DETECT_CHARS = 2_000_000;

export const panelMessages = {
  'panel.conversationState': {
    request: z.strictObject({
      tool: text(1, 50),
      conversationId: text(1, 300),
      messageIds: z.array(text(1, 300)).check(z.maxLength(5000)),
    }),
    response: z.strictObject({
      retention: z.nullable(
        z.object({
          state: z.enum(['ok', 'due', 'overdue']),
          dueAt: z.number(),
          /** Counted from when the panel last saw it, not from the tool's own close or update date. */
          estimated: z.boolean(),
        }),
      ),
      heldMessageIds: z.array(z.string()),
    }),
  },
  'panel.detect': {
    request: z.strictObject({
      texts: z.array(text(0, MAX_DETECT_CHARS)).check(
        z.maxLength(5000),
        z.refine((texts) => texts.reduce((n, t) => n + t.length, 0) <= MAX_DETECT_CHARS, 'too much text'),
      ),
      hints: z.strictObject({
        names: z.array(text(0, 200)).check(z.maxLength(20)),
        emails: z.array(text(0, 320)).check(z.maxLength(50)),
        phones: z.array(text(0, 40)).check(z.maxLength(50)),
      }),
    }),
    // One string of comma-separated numbers, FINDING_FIELDS (lib/messaging/finding-fields.ts) per finding: text, type (index in PII_TYPES), start,
    // end, confidence in thousandths. The value is the page's own text between start and end. Checking one string
    // against a pattern costs the page far less than checking thousands of small objects or numbers one by one
    // (measured with scripts/page/profile.ts); the decoder checks every number against the texts.
    response: z.strictObject({
      findings: z.string().check(z.maxLength(20_000_000), z.regex(/^(?:\d+(?:,\d+)*)?$/, 'not a list of numbers')),
    }),
  },
} as const;

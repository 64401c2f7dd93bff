/**
 * Retention between the dashboard and the background, spread into lib/messaging/protocol.ts: "Check now"
 * runs the retention check and answers the summary (ids, dates and counts only); "Clean up" starts
 * erasure jobs for due items; the content script asks which rows of a tool's list view to pin as due.
 * The background only cleans up items its own last run listed, whatever the request claims, so a page
 * cannot widen a cleanup.
 */
import { z } from 'zod';
import { dueItemSchema, retentionSummarySchema } from '../retention/types';

/** lib/retention/run-check.ts MAX_LISTED_ITEMS (not imported: it would pull the register into every context). */
const MAX_ITEMS = 5_000;

export const retentionMessages = {
  /** Runs the retention check now; the action badge and the stored summary follow. */
  'retention.checkNow': {
    request: z.object({}).strict(),
    response: retentionSummarySchema,
  },
  /** Starts cleanup jobs (one per customer) for these due items; held and unconfirmed ones are left alone. */
  'retention.cleanUp': {
    request: z.object({ items: z.array(dueItemSchema).min(1).max(MAX_ITEMS) }).strict(),
    response: z
      .object({
        jobIds: z.array(z.string()),
        kept: z.number().int().nonnegative(),
        skipped: z.number().int().nonnegative(),
        errors: z.array(z.object({ tool: z.string(), message: z.string() })),
      })
      .strict(),
  },
  /**
   * The content script's list-view pins: the due states of one tool's items by the tool's id (no customer,
   * no dates). Answered only to a tab showing that tool's site.
   */
  'retention.listPins': {
    request: z.object({ tool: z.string().min(1).max(50) }).strict(),
    response: z
      .object({
        pins: z
          .array(z.object({ toolId: z.string().min(1).max(300), state: z.enum(['due', 'overdue']) }).strict())
          .max(MAX_ITEMS),
      })
      .strict(),
  },
} as const;

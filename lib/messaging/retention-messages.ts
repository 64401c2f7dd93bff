/**
 * Retention between the dashboard and the background, spread into lib/messaging/protocol.ts: "Check now"
 * runs the retention check and answers the summary (ids, dates and counts only); "Clean up" starts
 * erasure jobs for due items; the content script asks which rows of a tool's list view to pin as due.
 * The background only cleans up items its own last run listed, whatever the request claims, so a page
 * cannot widen a cleanup.
 */
import * as z from 'zod/mini';
import { count, text } from './schema-parts';
import { dueItemSchema, retentionSummarySchema } from '../retention/types';

/** lib/retention/run-check.ts MAX_LISTED_ITEMS (not imported: it would pull the register into every context). */
const MAX_ITEMS = 5_000;

export const retentionMessages = {
  /** Runs the retention check now; the action badge and the stored summary follow. */
  'retention.checkNow': {
    request: z.strictObject({}),
    response: retentionSummarySchema,
  },
  /** Starts cleanup jobs (one per customer) for these due items; held and unconfirmed ones are left alone. */
  'retention.cleanUp': {
    request: z.strictObject({ items: z.array(dueItemSchema).check(z.minLength(1), z.maxLength(MAX_ITEMS)) }),
    response: z.strictObject({
      jobIds: z.array(z.string()),
      kept: count(),
      skipped: count(),
      errors: z.array(z.object({ tool: z.string(), message: z.string() })),
    }),
  },
  /**
   * The content script's list-view pins: the due states of one tool's items by the tool's id (no customer,
   * no dates). Answered only to a tab showing that tool's site.
   */
  'retention.listPins': {
    request: z.strictObject({ tool: text(1, 50) }),
    response: z.strictObject({
      pins: z
        .array(z.strictObject({ toolId: text(1, 300), state: z.enum(['due', 'overdue']) }))
        .check(z.maxLength(MAX_ITEMS)),
    }),
  },
} as const;

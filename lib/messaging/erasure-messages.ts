/**
 * The Forget flow between the panel (or the dashboard) and the background, spread into
 * lib/messaging/protocol.ts: a dry-run plan per tool, starting the job, its progress, retrying
 * failed steps and confirming a guided manual step. Plans carry item titles for the dialog only;
 * jobs and their progress carry ids and counts.
 */
import * as z from 'zod/mini';
import { count, text } from './schema-parts';

const tool = text(1, 50);
const id = text(1, 300);
const permanence = z.enum(['permanent', 'soft', 'manual']);

export const planItemSchema = z.object({
  kind: z.string(),
  id: z.string(),
  role: z.string(),
  title: z.optional(text(0, 300)),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const toolPlanSchema = z.object({
  tool,
  label: z.string(),
  permanence,
  permanenceNote: z.string(),
  /** Everything that will go (counts), and the first items of it (the list is capped). */
  eraseCount: count(),
  erase: z.array(planItemSchema).check(z.maxLength(200)),
  keptCount: count(),
  kept: z.array(planItemSchema).check(z.maxLength(200)),
  manual: z.optional(z.object({ deepLink: z.url(), checklist: z.array(z.string()) })),
});
export type ToolPlanView = z.infer<typeof toolPlanSchema>;

export const erasurePlanSchema = z.object({
  planId: z.string(),
  tools: z.array(toolPlanSchema),
  /** Tools that are connected but could not be searched now: the plan is incomplete for them. */
  errors: z.array(z.object({ tool, label: z.string(), message: z.string() })),
  /** Tools PrivacyDesk knows that are not connected in this browser: nothing is erased there. */
  notConnected: z.array(z.object({ tool, label: z.string() })),
});
export type ErasurePlanView = z.infer<typeof erasurePlanSchema>;

export const erasureProgressSchema = z.object({
  jobId: z.string(),
  status: z.enum(['planned', 'running', 'verifying', 'awaiting-agent', 'erased', 'partial']),
  stepsDone: count(),
  stepsTotal: count(),
  perTool: z.array(
    z.object({
      tool,
      label: z.string(),
      permanence,
      erased: count(),
      /** Still to go: not erased yet while running; at the end, what the tool still holds. */
      left: count(),
      failed: count(),
      kept: count(),
    }),
  ),
  /** Guided manual steps waiting for the agent's confirmation. */
  manual: z.array(
    z.object({
      stepId: count(),
      tool,
      label: z.string(),
      deepLink: z.optional(z.url()),
      checklist: z.array(z.string()),
    }),
  ),
  errors: z.array(z.object({ tool, message: z.string(), retryable: z.boolean() })),
  /** When done: the day erased data is gone from the tools' backups too. */
  backupsClearBy: z.optional(z.number()),
  finishedAt: z.optional(z.number()),
});
export type ErasureProgressView = z.infer<typeof erasureProgressSchema>;

const identity = z.strictObject({
  kind: z.enum(['email', 'phone', 'handle']),
  value: text(1, 400),
  channel: z.optional(tool),
});

export const erasureMessages = {
  /** Dry run: what every connected tool holds of the customer, what would go, what stays and why. */
  'erasure.plan': {
    request: z.strictObject({
      identities: z.array(identity).check(z.minLength(1), z.maxLength(50)),
      conversation: z.strictObject({ tool, conversationId: id }),
    }),
    response: erasurePlanSchema,
  },
  /** Starts the job for a plan the agent confirmed (re-planned if the background restarted meanwhile). */
  'erasure.start': {
    request: z.strictObject({ planId: text(1, 100) }),
    response: z.strictObject({ jobId: z.string(), replanned: z.boolean() }),
  },
  'erasure.progress': {
    request: z.strictObject({ jobId: text(1, 100) }),
    response: erasureProgressSchema,
  },
  'erasure.retry': {
    request: z.strictObject({ jobId: text(1, 100) }),
    response: z.strictObject({ ok: z.literal(true) }),
  },
  'erasure.confirmManual': {
    request: z.strictObject({ jobId: text(1, 100), stepId: count() }),
    response: z.strictObject({ ok: z.literal(true) }),
  },
} as const;

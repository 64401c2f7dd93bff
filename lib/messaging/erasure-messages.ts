/**
 * The Forget flow between the panel (or the dashboard) and the background, spread into
 * lib/messaging/protocol.ts: a dry-run plan per tool, starting the job, its progress, retrying
 * failed steps and confirming a guided manual step. Plans carry item titles for the dialog only;
 * jobs and their progress carry ids and counts.
 */
import { z } from 'zod';

const tool = z.string().min(1).max(50);
const id = z.string().min(1).max(300);
const permanence = z.enum(['permanent', 'soft', 'manual']);

export const planItemSchema = z.object({
  kind: z.string(),
  id: z.string(),
  role: z.string(),
  title: z.string().max(300).optional(),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const toolPlanSchema = z.object({
  tool,
  label: z.string(),
  permanence,
  permanenceNote: z.string(),
  /** Everything that will go (counts), and the first items of it (the list is capped). */
  eraseCount: z.number().int().nonnegative(),
  erase: z.array(planItemSchema).max(200),
  keptCount: z.number().int().nonnegative(),
  kept: z.array(planItemSchema).max(200),
  manual: z.object({ deepLink: z.url(), checklist: z.array(z.string()) }).optional(),
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
  stepsDone: z.number().int().nonnegative(),
  stepsTotal: z.number().int().nonnegative(),
  perTool: z.array(
    z.object({
      tool,
      label: z.string(),
      permanence,
      erased: z.number().int().nonnegative(),
      /** Still to go: not erased yet while running; at the end, what the tool still holds. */
      left: z.number().int().nonnegative(),
      failed: z.number().int().nonnegative(),
      kept: z.number().int().nonnegative(),
    }),
  ),
  /** Guided manual steps waiting for the agent's confirmation. */
  manual: z.array(
    z.object({
      stepId: z.number().int().nonnegative(),
      tool,
      label: z.string(),
      deepLink: z.url().optional(),
      checklist: z.array(z.string()),
    }),
  ),
  errors: z.array(z.object({ tool, message: z.string(), retryable: z.boolean() })),
  /** When done: the day erased data is gone from the tools' backups too. */
  backupsClearBy: z.number().optional(),
  finishedAt: z.number().optional(),
});
export type ErasureProgressView = z.infer<typeof erasureProgressSchema>;

const identity = z
  .object({ kind: z.enum(['email', 'phone', 'handle']), value: z.string().min(1).max(400), channel: tool.optional() })
  .strict();

export const erasureMessages = {
  /** Dry run: what every connected tool holds of the customer, what would go, what stays and why. */
  'erasure.plan': {
    request: z
      .object({
        identities: z.array(identity).min(1).max(50),
        conversation: z.object({ tool, conversationId: id }).strict(),
      })
      .strict(),
    response: erasurePlanSchema,
  },
  /** Starts the job for a plan the agent confirmed (re-planned if the background restarted meanwhile). */
  'erasure.start': {
    request: z.object({ planId: z.string().min(1).max(100) }).strict(),
    response: z.object({ jobId: z.string(), replanned: z.boolean() }).strict(),
  },
  'erasure.progress': {
    request: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    response: erasureProgressSchema,
  },
  'erasure.retry': {
    request: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    response: z.object({ ok: z.literal(true) }).strict(),
  },
  'erasure.confirmManual': {
    request: z.object({ jobId: z.string().min(1).max(100), stepId: z.number().int().nonnegative() }).strict(),
    response: z.object({ ok: z.literal(true) }).strict(),
  },
} as const;

/**
 * A durable erasure job as it is persisted: the plan's steps (ids only, never content), each with
 * its status and attempts, what was found held along the way, and the verification per tool.
 * Parsed with zod when read back from the store.
 */
import { z } from 'zod';
import { identitySchema, stepSpecSchema } from '../connectors/types';

export const errorShapeSchema = z.object({ status: z.number(), retryable: z.boolean(), userMessage: z.string() });

export const stepStatusSchema = z.enum(['pending', 'running', 'done', 'failed', 'skipped', 'waiting']);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const jobStepSchema = z.object({
  id: z.number().int().nonnegative(),
  /** Index of this step among its tool's steps (what `spec.dependsOn` refers to). */
  toolIndex: z.number().int().nonnegative(),
  spec: stepSpecSchema,
  status: stepStatusSchema,
  attempts: z.number().int().nonnegative(),
  startedAt: z.number().optional(),
  finishedAt: z.number().optional(),
  erased: z.array(z.string()).default([]),
  alreadyGone: z.array(z.string()).default([]),
  pending: z.array(z.string()).default([]),
  heldSkipped: z.array(z.string()).default([]),
  error: errorShapeSchema.optional(),
});
export type JobStep = z.infer<typeof jobStepSchema>;

export const itemRefSchema = z.object({ kind: z.string(), id: z.string(), role: z.string() });

export const toolVerificationSchema = z.object({
  status: z.enum(['pending', 'done', 'failed']),
  rounds: z.number().int().nonnegative(),
  notBefore: z.number().optional(),
  remaining: z.array(z.string()).default([]),
  error: errorShapeSchema.optional(),
});

export const jobStatusSchema = z.enum(['planned', 'running', 'verifying', 'awaiting-agent', 'erased', 'partial']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const leftoverSchema = z.object({
  tool: z.string(),
  id: z.string(),
  /** present: still in the tool; recoverable: in the tool's trash; unverified: the tool could not be asked. */
  state: z.enum(['present', 'recoverable', 'unverified', 'not-searched', 'manual']),
});
export type Leftover = z.infer<typeof leftoverSchema>;

export const jobSchema = z.object({
  id: z.string(),
  kind: z.literal('erase'),
  customerId: z.string(),
  requestId: z.string().optional(),
  /** Needed to re-query the tools; emptied when the register forgets the customer. */
  identities: z.array(identitySchema),
  status: jobStatusSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().optional(),
  tools: z.array(z.string()),
  /** Tools that could not be searched when planning: never reported erased. */
  notSearched: z.array(z.string()).default([]),
  items: z.record(z.string(), z.array(itemRefSchema)),
  held: z.record(z.string(), z.array(z.string())),
  steps: z.array(jobStepSchema),
  verification: z.record(z.string(), toolVerificationSchema),
  leftover: z.array(leftoverSchema).default([]),
  receiptId: z.string().optional(),
});
export type Job = z.infer<typeof jobSchema>;

export interface JobProgress {
  jobId: string;
  status: JobStatus;
  stepsDone: number;
  stepsTotal: number;
  perTool: { tool: string; erased: number; kept: number; failed: number; remaining: number }[];
  leftover: Leftover[];
  errors: { tool: string; userMessage: string; retryable: boolean }[];
}

export function isTerminal(status: JobStatus): boolean {
  return status === 'erased' || status === 'partial';
}

/** The Forget messages as the panel's dialog calls them (tests pass a fake with the same shape). */
import { sendMessage } from '../messaging/messenger';
import type { RequestOf } from '../messaging/protocol';
import type { ErasurePlanView, ErasureProgressView } from '../messaging/erasure-messages';

export type PlanRequest = RequestOf<'erasure.plan'>;

/** The background's Forget messages (a fake in tests). */
export interface ErasureClient {
  plan(request: PlanRequest): Promise<ErasurePlanView>;
  start(planId: string): Promise<{ jobId: string }>;
  progress(jobId: string): Promise<ErasureProgressView>;
  retry(jobId: string): Promise<unknown>;
  confirmManual(jobId: string, stepId: number): Promise<unknown>;
}

export const messageClient: ErasureClient = {
  plan: (request) => sendMessage('erasure.plan', request),
  start: (planId) => sendMessage('erasure.start', { planId }),
  progress: (jobId) => sendMessage('erasure.progress', { jobId }),
  retry: (jobId) => sendMessage('erasure.retry', { jobId }),
  confirmManual: (jobId, stepId) => sendMessage('erasure.confirmManual', { jobId, stepId }),
};

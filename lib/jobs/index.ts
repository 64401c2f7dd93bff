/**
 * The erasure API for the background and the Forget dialog:
 * `createErasureService(deps)` → `planErasure(customer, tools)`, `startErasure(plan)`, `runJobSlice(jobId, budget)`,
 * `progress(jobId)`, `retryFailed(jobId)`, `confirmManual(jobId, stepId)`; `nextRunAt(job)` for the alarm.
 * On the real register: `RegisterJobStore` and the register port in lib/erasure-bridge/.
 */
export { createErasureService, progressOf, type ErasureService, type ErasureServiceDeps } from './erasure-service';
export type { Plan } from './plan';
export { nextRunAt, type SliceBudget } from './runner';
export type { Job, JobProgress, Leftover } from './types';

/**
 * What the background does on each run: check, keep the summary for the dashboard and popup, set
 * the action badge, and — only for policies the user switched on with a confirmation — start the
 * cleanup of that policy's due items. Automatic cleanup is off by default.
 */
import type { RegisterDb } from '../register/db';
import { showDueBadge } from './badge';
import { planCleanup, startCleanup, type CleanupDeps, type JobStarter } from './cleanup';
import { runRetentionCheck } from './run-check';
import { autoCleanupOn, lastRetentionRun, readSettings } from './settings';
import type { RetentionSource, RetentionSummary } from './types';

export interface AutoCleanup extends Omit<CleanupDeps, 'now'> {
  service: JobStarter;
}

export interface PublishInput {
  connectors: readonly RetentionSource[];
  register: RegisterDb;
  now: number;
  /** Present once the background can run erasure jobs; without it nothing is erased automatically. */
  cleanup?: AutoCleanup;
}

export async function checkAndPublish(
  input: PublishInput,
): Promise<{ summary: RetentionSummary; startedJobs: string[] }> {
  const summary = await runRetentionCheck(input);
  await lastRetentionRun.setValue(summary);
  await showDueBadge(summary.dueCount);
  const settings = await readSettings();
  const auto = summary.items.filter((i) => autoCleanupOn(settings, i.policyId));
  let startedJobs: string[] = [];
  if (input.cleanup && auto.length > 0) {
    const plan = await planCleanup(auto, { ...input.cleanup, now: input.now });
    startedJobs = await startCleanup(plan, input.cleanup.service);
  }
  return { summary, startedJobs };
}

/**
 * What crosses to the Forget dialog: the plan per tool (counts, the first items with their titles,
 * what stays because it is held, what must be done by hand) and a job's progress per tool (erased,
 * left, failed, kept), with the guided manual steps waiting for the agent.
 */
import type { ConnectorDefinition } from '../connectors/define-connector';
import type { FoundItem } from '../connectors/types';
import { erasedIds } from '../jobs/erasure-service';
import type { Plan } from '../jobs/plan';
import { isTerminal, type Job } from '../jobs/types';
import type { ErasurePlanView, ErasureProgressView, PlanItem } from '../messaging/erasure-messages';

export const LISTED_ITEMS = 200;

const asItem = (item: FoundItem): PlanItem => ({
  kind: item.kind,
  id: item.id,
  role: item.role,
  ...(item.title ? { title: item.title.slice(0, 300) } : {}),
});

export function planView(
  planId: string,
  plan: Plan,
  connectors: Record<string, ConnectorDefinition>,
  connected: readonly string[],
): ErasurePlanView {
  const label = (tool: string) => connectors[tool]?.label ?? tool;
  return {
    planId,
    tools: plan.tools.map((t) => ({
      tool: t.tool,
      label: t.label,
      permanence: t.permanence,
      permanenceNote: t.permanenceNote,
      eraseCount: t.erase.length,
      erase: t.erase.slice(0, LISTED_ITEMS).map(asItem),
      keptCount: t.kept.length,
      kept: t.kept.slice(0, LISTED_ITEMS).map(asItem),
      ...(t.manual ? { manual: t.manual } : {}),
    })),
    errors: plan.errors.map((e) => ({ tool: e.tool, label: label(e.tool), message: e.error.userMessage })),
    notConnected: Object.values(connectors)
      .filter((c) => c.auth.kind !== 'none' && !connected.includes(c.id))
      .map((c) => ({ tool: c.id, label: c.label })),
  };
}

export function progressView(
  job: Job,
  connectors: Record<string, ConnectorDefinition>,
  backupsClearBy?: number,
): ErasureProgressView {
  const done = isTerminal(job.status);
  return {
    jobId: job.id,
    status: job.status,
    stepsDone: job.steps.filter((s) => s.status === 'done' || s.status === 'skipped').length,
    stepsTotal: job.steps.length,
    perTool: job.tools.map((tool) => {
      const connector = connectors[tool];
      const held = new Set(job.held[tool] ?? []);
      const erased = erasedIds(job, tool);
      const toGo = (job.items[tool] ?? []).filter((i) => !held.has(`${i.kind}:${i.id}`) && !erased.has(i.id));
      return {
        tool,
        label: connector?.label ?? tool,
        permanence: connector?.capabilities.erase ?? 'permanent',
        erased: erased.size,
        left: done ? job.leftover.filter((l) => l.tool === tool).length : toGo.length,
        failed: job.steps.filter((s) => s.spec.tool === tool && s.status === 'failed').length,
        kept: held.size,
      };
    }),
    manual: job.steps
      .filter((s) => s.status === 'waiting')
      .map((s) => {
        const connector = connectors[s.spec.tool];
        const manual = connector?.planErasure({ tool: s.spec.tool, items: [] }).manual;
        return {
          stepId: s.id,
          tool: s.spec.tool,
          label: connector?.label ?? s.spec.tool,
          ...(manual ? { deepLink: manual.deepLink } : {}),
          checklist: manual?.checklist ?? [],
        };
      }),
    errors: job.steps
      .filter((s) => s.status === 'failed' && s.error)
      .map((s) => ({ tool: s.spec.tool, message: s.error!.userMessage, retryable: s.error!.retryable })),
    ...(backupsClearBy !== undefined ? { backupsClearBy } : {}),
    ...(job.finishedAt !== undefined ? { finishedAt: job.finishedAt } : {}),
  };
}

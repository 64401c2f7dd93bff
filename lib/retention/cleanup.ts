/**
 * Cleanup of due items: `planCleanup` re-reads holds at each tool first, drops every held item, and
 * plans the erasure per customer with the tool's own connector; `startCleanup` hands the plans to
 * the erasure job runner (lib/jobs), which re-reads holds once more right before each delete.
 * Only items the tool itself confirmed as expired are cleaned up; a held item never reaches a step.
 */
import { chunk } from '../connectors/define-connector';
import { toErrorShape } from '../connectors/errors';
import type { FoundItem, Identity, StepSpec } from '../connectors/types';
import { assertNoHeldInSteps, type Plan } from '../jobs/plan';
import type { ToolContexts } from '../jobs/tool-contexts';
import { groupBy } from './group-by';
import type { DueItem } from './types';

/** A marker in the job's request id: this job erases due items, it does not forget a customer. */
export const RETENTION_REQUEST_PREFIX = 'retention:';
const HOLD_READ_BATCH = 100;

export interface CleanupDeps {
  contexts: Pick<ToolContexts, 'connector' | 'context'>;
  identitiesOf(customerId: string): Promise<Identity[]>;
  now: number;
}

export interface CleanupPlan {
  plans: Plan[];
  /** Held (in the register, or at the tool when re-read now): they stay. */
  kept: DueItem[];
  /** Not confirmed by the tool, or its holds could not be read: not touched this time. */
  skipped: DueItem[];
  errors: { tool: string; message: string }[];
}

const keyOf = (i: { tool: string; toolId: string; toolKind?: string }) => `${i.tool}|${i.toolKind}|${i.toolId}`;

async function heldAtTool(deps: CleanupDeps, tool: string, toolKind: string, ids: string[]): Promise<Set<string>> {
  const connector = deps.contexts.connector(tool);
  const context = await deps.contexts.context(tool);
  const held = new Set<string>();
  for (const batch of chunk(ids, HOLD_READ_BATCH)) {
    const spec: StepSpec = {
      tool,
      action: 'retention.read-holds',
      kind: toolKind,
      ids: batch,
      checkHolds: true,
      requiresNoHolds: false,
      permanence: 'permanent',
    };
    for (const id of await connector.readHolds(context, spec)) held.add(id);
  }
  return held;
}

function toFound(item: DueItem): FoundItem {
  return {
    tool: item.tool,
    kind: item.toolKind as FoundItem['kind'],
    id: item.toolId,
    role: 'contact',
    held: false,
    updatedAt: item.dueAt,
  };
}

export async function planCleanup(dueItems: readonly DueItem[], deps: CleanupDeps): Promise<CleanupPlan> {
  const out: CleanupPlan = { plans: [], kept: [], skipped: [], errors: [] };
  const candidates: DueItem[] = [];
  // One held mention of an id in a tool keeps it, whatever other entries for it say (conservative).
  const heldKey = (i: DueItem) => `${i.tool}|${i.toolId}`;
  const heldKeys = new Set(dueItems.filter((i) => i.held).map(heldKey));
  for (const item of dueItems) {
    if (item.held || heldKeys.has(heldKey(item))) out.kept.push({ ...item, held: true });
    else if (!item.confirmed || !item.toolKind) out.skipped.push(item);
    else candidates.push(item);
  }

  // Re-read holds at the tool, per tool and kind; a tool that cannot answer is skipped entirely.
  const byToolKind = groupBy(candidates, (i) => `${i.tool}|${i.toolKind}`);
  const erasable: DueItem[] = [];
  for (const items of byToolKind.values()) {
    const { tool, toolKind } = items[0]!;
    try {
      const held = await heldAtTool(deps, tool, toolKind!, [...new Set(items.map((i) => i.toolId))]);
      for (const item of items)
        (held.has(item.toolId) ? out.kept : erasable).push(held.has(item.toolId) ? { ...item, held: true } : item);
    } catch (error) {
      out.skipped.push(...items);
      out.errors.push({ tool, message: toErrorShape(error).userMessage });
    }
  }

  const allowed = new Set(erasable.map(keyOf));
  for (const [customerId, items] of groupBy(erasable, (i) => i.customerId)) {
    const plan: Plan = {
      customerId,
      identities: await deps.identitiesOf(customerId),
      createdAt: deps.now,
      tools: [],
      found: [],
      errors: [],
    };
    for (const [tool, toolItems] of groupBy(items, (i) => i.tool)) {
      try {
        const connector = deps.contexts.connector(tool);
        const found = { tool, items: toolItems.map(toFound) };
        const toolPlan = connector.planErasure(found);
        assertNoHeldInSteps(toolPlan, found);
        // A connector plans only what it was given; a plan with anything else is refused outright.
        for (const step of toolPlan.steps)
          for (const id of step.ids)
            if (!allowed.has(`${tool}|${step.kind}|${id}`))
              throw new Error(`${connector.label}: cleanup planned an item that is not due`);
        plan.found.push(found);
        plan.tools.push({ ...toolPlan, label: connector.label, permanence: connector.capabilities.erase });
      } catch (error) {
        out.skipped.push(...toolItems);
        out.errors.push({ tool, message: error instanceof Error ? error.message : String(error) });
      }
    }
    if (plan.tools.length) out.plans.push(plan);
  }
  return out;
}

/** The ids a cleanup plan would erase, per tool (`tool|kind|id`): what the property test checks. */
export function plannedKeys(cleanup: CleanupPlan): Set<string> {
  const keys = new Set<string>();
  for (const plan of cleanup.plans)
    for (const toolPlan of plan.tools)
      for (const step of toolPlan.steps) for (const id of step.ids) keys.add(`${toolPlan.tool}|${step.kind}|${id}`);
  return keys;
}

export interface JobStarter {
  startErasure(plan: Plan): Promise<string>;
}

/** Starts one erasure job per customer; returns the job ids. */
export async function startCleanup(cleanup: CleanupPlan, service: JobStarter): Promise<string[]> {
  const ids: string[] = [];
  for (const plan of cleanup.plans)
    if (plan.tools.some((t) => t.steps.length > 0)) ids.push(await service.startErasure(plan));
  return ids;
}

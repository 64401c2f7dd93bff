/**
 * The dry run shown in the Forget dialog: every connected tool is searched for the customer by
 * role, and its connector plans the erasure. Held items are in `kept`, never in a step.
 */
import type { ConnectorDefinition } from '../connectors/define-connector';
import { toErrorShape, type ErrorShape } from '../connectors/errors';
import type { Found, Identity, ToolErasurePlan } from '../connectors/types';
import type { ToolContexts } from './tool-contexts';

export interface Plan {
  customerId: string;
  identities: Identity[];
  createdAt: number;
  tools: (ToolErasurePlan & { label: string; permanence: ConnectorDefinition['capabilities']['erase'] })[];
  found: Found[];
  /** Tools that could not be searched: the plan is incomplete for them. */
  errors: { tool: string; error: ErrorShape }[];
}

export function assertNoHeldInSteps(plan: ToolErasurePlan, found: Found): void {
  const held = new Set(found.items.filter((item) => item.held).map((item) => `${item.kind}:${item.id}`));
  for (const step of plan.steps)
    for (const id of step.ids)
      if (held.has(`${step.kind}:${id}`)) throw new Error(`${plan.tool}: a held ${step.kind} was planned for erasure`);
}

export async function buildPlan(
  contexts: ToolContexts,
  customer: { id: string; identities: Identity[] },
  tools: string[],
  now: number,
): Promise<Plan> {
  const plan: Plan = {
    customerId: customer.id,
    identities: customer.identities,
    createdAt: now,
    tools: [],
    found: [],
    errors: [],
  };
  // Tools are searched side by side (each behind its own rate limiter); the plan lists them in the order asked.
  const results = await Promise.all(
    tools.map(async (tool) => {
      const connector = contexts.connector(tool);
      try {
        const context = await contexts.context(tool);
        const found = await connector.find(context, customer.identities);
        const toolPlan = connector.planErasure(found);
        assertNoHeldInSteps(toolPlan, found);
        return { found, toolPlan: { ...toolPlan, label: connector.label, permanence: connector.capabilities.erase } };
      } catch (error) {
        return { error: { tool, error: toErrorShape(error) } };
      }
    }),
  );
  for (const result of results) {
    if (result.error) plan.errors.push(result.error);
    else {
      plan.found.push(result.found!);
      plan.tools.push(result.toolPlan!);
    }
  }
  return plan;
}

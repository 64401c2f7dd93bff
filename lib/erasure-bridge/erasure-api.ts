/**
 * The background's side of the Forget flow, free of browser APIs (the entrypoint wires messages,
 * alarms and session storage to it): plan a dry run over every connected tool, start the confirmed
 * plan as a durable job, report progress, retry failed steps, record a confirmed manual step.
 * Plans live in memory keyed by id (titles are for the dialog only and never stored); what is needed
 * to plan again is kept in session storage, so a restarted worker re-plans — re-reading holds — instead
 * of failing the agent's confirmation.
 */
import type { ConnectorDefinition } from '../connectors/define-connector';
import type { ErasureService } from '../jobs/erasure-service';
import type { Plan } from '../jobs/plan';
import type { ErasurePlanView, ErasureProgressView } from '../messaging/erasure-messages';
import type { RegisterDb } from '../register/db';
import type { RawIdentity } from '../register/normalise-identity';
import { resolveSubject } from './customer';
import type { JobDriver } from './job-driver';
import type { RegisterJobStore } from './register-job-store';
import { planView, progressView } from './views';

export interface PlanInput {
  identities: RawIdentity[];
  conversation: { tool: string; conversationId: string };
}

export interface PlanInputStore {
  get(planId: string): Promise<PlanInput | undefined>;
  set(planId: string, input: PlanInput): Promise<void>;
  remove(planId: string): Promise<void>;
}

export interface ErasureApiDeps {
  db: RegisterDb;
  service: ErasureService;
  store: RegisterJobStore;
  driver: Pick<JobDriver, 'drive'>;
  connectors: Record<string, ConnectorDefinition>;
  /** Tools connected in this browser (ids). */
  connectedTools: () => Promise<string[]>;
  inputs: PlanInputStore;
  newId?: () => string;
}

export class PlanExpiredError extends Error {
  override name = 'PlanExpiredError';
}

export function createErasureApi(deps: ErasureApiDeps) {
  const plans = new Map<string, Plan>();
  const newId = deps.newId ?? (() => crypto.randomUUID());

  /** Connected tools in the registry's order; a manual-only tool joins when the conversation is there. */
  async function toolsFor(input: PlanInput): Promise<{ tools: string[]; connected: string[] }> {
    const connected = await deps.connectedTools();
    const tools = Object.values(deps.connectors)
      .filter((c) => connected.includes(c.id) || (c.auth.kind === 'none' && c.id === input.conversation.tool))
      .map((c) => c.id);
    return { tools, connected };
  }

  async function makePlan(input: PlanInput): Promise<Plan> {
    const subject = await resolveSubject(deps.db, input.identities);
    const { tools } = await toolsFor(input);
    return deps.service.planErasure({ id: subject.id, identities: subject.identities }, tools);
  }

  return {
    async plan(input: PlanInput): Promise<ErasurePlanView> {
      const plan = await makePlan(input);
      const planId = newId();
      plans.set(planId, plan);
      await deps.inputs.set(planId, input);
      return planView(planId, plan, deps.connectors, (await toolsFor(input)).connected);
    },

    async start(planId: string): Promise<{ jobId: string; replanned: boolean }> {
      let plan = plans.get(planId);
      const replanned = !plan;
      if (!plan) {
        const input = await deps.inputs.get(planId);
        if (!input) throw new PlanExpiredError('The plan is no longer available; open Forget this customer again.');
        plan = await makePlan(input);
      }
      plans.delete(planId);
      await deps.inputs.remove(planId);
      const jobId = await deps.service.startErasure(plan);
      void deps.driver.drive(jobId);
      return { jobId, replanned };
    },

    async progress(jobId: string): Promise<ErasureProgressView> {
      const job = await deps.store.get(jobId);
      if (!job) throw new Error('No such job');
      const receipt = job.receiptId ? await deps.db.receipts.get(job.receiptId) : undefined;
      return progressView(job, deps.connectors, receipt?.backupsClearBy);
    },

    async retry(jobId: string): Promise<void> {
      await deps.service.retryFailed(jobId);
      void deps.driver.drive(jobId);
    },

    async confirmManual(jobId: string, stepId: number): Promise<void> {
      await deps.service.confirmManual(jobId, stepId);
      void deps.driver.drive(jobId);
    },
  };
}

export type ErasureApi = ReturnType<typeof createErasureApi>;

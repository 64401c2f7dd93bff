/**
 * The erasure job on the real register (lib/register, Dexie): jobs persist in its `jobs` table (the job's
 * state as payload, its steps as steps: ids and counts only, never content), the data-subject request is
 * created and closed there, audit entries carry tools and counts only, and forgetting uses the register's
 * own forgetCustomer (salted-hash receipt, backup horizon).
 */
import type { RegisterDb } from '../register/db';
import { appendAudit } from '../register/audit-log';
import { forgetCustomer } from '../register/forget-customer';
import { getSalt } from '../register/identity-hash';
import { closeRequest, createRequest } from '../register/requests';
import type { JobStore } from './job-store';
import type { AuditEntry, Receipt, RegisterPort } from './register-port';
import { jobSchema, type Job } from './types';

export class RegisterJobStore implements JobStore {
  constructor(private readonly db: RegisterDb) {}

  async get(id: string): Promise<Job | undefined> {
    const row = await this.db.jobs.get(id);
    if (!row || row.kind !== 'erase') return undefined;
    return jobSchema.parse({ ...(row.payload as object), steps: row.steps });
  }

  async put(job: Job): Promise<void> {
    const { steps, ...rest } = job;
    await this.db.jobs.put({
      id: job.id,
      kind: 'erase',
      status: job.status,
      customerId: job.customerId,
      payload: rest,
      steps,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
      ...(job.leftover.length ? { error: `${job.leftover.length} item(s) left` } : {}),
    });
  }

  async list(): Promise<Job[]> {
    const rows = await this.db.jobs.toArray();
    return rows
      .filter((r) => r.kind === 'erase')
      .map((r) => jobSchema.parse({ ...(r.payload as object), steps: r.steps }));
  }
}

export class RegisterPortAdapter implements RegisterPort {
  constructor(private readonly db: RegisterDb) {}

  async openErasureRequest(customerId: string, at: number): Promise<string | undefined> {
    if (!(await this.db.customers.get(customerId))) return undefined;
    return (await createRequest(this.db, customerId, 'erasure', at, at)).id;
  }

  async closeRequest(requestId: string, outcome: 'completed' | 'partial', at: number): Promise<void> {
    if (outcome !== 'completed' || !(await this.db.requests.get(requestId))) return;
    await closeRequest(this.db, requestId, at);
  }

  async audit(entry: AuditEntry): Promise<void> {
    const count = entry.counts ? Object.values(entry.counts).reduce((a, b) => a + b, 0) : undefined;
    await appendAudit(this.db, {
      at: entry.at,
      action: `erase.${entry.action}`,
      ...(entry.tool ? { tool: entry.tool } : {}),
      ...(count !== undefined ? { count } : {}),
      result: entry.action === 'erase-step-failed' ? 'failed' : entry.action === 'erase-partial' ? 'partial' : 'ok',
      detail: `job ${entry.jobId}${entry.counts ? ' ' + JSON.stringify(entry.counts) : ''}`.slice(0, 500),
    });
  }

  async forgetCustomer(customerId: string, receipt: Receipt): Promise<void> {
    // Idempotent: a job resumed after this point finds the customer already forgotten.
    if (!(await this.db.customers.get(customerId))) return;
    for (const tool of receipt.perTool)
      await appendAudit(this.db, {
        at: receipt.completedAt,
        action: 'erase.tool-erased',
        tool: tool.tool,
        count: tool.erased,
        result: 'ok',
        detail: `${tool.permanence}; kept ${tool.kept}; backups ${tool.backupHorizonDays} d; job ${receipt.jobId}`,
      });
    const backupHorizonDays = Math.max(0, ...receipt.perTool.map((t) => t.backupHorizonDays));
    await forgetCustomer(this.db, customerId, { backupHorizonDays }, receipt.completedAt);
  }

  salt(): Promise<string> {
    return getSalt(this.db);
  }
}

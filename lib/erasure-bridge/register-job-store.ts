/**
 * The erasure runner's JobStore on the register's Dexie `jobs` table. A row holds the job's status,
 * customer id, steps (ids only) and the rest of the job as its payload; every read is parsed with the
 * job schema, so a damaged row fails loudly instead of running a wrong erasure. Rows carry a kind
 * (`erase` here; retention cleanup uses its own), so jobs of other runners sharing the table are
 * never listed, read or resumed by this one.
 */
import type { JobStore } from '../jobs/job-store';
import { jobSchema, type Job } from '../jobs/types';
import type { RegisterDb } from '../register/db';
import type { Job as JobRow } from '../register/schemas';

export const ERASE_JOB_KIND = 'erase';

export class RegisterJobStore implements JobStore {
  constructor(
    private readonly db: RegisterDb,
    private readonly kind: string = ERASE_JOB_KIND,
  ) {}

  async get(id: string): Promise<Job | undefined> {
    const row = await this.db.jobs.get(id);
    return row && row.kind === this.kind ? this.fromRow(row) : undefined;
  }

  async put(job: Job): Promise<void> {
    const valid = jobSchema.parse(job);
    const { steps, ...payload } = valid;
    const firstError = steps.find((s) => s.status === 'failed' && s.error)?.error?.userMessage;
    await this.db.jobs.put({
      id: valid.id,
      kind: this.kind,
      status: valid.status,
      customerId: valid.customerId,
      payload,
      steps,
      createdAt: valid.createdAt,
      updatedAt: valid.updatedAt,
      ...(firstError ? { error: firstError.slice(0, 2000) } : {}),
    });
  }

  async list(): Promise<Job[]> {
    const rows = await this.db.jobs.filter((row) => row.kind === this.kind).toArray();
    return rows.map((row) => this.fromRow(row));
  }

  /** Jobs the runner still has to drive (not erased or partial), oldest first. */
  async unfinished(): Promise<Job[]> {
    // A damaged row must not stop every other job from resuming: it is left out (and shows in the dashboard).
    const rows = await this.db.jobs.filter((row) => row.kind === this.kind).toArray();
    const jobs = rows.flatMap((row) => {
      try {
        return [jobFromRow(row)];
      } catch {
        return [];
      }
    });
    return jobs
      .filter((j) => j.status !== 'erased' && j.status !== 'partial')
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  private fromRow(row: JobRow): Job {
    return jobFromRow(row);
  }
}

/** An erasure job from its register row (parsed: a damaged row throws). */
export function jobFromRow(row: JobRow): Job {
  const payload = typeof row.payload === 'object' && row.payload !== null ? row.payload : {};
  // The row's customerId column is authoritative: merging customers rewrites it (merge-customers.ts).
  return jobSchema.parse({ ...payload, steps: row.steps, ...(row.customerId ? { customerId: row.customerId } : {}) });
}

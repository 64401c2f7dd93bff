/**
 * Where export jobs persist: the register's `jobs` table (kind `export`) in the extension, a memory
 * store in tests. The erasure runner's JobStore is typed for erasure jobs, so exports share the table,
 * not that interface.
 */
import type { RegisterDb } from '../register/db';
import { exportJobSchema, type ExportJob } from './export-job-schema';

export interface ExportJobStore {
  get(id: string): Promise<ExportJob | undefined>;
  put(job: ExportJob): Promise<void>;
}

export class MemoryExportStore implements ExportJobStore {
  private readonly rows = new Map<string, string>();

  async get(id: string): Promise<ExportJob | undefined> {
    const row = this.rows.get(id);
    return row === undefined ? undefined : exportJobSchema.parse(JSON.parse(row));
  }

  async put(job: ExportJob): Promise<void> {
    this.rows.set(job.id, JSON.stringify(job));
  }
}

export class RegisterExportStore implements ExportJobStore {
  constructor(private readonly db: RegisterDb) {}

  async get(id: string): Promise<ExportJob | undefined> {
    const row = await this.db.jobs.get(id);
    return row && row.kind === 'export' ? exportJobSchema.parse(row.payload) : undefined;
  }

  async put(job: ExportJob): Promise<void> {
    await this.db.jobs.put({
      id: job.id,
      kind: 'export',
      status: job.status,
      customerId: job.customerId,
      payload: job,
      steps: job.tools,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
      error: job.error,
    });
  }
}

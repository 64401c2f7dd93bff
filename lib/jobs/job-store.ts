/**
 * Where jobs persist. The register's Dexie `jobs` table implements this in the extension; the
 * in-memory store copies on every read and write, so a test that "kills" a runner and starts a fresh
 * one sees exactly what was persisted and nothing more.
 */
import { type Job, jobSchema } from './types';

export interface JobStore {
  get(id: string): Promise<Job | undefined>;
  put(job: Job): Promise<void>;
  list(): Promise<Job[]>;
}

export class MemoryJobStore implements JobStore {
  private readonly rows = new Map<string, string>();
  writes = 0;

  async get(id: string): Promise<Job | undefined> {
    const row = this.rows.get(id);
    return row === undefined ? undefined : jobSchema.parse(JSON.parse(row));
  }

  async put(job: Job): Promise<void> {
    this.writes += 1;
    this.rows.set(job.id, JSON.stringify(job));
  }

  async list(): Promise<Job[]> {
    return [...this.rows.values()].map((row) => jobSchema.parse(JSON.parse(row)));
  }
}

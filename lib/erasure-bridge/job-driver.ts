/**
 * Drives erasure jobs in the background. A job runs in budgeted slices (20 s by default), each step
 * persisted before and after by the runner, so a service worker killed mid-slice loses nothing.
 * One alarm ('erasure-jobs-tick') brings the worker back: as a watchdog while a slice runs, at the
 * time a job waits for (a tool's background deletion, a retry delay), and on start every unfinished
 * job is resumed from the store. Jobs waiting for the agent (a manual step) need no alarm.
 */
import type { ErasureService } from '../jobs/erasure-service';
import { nextRunAt } from '../jobs/runner';
import { isTerminal, type Job } from '../jobs/types';
import type { RegisterJobStore } from './register-job-store';

export const JOBS_ALARM = 'erasure-jobs-tick';
/** Chrome runs alarms at most every 30 s: a shorter wait is slept through in the running worker. */
export const SHORT_WAIT_MS = 30_000;
const WATCHDOG_MS = 60_000;
const MAX_SLICES = 10_000;

export interface AlarmsPort {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<unknown> | unknown;
}

export interface JobDriverDeps {
  service: Pick<ErasureService, 'runJobSlice'>;
  store: Pick<RegisterJobStore, 'get' | 'unfinished'>;
  alarms: AlarmsPort;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  sliceMs?: number;
  /**
   * Which stored jobs this driver runs. Another runner's jobs in the same store (retention cleanup, run
   * to the end by its own code with its own register port) must never be resumed here.
   */
  owns?: (job: Job) => boolean;
  /** Told the error's name only: never its message (it may name a customer or a tool's answer). */
  onError?: (where: string, error: unknown) => void;
}

const needsRunner = (job: Job) => !isTerminal(job.status) && job.status !== 'awaiting-agent';

export class JobDriver {
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly deps: JobDriverDeps) {}

  private async mine(): Promise<Job[]> {
    const owns = this.deps.owns ?? (() => true);
    return (await this.deps.store.unfinished()).filter((job) => owns(job) && needsRunner(job));
  }

  /** Runs the job until it ends, waits for the agent, or waits longer than a running worker should. */
  drive(jobId: string): Promise<void> {
    const current = this.running.get(jobId);
    if (current) return current;
    const run = this.loop(jobId)
      .catch((error: unknown) => this.deps.onError?.('drive', error))
      .finally(() => this.running.delete(jobId))
      .then(() => this.schedule());
    this.running.set(jobId, run);
    return run;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** On worker start and on the alarm: every unfinished job that is due runs again. */
  async resumeAll(): Promise<void> {
    const now = this.deps.now();
    const due = (await this.mine()).filter((job) => (nextRunAt(job) ?? now) <= now + SHORT_WAIT_MS);
    await Promise.all(due.map((job) => this.drive(job.id)));
    await this.schedule();
  }

  /** One alarm at the earliest time a job wants to run again (a watchdog while one is running). */
  async schedule(): Promise<void> {
    const now = this.deps.now();
    const times = (await this.mine()).map((job) => {
      if (this.running.has(job.id)) return now + WATCHDOG_MS;
      return Math.max(nextRunAt(job) ?? now, now + 1000);
    });
    if (times.length === 0) await this.deps.alarms.clear(JOBS_ALARM);
    else await this.deps.alarms.create(JOBS_ALARM, { when: Math.min(...times) });
  }

  private async loop(jobId: string): Promise<void> {
    const sliceMs = this.deps.sliceMs ?? 20_000;
    for (let slice = 0; slice < MAX_SLICES; slice += 1) {
      // If the worker is stopped during this slice, the alarm brings it back to resume.
      await this.deps.alarms.create(JOBS_ALARM, { when: this.deps.now() + WATCHDOG_MS });
      const job = await this.deps.service.runJobSlice(jobId, { deadline: this.deps.now() + sliceMs });
      if (!needsRunner(job)) return;
      const next = nextRunAt(job);
      const wait = next === undefined ? 0 : next - this.deps.now();
      if (wait > SHORT_WAIT_MS) return;
      if (wait > 0) await this.deps.sleep(wait);
    }
  }
}

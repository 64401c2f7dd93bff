/**
 * "Forget this customer" in the background: the erasure service over the connected tools and the
 * register, the Forget messages, and the job runner on one alarm; unfinished jobs resume when the
 * service worker starts.
 */
import { browser } from 'wxt/browser';
import { listConnections } from '@/lib/connections/store';
import { realClock } from '@/lib/connectors/clock';
import { connectors } from '@/lib/connectors/registry';
import { createErasureApi, type PlanInput, type PlanInputStore } from '@/lib/erasure-bridge/erasure-api';
import { JOBS_ALARM, JobDriver } from '@/lib/erasure-bridge/job-driver';
import { RegisterJobStore } from '@/lib/erasure-bridge/register-job-store';
import { registerErasurePort } from '@/lib/erasure-bridge/register-port';
import { createErasureService } from '@/lib/jobs/erasure-service';
import { onMessage } from '@/lib/messaging/messenger';
import { getRegister } from '@/lib/register/db';
import { RETENTION_REQUEST_PREFIX } from '@/lib/retention/cleanup';
import { browserToolDeps } from '@/lib/erasure-bridge/browser-tool-deps';

const logError = (where: string, error: unknown) =>
  console.error(`erasure ${where} failed`, error instanceof Error ? error.name : 'error');

/** Plan inputs (identities, conversation ref) in session storage: memory only, gone with the browser session. */
const sessionInputs: PlanInputStore = {
  async get(planId) {
    const key = `erasure-plan:${planId}`;
    return (await browser.storage.session.get(key))[key] as PlanInput | undefined;
  },
  async set(planId, input) {
    await browser.storage.session.set({ [`erasure-plan:${planId}`]: input });
  },
  async remove(planId) {
    await browser.storage.session.remove(`erasure-plan:${planId}`);
  },
};

export function setUpErasure(): void {
  const db = getRegister();
  const store = new RegisterJobStore(db);
  const service = createErasureService({
    ...browserToolDeps(),
    store,
    register: registerErasurePort(db, store),
  });
  const driver = new JobDriver({
    service,
    store,
    alarms: browser.alarms,
    now: () => Date.now(),
    sleep: (ms) => realClock.sleep(ms),
    // Retention cleanup jobs share the job store but run with their own register port (retention.ts).
    owns: (job) => !job.requestId?.startsWith(RETENTION_REQUEST_PREFIX),
    onError: logError,
  });
  const api = createErasureApi({
    db,
    service,
    store,
    driver,
    connectors,
    connectedTools: async () => (await listConnections()).map((c) => c.tool),
    inputs: sessionInputs,
  });

  onMessage('erasure.plan', (request) => api.plan(request));
  onMessage('erasure.start', ({ planId }) => api.start(planId));
  onMessage('erasure.progress', ({ jobId }) => api.progress(jobId));
  onMessage('erasure.retry', async ({ jobId }) => {
    await api.retry(jobId);
    return { ok: true as const };
  });
  onMessage('erasure.confirmManual', async ({ jobId, stepId }) => {
    await api.confirmManual(jobId, stepId);
    return { ok: true as const };
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === JOBS_ALARM) void driver.resumeAll().catch((e: unknown) => logError('resume', e));
  });
  void driver.resumeAll().catch((e: unknown) => logError('resume', e));
}

/**
 * Retention in the background: a daily alarm ('retention-daily') and the dashboard's "Check now" run
 * the check over every connected tool that can list expired items, store the summary and set the
 * action badge (the number of items due, "" for none); the weekly alarm ('retention-digest') shows
 * the opt-in digest. "Clean up" starts erasure jobs through a service whose register port removes
 * only the erased items (retentionRegisterPort): a cleanup never forgets the whole customer.
 * The policy presets are installed when the worker starts (never overwriting the user's edits).
 */
import { browser } from 'wxt/browser';
import { listConnections } from '@/lib/connections/store';
import { connectors } from '@/lib/connectors/registry';
import { RegisterJobStore } from '@/lib/erasure-bridge/register-job-store';
import { createErasureService, type ErasureService } from '@/lib/jobs/erasure-service';
import { ToolContexts } from '@/lib/jobs/tool-contexts';
import { onMessage } from '@/lib/messaging/messenger';
import { getRegister, type RegisterDb } from '@/lib/register/db';
import { openRequests } from '@/lib/register/requests';
import { planCleanup, startCleanup } from '@/lib/retention/cleanup';
import { composeDigest, DIGEST_ALARM, DIGEST_PERIOD_MINUTES, showDigest } from '@/lib/retention/digest';
import { pinsForTab, toolOfUrl } from '@/lib/retention/pins-for-tab';
import { installPresets, redateItems } from '@/lib/retention/policies-store';
import { checkAndPublish, type AutoCleanup } from '@/lib/retention/publish';
import { retentionRegisterPort } from '@/lib/retention/retention-port';
import { readLastRun, readSettings, retentionSettings } from '@/lib/retention/settings';
import type { DueItem, RetentionSource } from '@/lib/retention/types';
import { supportedSites } from '@/lib/sites/host-patterns';
import { browserToolDeps } from '@/lib/erasure-bridge/browser-tool-deps';

export const RETENTION_ALARM = 'retention-daily';
const DAY_MINUTES = 24 * 60;

export interface RetentionBackgroundDeps {
  sources: () => Promise<RetentionSource[]>;
  cleanup?: () => Promise<AutoCleanup | undefined>;
  now: () => number;
}

const logError = (where: string, error: unknown) =>
  console.error(`retention ${where} failed`, error instanceof Error ? error.name : 'error');

/** One source per connected tool whose connector can list expired items, bound to its context. */
export async function connectedSources(): Promise<RetentionSource[]> {
  const contexts = new ToolContexts({ ...browserToolDeps(), timeoutMs: 30_000 });
  const tools = [...new Set((await listConnections()).map((c) => c.tool))];
  return tools
    .filter((tool) => connectors[tool]?.capabilities.retention === true)
    .map((tool) => ({
      tool,
      listExpired: async (identities, before) =>
        contexts.connector(tool).listExpired(await contexts.context(tool), identities, before),
    }));
}

/** The erasure service for cleanup jobs: same job store as Forget, but the retention register port. */
function cleanupService(db: RegisterDb): ErasureService {
  // Cleanup jobs are their own kind: the Forget runner never picks them up (it would forget the customer).
  const store = new RegisterJobStore(db, 'retention-cleanup');
  return createErasureService({
    ...browserToolDeps(),
    store,
    register: retentionRegisterPort(db, store, async () => (await readSettings()).backupHorizonDays),
  });
}

async function identitiesOf(db: RegisterDb, customerId: string) {
  const rows = await db.identities.where('customerId').equals(customerId).toArray();
  return rows.map((i) => ({ kind: i.kind, value: i.value }));
}

function autoCleanup(db: RegisterDb, service: ErasureService): AutoCleanup {
  return { contexts: service.contexts, identitiesOf: (id) => identitiesOf(db, id), service };
}

const defaults: RetentionBackgroundDeps = {
  sources: connectedSources,
  cleanup: async () => autoCleanup(getRegister(), cleanupService(getRegister())),
  now: () => Date.now(),
};

async function syncDigestAlarm(enabled: boolean): Promise<void> {
  if (!enabled) await browser.alarms.clear(DIGEST_ALARM);
  else if (!(await browser.alarms.get(DIGEST_ALARM)))
    await browser.alarms.create(DIGEST_ALARM, { periodInMinutes: DIGEST_PERIOD_MINUTES });
}

/** Runs the check now (the daily alarm and "Check now"). */
export async function runRetentionNow(deps: RetentionBackgroundDeps = defaults) {
  const db = getRegister();
  const cleanup = await deps.cleanup?.();
  const result = await checkAndPublish({ connectors: await deps.sources(), register: db, now: deps.now(), cleanup });
  // Automatic cleanup (opt-in per policy): its jobs run here, with the retention register port.
  const service = cleanup?.service;
  if (result.startedJobs.length && service && 'runToEnd' in service)
    void driveJobs(service as ErasureService, result.startedJobs, false);
  return result;
}

/** Runs cleanup jobs to their end in this worker, then (after a manual cleanup) checks again for the badge. */
async function driveJobs(service: ErasureService, jobIds: readonly string[], recheck: boolean): Promise<void> {
  for (const jobId of jobIds) await service.runToEnd(jobId).catch((e: unknown) => logError('cleanup job', e));
  if (recheck) await runRetentionNow().catch((e: unknown) => logError('check after cleanup', e));
}

const keyOf = (i: Pick<DueItem, 'tool' | 'kind' | 'toolId'>) => `${i.tool}|${i.kind}|${i.toolId}`;

/**
 * "Clean up": only items the last run listed (as the background stored them) are considered; holds are
 * re-read at each tool, one job per customer starts and runs here, then the check runs again.
 */
export async function cleanUpNow(requested: readonly DueItem[], now = Date.now()) {
  const db = getRegister();
  const listed = new Map(((await readLastRun())?.items ?? []).map((i) => [keyOf(i), i]));
  const items = requested.map((i) => listed.get(keyOf(i))).filter((i): i is DueItem => i !== undefined);
  const service = cleanupService(db);
  const plan = await planCleanup(items, { ...autoCleanup(db, service), now });
  const jobIds = await startCleanup(plan, service);
  void driveJobs(service, jobIds, true);
  return { jobIds, kept: plan.kept.length, skipped: plan.skipped.length, errors: plan.errors };
}

async function installPolicyPresets(): Promise<void> {
  const db = getRegister();
  if ((await installPresets(db)) > 0) await redateItems(db);
}

export function setUpRetention(deps: RetentionBackgroundDeps = defaults): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void runRetentionNow(deps).catch((e: unknown) => logError('check', e));
    if (alarm.name === DIGEST_ALARM) void sendDigest(deps.now());
  });
  retentionSettings.watch((settings) => void syncDigestAlarm(settings?.digest ?? false));
  onMessage('retention.checkNow', async () => (await runRetentionNow(deps)).summary);
  onMessage('retention.cleanUp', ({ items }) => cleanUpNow(items, deps.now()));
  onMessage('retention.listPins', async ({ tool }, sender) => ({
    // The frame's own URL (`sender.url`): without host permissions Chrome leaves `sender.tab.url` out.
    pins: pinsForTab(await readLastRun(), tool, sender.tab ? sender.url : undefined, (url) =>
      toolOfUrl(url, supportedSites),
    ),
  }));
  // Presets on install and on every start (idempotent: existing policies are never overwritten).
  browser.runtime.onInstalled.addListener(
    () => void installPolicyPresets().catch((e: unknown) => logError('presets', e)),
  );
  void (async () => {
    await installPolicyPresets().catch((e: unknown) => logError('presets', e));
    if (!(await browser.alarms.get(RETENTION_ALARM)))
      await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: DAY_MINUTES });
    await syncDigestAlarm((await readSettings()).digest);
  })();
}

export async function sendDigest(now: number): Promise<boolean> {
  if (!(await readSettings()).digest) return false;
  const digest = composeDigest(await readLastRun(), await openRequests(getRegister()), now);
  if (digest) await showDigest(digest);
  return digest !== null;
}

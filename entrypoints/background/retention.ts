/**
 * Retention in the background: a daily alarm ('retention-daily') runs the check, stores the summary
 * and sets the action badge; the weekly alarm ('retention-digest') shows the opt-in digest. The
 * connected tools and the erasure service for cleanup are passed in once the background has them
 * (connections are not wired yet: until then the register's own due dates drive the badge).
 */
import { browser } from 'wxt/browser';
import { getRegister } from '@/lib/register/db';
import { openRequests } from '@/lib/register/requests';
import { composeDigest, DIGEST_ALARM, DIGEST_PERIOD_MINUTES, showDigest } from '@/lib/retention/digest';
import { checkAndPublish, type AutoCleanup } from '@/lib/retention/publish';
import { readLastRun, readSettings, retentionSettings } from '@/lib/retention/settings';
import type { RetentionSource } from '@/lib/retention/types';

export const RETENTION_ALARM = 'retention-daily';
const DAY_MINUTES = 24 * 60;

export interface RetentionBackgroundDeps {
  sources: () => Promise<RetentionSource[]>;
  cleanup?: () => Promise<AutoCleanup | undefined>;
  now: () => number;
}

const defaults: RetentionBackgroundDeps = { sources: async () => [], now: () => Date.now() };

async function syncDigestAlarm(enabled: boolean): Promise<void> {
  if (!enabled) await browser.alarms.clear(DIGEST_ALARM);
  else if (!(await browser.alarms.get(DIGEST_ALARM)))
    await browser.alarms.create(DIGEST_ALARM, { periodInMinutes: DIGEST_PERIOD_MINUTES });
}

/** Runs the check now (also what "Check now" triggers). */
export async function runRetentionNow(deps: RetentionBackgroundDeps = defaults) {
  return checkAndPublish({
    connectors: await deps.sources(),
    register: getRegister(),
    now: deps.now(),
    cleanup: await deps.cleanup?.(),
  });
}

export function setUpRetention(deps: RetentionBackgroundDeps = defaults): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM)
      void runRetentionNow(deps).catch((e: unknown) =>
        console.error('retention check failed', e instanceof Error ? e.name : 'error'),
      );
    if (alarm.name === DIGEST_ALARM) void sendDigest(deps.now());
  });
  retentionSettings.watch((settings) => void syncDigestAlarm(settings?.digest ?? false));
  void (async () => {
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

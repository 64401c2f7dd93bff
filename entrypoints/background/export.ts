/**
 * "Export dossier" from the panel: the export itself runs in the dashboard (an extension page: Chrome's
 * MV3 service worker has no URL.createObjectURL for the ZIP's Blob). The background only hands the
 * customer's identities over: kept in session storage (memory, gone with the browser session) under a
 * random token that the dashboard's URL carries, and taken by the dashboard once.
 */
import { browser, type Browser } from 'wxt/browser';
import { exportIdentitySchema, type ExportIdentity } from '@/lib/messaging/export-messages';
import { UNFINISHED } from '@/lib/dossier/export-job';
import type { ExportJob } from '@/lib/dossier/export-job-schema';
import { EXPORT_RUNNING_PORT } from '@/lib/dossier/running-port';
import { onMessage } from '@/lib/messaging/messenger';
import { getRegister } from '@/lib/register/db';
import * as z from 'zod/mini';

const keyOf = (token: string) => `export-request:${token}`;

export async function openExport(identities: ExportIdentity[]): Promise<string> {
  const token = crypto.randomUUID();
  await browser.storage.session.set({ [keyOf(token)]: identities });
  await browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html#export/${token}`) });
  return token;
}

export async function takeExport(token: string): Promise<ExportIdentity[]> {
  const key = keyOf(token);
  const stored = (await browser.storage.session.get(key))[key];
  await browser.storage.session.remove(key);
  const parsed = z.array(exportIdentitySchema).safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** Export jobs a closed tab or a stopped browser left unfinished. */
export async function unfinishedExports(db = getRegister()): Promise<number> {
  return db.jobs
    .filter((row) => row.kind === 'export' && UNFINISHED.includes(row.status as ExportJob['status']))
    .count();
}

/**
 * Opens the dashboard (in the background, at Jobs) when exports are unfinished and no dashboard tab
 * is open to continue them: the dashboard resumes them as it opens, and Jobs shows their progress.
 */
export async function reopenForUnfinishedExports(): Promise<boolean> {
  if ((await unfinishedExports()) === 0) return false;
  const dashboard = browser.runtime.getURL('/dashboard.html');
  const contexts = await browser.runtime
    .getContexts?.({ contextTypes: ['TAB' as Browser.runtime.ContextType] })
    .catch(() => []);
  if ((contexts ?? []).some((c) => c.documentUrl?.startsWith(dashboard))) return false;
  await browser.tabs.create({ url: `${dashboard}#jobs`, active: false });
  return true;
}

export function setUpExport(): void {
  browser.runtime.onStartup.addListener(() => void reopenForUnfinishedExports().catch(() => undefined));
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== EXPORT_RUNNING_PORT) return;
    // The tab running an export went away: if its job is unfinished, a dashboard continues it.
    // (A moment later: the closing tab may still be listed while it goes.)
    port.onDisconnect.addListener(() => {
      setTimeout(() => void reopenForUnfinishedExports().catch(() => undefined), 1500);
    });
  });
  onMessage('export.open', async ({ identities }) => {
    await openExport(identities);
    return { ok: true as const };
  });
  onMessage('export.take', async ({ token }) => ({ identities: await takeExport(token) }));
}

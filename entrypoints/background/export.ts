/**
 * "Export dossier" from the panel: the export itself runs in the dashboard (an extension page: Chrome's
 * MV3 service worker has no URL.createObjectURL for the ZIP's Blob). The background only hands the
 * customer's identities over: kept in session storage (memory, gone with the browser session) under a
 * random token that the dashboard's URL carries, and taken by the dashboard once.
 */
import { browser } from 'wxt/browser';
import { exportIdentitySchema, type ExportIdentity } from '@/lib/messaging/export-messages';
import { onMessage } from '@/lib/messaging/messenger';

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
  const parsed = exportIdentitySchema.array().safeParse(stored);
  return parsed.success ? parsed.data : [];
}

export function setUpExport(): void {
  onMessage('export.open', async ({ identities }) => {
    await openExport(identities);
    return { ok: true as const };
  });
  onMessage('export.take', async ({ token }) => ({ identities: await takeExport(token) }));
}

/**
 * Saving the ZIP with browser.downloads, and knowing whether it was saved. `downloads.download()`
 * resolves when the download starts (with "Save as", as soon as the dialog opens), not when the file
 * is on disk; the request may only be recorded as fulfilled once `downloads.onChanged` reports the
 * state `complete`. A cancelled Save dialog or a failed write ends `interrupted` (with its error, e.g.
 * USER_CANCELED): then the request stays open and the job says the file was not saved.
 */
import { browser, type Browser } from 'wxt/browser';

export type Delivery = { state: 'complete' } | { state: 'interrupted'; reason: string };

const reasonOf = (error: string | undefined) =>
  error === 'USER_CANCELED'
    ? 'The download was cancelled: the dossier was not saved. The request stays open.'
    : `The download was interrupted (${error ?? 'unknown error'}): the dossier was not saved. The request stays open.`;

/** What the browser says about a download now; `unknown` when it has no such download (any more). */
export async function downloadStateOf(id: number): Promise<'complete' | 'in_progress' | 'interrupted' | 'unknown'> {
  const [item] = await browser.downloads.search({ id });
  return item?.state ?? 'unknown';
}

/** Resolves once the download is complete or interrupted (also when it already was). */
export function waitForDownload(id: number): Promise<Delivery> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (delivery: Delivery) => {
      if (settled) return;
      settled = true;
      browser.downloads.onChanged.removeListener(listener);
      resolve(delivery);
    };
    const listener = (delta: Browser.downloads.DownloadDelta) => {
      if (delta.id !== id || !delta.state) return;
      if (delta.state.current === 'complete') finish({ state: 'complete' });
      else if (delta.state.current === 'interrupted')
        finish({ state: 'interrupted', reason: reasonOf(delta.error?.current) });
    };
    browser.downloads.onChanged.addListener(listener);
    // It may have finished before the listener was in place (a small file, no dialog).
    void browser.downloads.search({ id }).then(([item]) => {
      if (item?.state === 'complete') finish({ state: 'complete' });
      else if (item?.state === 'interrupted') finish({ state: 'interrupted', reason: reasonOf(item.error) });
    });
  });
}

/**
 * Hands the Blob to the browser's downloads ("Save as": the user picks where) and waits until the
 * file is saved or the download ends without it. `onStarted` gets the download's id (the export job
 * keeps it, so a resumed job can ask the browser whether the file was saved).
 */
export async function saveWithDownloads(
  blob: Blob,
  fileName: string,
  onStarted?: (downloadId: number) => Promise<void> | void,
): Promise<Delivery> {
  const url = URL.createObjectURL(blob);
  try {
    let downloadId: number;
    try {
      downloadId = await browser.downloads.download({ url, filename: fileName, saveAs: true });
    } catch {
      // Some browsers reject when the Save dialog is cancelled instead of interrupting the download.
      return { state: 'interrupted', reason: reasonOf('USER_CANCELED') };
    }
    await onStarted?.(downloadId);
    return await waitForDownload(downloadId);
  } finally {
    URL.revokeObjectURL(url);
  }
}

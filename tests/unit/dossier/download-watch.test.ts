import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveWithDownloads, waitForDownload } from '../../../lib/dossier/download-watch';

type Delta = { id: number; state?: { current: string }; error?: { current: string } };

/** browser.downloads as Chrome behaves: download() resolves when it starts, onChanged tells the rest. */
function fakeDownloads(items: Record<number, { state: string; error?: string }> = {}) {
  const listeners = new Set<(d: Delta) => void>();
  const api = {
    download: vi.fn(async () => 3),
    search: vi.fn(async ({ id }: { id: number }) => (items[id] ? [{ id, ...items[id] }] : [])),
    onChanged: {
      addListener: (l: (d: Delta) => void) => void listeners.add(l),
      removeListener: (l: (d: Delta) => void) => void listeners.delete(l),
    },
    emit: (d: Delta) => [...listeners].forEach((l) => l(d)),
    listeners,
  };
  (fakeBrowser as unknown as { downloads: typeof api }).downloads = api;
  return api;
}

describe('saving the dossier with browser.downloads', () => {
  beforeEach(() => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:privacydesk/7');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('is saved only when the browser reports the download complete, not when the Save dialog opens', async () => {
    const downloads = fakeDownloads({ 3: { state: 'in_progress' } });
    const started = vi.fn();
    let settled = false;
    const saving = saveWithDownloads(new Blob(['zip']), 'privacydesk-dossier.zip', started).then((d) => {
      settled = true;
      return d;
    });
    await vi.waitFor(() => expect(started).toHaveBeenCalledWith(3));
    expect(downloads.download).toHaveBeenCalledWith({
      url: 'blob:privacydesk/7',
      filename: 'privacydesk-dossier.zip',
      saveAs: true,
    });
    downloads.emit({ id: 3, state: { current: 'in_progress' } });
    downloads.emit({ id: 99, state: { current: 'complete' } });
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    downloads.emit({ id: 3, state: { current: 'complete' } });
    expect(await saving).toEqual({ state: 'complete' });
    expect(downloads.listeners.size).toBe(0);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:privacydesk/7');
  });

  it('a cancelled Save dialog or a failed write is not saved, and says which', async () => {
    const downloads = fakeDownloads({ 3: { state: 'in_progress' } });
    const saving = saveWithDownloads(new Blob(['zip']), 'd.zip');
    await vi.waitFor(() => expect(downloads.listeners.size).toBe(1));
    downloads.emit({ id: 3, state: { current: 'interrupted' }, error: { current: 'USER_CANCELED' } });
    expect(await saving).toEqual({ state: 'interrupted', reason: expect.stringContaining('cancelled') });

    const failing = fakeDownloads({ 3: { state: 'in_progress' } });
    const disk = saveWithDownloads(new Blob(['zip']), 'd.zip');
    await vi.waitFor(() => expect(failing.listeners.size).toBe(1));
    failing.emit({ id: 3, state: { current: 'interrupted' }, error: { current: 'FILE_NO_SPACE' } });
    expect(await disk).toEqual({ state: 'interrupted', reason: expect.stringContaining('FILE_NO_SPACE') });

    const refused = fakeDownloads();
    refused.download.mockRejectedValueOnce(new Error('Download canceled by the user'));
    expect(await saveWithDownloads(new Blob(['zip']), 'd.zip')).toMatchObject({ state: 'interrupted' });
  });

  it('a download that finished before anyone listened is seen as finished', async () => {
    fakeDownloads({ 8: { state: 'complete' }, 9: { state: 'interrupted', error: 'NETWORK_FAILED' } });
    expect(await waitForDownload(8)).toEqual({ state: 'complete' });
    expect(await waitForDownload(9)).toMatchObject({ state: 'interrupted' });
  });
});

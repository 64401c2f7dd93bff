import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { blobSink, dossierFileName, saveDossier } from '../../../lib/dossier/save-dossier';
import { draft, NOW, text } from './fixture';

describe('saving the dossier in the extension', () => {
  it('collects the streamed ZIP into a Blob and hands it to browser.downloads under a name without personal data', async () => {
    let saved: Blob | undefined;
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:privacydesk/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const download = vi.fn().mockResolvedValue(7);
    (fakeBrowser as unknown as { downloads: { download: typeof download } }).downloads.download = download;

    const result = await saveDossier(draft(), { scope: 'portability', language: 'nl', now: NOW }, 'c1-request-42');
    expect(result.downloadId).toBe(7);
    expect(createObjectURL).toHaveBeenCalledOnce();
    expect(download).toHaveBeenCalledWith({
      url: 'blob:privacydesk/1',
      filename: 'privacydesk-dossier-portability-2026-11-28-c1reques.zip',
      saveAs: true,
    });
    expect(saved?.type).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await saved!.arrayBuffer()));
    expect(JSON.parse(text(files['dossier.json'])).scope).toBe('portability');
    expect(result.bytes).toBe(saved!.size);
    expect(result.built.dossier.messages).toHaveLength(1);
  });

  it('names the file by scope, date and the job’s random id, with nothing that could leave the folder', () => {
    expect(dossierFileName('access', NOW, '3f2a9c1e-77aa-4b1c-9d2e-0c5b7a1f9e11')).toBe(
      'privacydesk-dossier-access-2026-11-28-3f2a9c1e.zip',
    );
    expect(dossierFileName('access', NOW, '../../x')).toBe('privacydesk-dossier-access-2026-11-28-x.zip');
  });

  it('refuses to hand out a Blob before the ZIP is finished', () => {
    const sink = blobSink();
    void sink.write(new Uint8Array([1]));
    expect(() => sink.blob()).toThrow();
  });
});

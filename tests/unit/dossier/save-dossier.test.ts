import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dossierParts } from '../../../lib/dossier/build-parts';
import { blobSink, dossierFileName } from '../../../lib/dossier/save-dossier';
import { writeZip } from '../../../lib/dossier/zip-writer';
import { draft, NOW, text } from './fixture';

describe('saving the dossier in the extension', () => {
  it('collects the streamed ZIP into one Blob, chunk by chunk', async () => {
    const sink = blobSink();
    const chunks: Uint8Array[] = [];
    await writeZip(dossierParts(draft(), { scope: 'portability', language: 'nl', now: NOW }), {
      write: (c) => {
        chunks.push(c);
        return sink.write(c);
      },
      close: () => sink.close(),
    });
    const saved = sink.blob();
    expect(saved.type).toBe('application/zip');
    expect(saved.size).toBe(chunks.reduce((n, c) => n + c.byteLength, 0));
    const files = unzipSync(new Uint8Array(await saved.arrayBuffer()));
    expect(JSON.parse(text(files['dossier.json'])).scope).toBe('portability');
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

/**
 * In the extension: the ZIP's chunks become one Blob (the browser keeps large Blobs on disk, not in
 * the page's heap), saved with browser.downloads from an object URL (download-watch.ts). Runs in an
 * extension page (the dashboard): Chrome's MV3 service worker has no URL.createObjectURL.
 */
import type { BuildOptions } from './types';
import type { ByteSink } from './zip-writer';

export function blobSink(): ByteSink & { blob(): Blob } {
  const chunks: Blob[] = [];
  let result: Blob | undefined;
  return {
    write(chunk) {
      // Each chunk becomes its own small Blob at once, so the array holds handles, not the bytes.
      chunks.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
    },
    close() {
      result = new Blob(chunks, { type: 'application/zip' });
      chunks.length = 0;
    },
    blob() {
      if (!result) throw new Error('The ZIP is not finished');
      return result;
    },
  };
}

/** A file name with no personal data in it: scope, date and the first characters of the job's random id. */
export function dossierFileName(scope: BuildOptions['scope'], now: number, reference: string): string {
  const day = new Date(now).toISOString().slice(0, 10);
  return `privacydesk-dossier-${scope}-${day}-${reference.replace(/[^a-z0-9]/gi, '').slice(0, 8)}.zip`;
}

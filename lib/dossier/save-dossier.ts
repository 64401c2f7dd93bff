/**
 * In the extension: the ZIP's chunks become one Blob (the browser keeps large Blobs on disk, not in
 * the page's heap), saved with browser.downloads from an object URL. Runs in an extension page (the
 * dashboard, or an offscreen document for the panel's request): Chrome's MV3 service worker has no
 * URL.createObjectURL.
 */
import { browser } from 'wxt/browser';
import { dossierParts, type BuiltDossier } from './build-parts';
import type { BuildOptions, DossierDraft } from './types';
import { writeZip, type ByteSink } from './zip-writer';

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

export async function saveDossier(
  draft: DossierDraft,
  options: BuildOptions,
  /** The export job's id (a random UUID), never the customer's name or address. */
  reference: string,
): Promise<{ downloadId: number; built: BuiltDossier; bytes: number }> {
  const now = options.now ?? Date.now();
  const sink = blobSink();
  let built: BuiltDossier | undefined;
  const { bytes } = await writeZip(
    dossierParts(draft, { ...options, now }, (b) => (built = b)),
    sink,
    now,
  );
  const url = URL.createObjectURL(sink.blob());
  try {
    const downloadId = await browser.downloads.download({
      url,
      filename: dossierFileName(options.scope, now, reference),
      saveAs: true,
    });
    return { downloadId, built: built!, bytes };
  } finally {
    // The download has its own reference to the Blob once started; give the page's URL back soon after.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

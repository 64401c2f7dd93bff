/**
 * Writes the ZIP as a stream with fflate: one file after the other, each chunk compressed (text) or
 * stored (attachments) and handed to the sink before the next is read, so memory holds one chunk per
 * file, never the dossier. The sink decides where bytes go (a Blob in the extension, a file in Node).
 * Limit: fflate writes no ZIP64, so a dossier must stay below 4 GB.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { ZipPart } from './types';

export interface ByteSink {
  write(chunk: Uint8Array): Promise<void> | void;
  close(): Promise<void> | void;
}

export interface ZipResult {
  files: number;
  bytes: number;
}

export async function writeZip(parts: AsyncIterable<ZipPart>, sink: ByteSink, mtime = Date.now()): Promise<ZipResult> {
  const queue: Uint8Array[] = [];
  let failure: Error | null = null;
  let bytes = 0;
  let files = 0;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else queue.push(data);
  });
  const drain = async () => {
    if (failure) throw failure;
    while (queue.length > 0) {
      const chunk = queue.shift()!;
      bytes += chunk.byteLength;
      await sink.write(chunk);
    }
  };

  for await (const part of parts) {
    const file = part.compress ? new ZipDeflate(part.path, { level: 6 }) : new ZipPassThrough(part.path);
    file.mtime = mtime;
    zip.add(file);
    files += 1;
    if (part.data instanceof Uint8Array) {
      file.push(part.data, true);
    } else {
      // fflate needs to know which chunk is the last: hold one back.
      let previous: Uint8Array | undefined;
      for await (const chunk of part.data) {
        if (previous) {
          file.push(previous);
          await drain();
        }
        previous = chunk;
      }
      file.push(previous ?? new Uint8Array(0), true);
    }
    await drain();
  }
  zip.end();
  await drain();
  await sink.close();
  return { files, bytes };
}

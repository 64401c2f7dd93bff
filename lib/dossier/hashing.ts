/**
 * SHA-256 for the manifest. Files built in memory (JSON, CSV, HTML) use WebCrypto
 * (`crypto.subtle.digest`, in Node 20 and the browser). WebCrypto has no incremental digest, so
 * attachments, streamed chunk by chunk and never held whole, are hashed with @noble/hashes' streaming
 * SHA-256 as their chunks pass into the ZIP.
 */
import { sha256 } from '@noble/hashes/sha2';

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)));
}

export interface StreamDigest {
  size: number;
  sha256: string;
}

/** Passes the chunks through and fills `result` when the last one has gone by. */
export async function* hashingStream(
  chunks: AsyncIterable<Uint8Array>,
  result: (digest: StreamDigest) => void,
): AsyncGenerator<Uint8Array> {
  const hash = sha256.create();
  let size = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    size += chunk.byteLength;
    yield chunk;
  }
  result({ size, sha256: toHex(hash.digest()) });
}

import type { ReadResult, SliceOptions } from './site-adapter';
import { yieldToPage as defaultYield } from './yield-to-page';

/**
 * FNV-1a (32-bit) over a string. Hand-written because the watcher needs a cheap synchronous fingerprint on every
 * DOM change; `crypto.subtle.digest` is asynchronous and a dependency for 10 lines is not worth it.
 */
export function fnv1a(text: string): string {
  return (fnv1aUpdate(0x811c9dc5, text) >>> 0).toString(16).padStart(8, '0');
}

/**
 * What identifies "the same conversation in the same state": tool, id, message ids and a hash of the texts and
 * identities. Two reads with the same key need no new emit; a failure's key is its reason and failed selectors.
 */
export function conversationKey(result: ReadResult): string {
  if (!result.ok) return `fail:${result.reason}:${result.failed.join(',')}`;
  const { tool, conversationId, subject, customer, messages } = result.conversation;
  const content = JSON.stringify([
    subject,
    customer,
    messages.map((m) => [m.author, m.sentAt, m.fromCustomer, m.text]),
  ]);
  return `${tool}:${conversationId}:${messages.map((m) => m.id).join(',')}:${fnv1a(content)}`;
}

/** One more piece of text into a running FNV-1a hash (so a long conversation can be hashed in slices). */
export function fnv1aUpdate(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/**
 * `conversationKey` computed in slices (the same key): on a 1,000-message thread hashing every text at once was a
 * long task of its own (measured with `npm run bench:page`). Null when `isCurrent` says the page moved on.
 */
export async function conversationKeyInSlices(result: ReadResult, options: SliceOptions = {}): Promise<string | null> {
  if (!result.ok) return conversationKey(result);
  const sliceMs = options.sliceMs ?? 8;
  const yieldToPage = options.yieldToPage ?? defaultYield;
  const { tool, conversationId, subject, customer, messages } = result.conversation;
  // The same string `conversationKey` hashes, built piece by piece: JSON.stringify of an array adds no spaces.
  let hash = fnv1aUpdate(0x811c9dc5, `[${JSON.stringify(subject)},${JSON.stringify(customer)},[`);
  let sliceStart = performance.now();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    hash = fnv1aUpdate(hash, (i > 0 ? ',' : '') + JSON.stringify([m.author, m.sentAt, m.fromCustomer, m.text]));
    if (performance.now() - sliceStart >= sliceMs && i + 1 < messages.length) {
      await yieldToPage();
      if (options.isCurrent && !options.isCurrent()) return null;
      sliceStart = performance.now();
    }
  }
  hash = fnv1aUpdate(hash, ']]');
  const content = (hash >>> 0).toString(16).padStart(8, '0');
  return `${tool}:${conversationId}:${messages.map((m) => m.id).join(',')}:${content}`;
}

import type { ReadResult } from './site-adapter';

/**
 * FNV-1a (32-bit) over a string. Hand-written because the watcher needs a cheap synchronous fingerprint on every
 * DOM change; `crypto.subtle.digest` is asynchronous and a dependency for 10 lines is not worth it.
 */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
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

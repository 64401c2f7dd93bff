/**
 * The proof of erasure the register keeps after forgetting the customer: a salted hash of their
 * identities (never the identities), counts per tool, times, and the backup horizon.
 */
import type { Identity } from '../connectors/types';

export async function hashIdentities(identities: Identity[], salt: string): Promise<string> {
  const normalised = identities
    .map((i) => `${i.kind}:${i.value.trim().toLowerCase()}`)
    .sort()
    .join('\n');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}\n${normalised}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

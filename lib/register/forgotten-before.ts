import type { RegisterDb } from './db';
import { getSalt, hashIdentity } from './identity-hash';
import type { NormalisedIdentity } from './normalise-identity';

/**
 * "Was this customer forgotten before?": the latest erasure receipt naming one of these identities
 * (compared as salted hashes), or undefined.
 */
export async function forgottenOn(
  db: RegisterDb,
  identities: readonly NormalisedIdentity[],
  salt?: string,
): Promise<number | undefined> {
  if (identities.length === 0) return undefined;
  const s = salt ?? (await getSalt(db));
  const hashes = await Promise.all(identities.map((i) => hashIdentity(s, i)));
  const receipts = await db.receipts.where('identityHashes').anyOf(hashes).toArray();
  return receipts.length ? Math.max(...receipts.map((r) => r.forgottenAt)) : undefined;
}

import type { RegisterDb } from './db';
import type { NormalisedIdentity } from './normalise-identity';
import type { Identity } from './schemas';

/**
 * One identity by its normalised kind and value: a single read on the unique `[kind+value]` index
 * (one IndexedDB request, no cursor, no scan). The rows are the register's own, written through the
 * zod-typed code paths, so they are not parsed again here.
 */
export function findIdentity(db: RegisterDb, identity: NormalisedIdentity): Promise<Identity | undefined> {
  return db.identities.where('[kind+value]').equals([identity.kind, identity.value]).first();
}

/**
 * The registered identities among these, in their order: one index read each, all issued at once (in
 * the caller's transaction when there is one), instead of an `anyOf` cursor that steps key by key.
 */
export async function findIdentities(db: RegisterDb, identities: readonly NormalisedIdentity[]): Promise<Identity[]> {
  const found = await Promise.all(identities.map((i) => findIdentity(db, i)));
  return found.filter((i): i is Identity => i !== undefined);
}

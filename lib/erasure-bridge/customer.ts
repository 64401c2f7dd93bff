/**
 * Who is to be forgotten: the register's customer with any of the identities the panel read (all of
 * that customer's known identities are searched for in the tools), or, when the register has not
 * seen them, a new customer id and just the identities from the page.
 */
import type { Identity } from '../connectors/types';
import type { RegisterDb } from '../register/db';
import { normaliseIdentity, type RawIdentity } from '../register/normalise-identity';

export interface ErasureSubject {
  id: string;
  identities: Identity[];
  known: boolean;
}

/** Register handles are `channel:handle`; the tools know the bare handle. */
function forTools(identity: { kind: Identity['kind']; value: string }): Identity {
  if (identity.kind !== 'handle') return { kind: identity.kind, value: identity.value };
  const at = identity.value.indexOf(':');
  return { kind: 'handle', value: at >= 0 ? identity.value.slice(at + 1) : identity.value };
}

export async function resolveSubject(db: RegisterDb, raw: readonly RawIdentity[]): Promise<ErasureSubject> {
  const normalised = raw.map(normaliseIdentity).filter((i) => i !== undefined);
  const known = normalised.length
    ? await db.identities
        .where('[kind+value]')
        .anyOf(normalised.map((i) => [i.kind, i.value]))
        .first()
    : undefined;
  const registered = known ? await db.identities.where('customerId').equals(known.customerId).toArray() : [];
  const all = [...registered, ...normalised].map(forTools);
  const identities = [...new Map(all.map((i) => [`${i.kind}:${i.value}`, i])).values()];
  return { id: known?.customerId ?? crypto.randomUUID(), identities, known: !!known };
}

import type { RegisterDb } from './db';
import { findIdentities } from './find-identity';
import { forgottenOn } from './forgotten-before';
import { normaliseIdentity, type RawIdentity } from './normalise-identity';
import type { Identity } from './schemas';

export interface CustomerSummary {
  customerId?: string;
  name?: string;
  identities: Pick<Identity, 'kind' | 'value'>[];
  /** Per tool: how many conversations the register knows. */
  tools: { tool: string; conversations: number }[];
  conversations: number;
  forgottenOn?: number;
}

/** What the panel's customer card shows: the register's view of the customer with these identities. */
export async function customerSummary(db: RegisterDb, raw: readonly RawIdentity[]): Promise<CustomerSummary> {
  const identities = raw.map(normaliseIdentity).filter((i) => i !== undefined);
  const forgotten = await forgottenOn(db, identities);
  const base = forgotten !== undefined ? { forgottenOn: forgotten } : {};
  const [known] = await findIdentities(db, identities);
  if (!known) return { identities: [], tools: [], conversations: 0, ...base };
  return { ...(await customerSummaryById(db, known.customerId)), ...base };
}

export async function customerSummaryById(db: RegisterDb, customerId: string): Promise<CustomerSummary> {
  const [customer, identities, items] = await Promise.all([
    db.customers.get(customerId),
    db.identities.where('customerId').equals(customerId).toArray(),
    db.items.where('customerId').equals(customerId).toArray(),
  ]);
  const counts = new Map<string, number>();
  for (const item of items) if (item.kind === 'conversation') counts.set(item.tool, (counts.get(item.tool) ?? 0) + 1);
  return {
    customerId,
    ...(customer?.name ? { name: customer.name } : {}),
    identities: identities.map(({ kind, value }) => ({ kind, value })),
    tools: [...counts]
      .map(([tool, conversations]) => ({ tool, conversations }))
      .sort((a, b) => a.tool.localeCompare(b.tool)),
    conversations: [...counts.values()].reduce((a, b) => a + b, 0),
  };
}

/**
 * What the register holds about the customer, for the dossier: the person and their identities,
 * holds with their legal grounds, retention dates, data-subject requests, and the audit entries about
 * them (the audit log names customers only by salted hash, so the hash is what is matched).
 */
import type { RegisterDb } from '../register/db';
import { getSalt, hashCustomer } from '../register/identity-hash';
import type { Item } from '../register/schemas';
import type { Dossier } from './dossier-schema';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOpt = (ms: number | undefined) => (ms === undefined ? undefined : iso(ms));

export interface RegisterView {
  subject: Dossier['subject'];
  register: NonNullable<Dossier['register']>;
  /** Register items by `<tool>:<kind>:<toolId>`, to add retention dates and holds to the tools' records. */
  items: Map<string, Item>;
}

export const itemKey = (tool: string, kind: string, toolId: string) => `${tool}:${kind}:${toolId}`;

export async function readRegister(db: RegisterDb, customerId: string): Promise<RegisterView> {
  const customer = await db.customers.get(customerId);
  if (!customer) throw new Error('No such customer');
  const identities = await db.identities.where('customerId').equals(customerId).toArray();
  const items = await db.items.where('customerId').equals(customerId).toArray();
  const byId = new Map(items.map((i) => [i.id, i]));
  const holds = items.length
    ? await db.holds
        .where('itemId')
        .anyOf([...byId.keys()])
        .toArray()
    : [];
  const requests = await db.requests.where('customerId').equals(customerId).toArray();
  const hash = await hashCustomer(await getSalt(db), customerId);
  const audit = await db.audit.filter((a) => a.customerHash === hash).toArray();

  return {
    subject: {
      customerId,
      name: customer.name,
      identities: identities.map((i) => ({ kind: i.kind, value: i.value })),
    },
    register: {
      holds: holds.map((h) => {
        const item = byId.get(h.itemId);
        return {
          id: h.id,
          tool: item?.tool ?? '',
          itemKind: item?.kind ?? '',
          itemToolRecordId: item?.toolId ?? '',
          reason: h.reason,
          legalGround: h.legalGround,
          by: h.by,
          since: iso(h.since),
          until: isoOpt(h.until),
        };
      }),
      retention: items.map((i) => ({
        tool: i.tool,
        itemKind: i.kind,
        itemToolRecordId: i.toolId,
        firstSeen: iso(i.firstSeen),
        retentionDueAt: isoOpt(i.retentionDueAt),
        held: i.held === 1,
      })),
      requests: requests
        .sort((a, b) => a.receivedAt - b.receivedAt)
        .map((r) => ({
          id: r.id,
          kind: r.kind,
          receivedAt: iso(r.receivedAt),
          deadline: iso(r.deadline),
          status: r.status,
          closedAt: isoOpt(r.closedAt),
        })),
      audit: audit
        .sort((a, b) => a.at - b.at)
        .map((a) => ({
          at: iso(a.at),
          action: a.action,
          tool: a.tool,
          count: a.count,
          result: a.result,
          detail: a.detail,
        })),
    },
    items: new Map(items.map((i) => [itemKey(i.tool, i.kind, i.toolId), i])),
  };
}

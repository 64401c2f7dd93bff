import type { RegisterDb } from './db';
import { appendAudit } from './audit-log';
import { findIdentities } from './find-identity';
import { forgottenOn } from './forgotten-before';
import { getSalt, hashCustomer } from './identity-hash';
import { mergeInto, mergeTables, oldestCustomer } from './merge-customers';
import { identityKey, normaliseIdentity, type NormalisedIdentity } from './normalise-identity';
import { observeInputSchema, type ObserveInput, type ObserveResult } from './observe-input';
import { retentionDueAt } from './retention-due-date';
import type { Item, ItemKind } from './schemas';

/**
 * A sighting this soon after the recorded one does not rewrite an item that is otherwise unchanged. Every view of a
 * conversation is a sighting: on `npm run bench:page`'s 1,000-message thread, rewriting every row took ~0.25 s of
 * the service worker's CPU per view (traced), competing with the page for the machine's cores. Retention counts in
 * months; a last-seen time up to an hour old can only bring a due date forward, never push it back.
 */
export const LAST_SEEN_STEP_MS = 60 * 60 * 1000;

/** Whether `row` says nothing `old` does not, but a newer last-seen time within LAST_SEEN_STEP_MS. */
function sameSighting(old: Item, row: Item, policies: Parameters<typeof retentionDueAt>[0]): boolean {
  return (
    row.lastSeen - old.lastSeen < LAST_SEEN_STEP_MS &&
    old.customerId === row.customerId &&
    old.url === row.url &&
    old.closedAt === row.closedAt &&
    old.firstSeen === row.firstSeen &&
    old.held === row.held &&
    old.piiTypes.length === row.piiTypes.length &&
    old.piiTypes.every((type, i) => type === row.piiTypes[i]) &&
    old.retentionDueAt ===
      (row.kind === 'contact' ? undefined : retentionDueAt(policies, { ...row, lastSeen: old.lastSeen }))
  );
}

function uniqueIdentities(input: ObserveInput): NormalisedIdentity[] {
  const out = new Map<string, NormalisedIdentity>();
  for (const raw of input.customer.identities) {
    const n = normaliseIdentity(raw);
    if (n) out.set(identityKey(n), n);
  }
  return [...out.values()];
}

/**
 * Records a conversation the panel saw: the customer (found by any of its normalised identities;
 * customers sharing an identity are merged), the identities, and the conversation, contact, message
 * and attachment items with their retention due dates.
 */
export async function observeConversation(
  db: RegisterDb,
  rawInput: ObserveInput,
  now = Date.now(),
): Promise<ObserveResult> {
  const input = observeInputSchema.parse(rawInput);
  const identities = uniqueIdentities(input);
  const salt = await getSalt(db);

  const outcome = await db.transaction('rw', [...mergeTables(db), db.policies], async () => {
    const known = await findIdentities(db, identities);
    const conversation = await db.items
      .where('[tool+kind+toolId]')
      .equals([input.tool, 'conversation', input.conversationId])
      .first();
    const owners = new Set(known.map((k) => k.customerId));
    if (owners.size === 0 && conversation) owners.add(conversation.customerId);

    let customerId = await oldestCustomer(db, [...owners]);
    const created = customerId === undefined;
    const name = input.customer.name?.trim() || undefined;
    if (customerId === undefined) {
      customerId = crypto.randomUUID();
      await db.customers.add({ id: customerId, name, nameKey: name?.toLowerCase(), createdAt: now, updatedAt: now });
    }
    const mergedCustomerIds = [...owners].filter((o) => o !== customerId);
    if (mergedCustomerIds.length) await mergeInto(db, customerId, mergedCustomerIds, now);
    const current = await db.customers.get(customerId);
    await db.customers.update(customerId, {
      updatedAt: now,
      ...(name && !current?.name ? { name, nameKey: name.toLowerCase() } : {}),
    });

    const knownKeys = new Set(known.map((k) => identityKey(k)));
    await db.identities.bulkAdd(
      identities
        .filter((i) => !knownKeys.has(identityKey(i)))
        .map((i) => ({
          id: crypto.randomUUID(),
          customerId: customerId!,
          kind: i.kind,
          value: i.value,
          firstSeen: now,
        })),
    );

    const policies = await db.policies.toArray();
    const wanted: { kind: ItemKind; toolId: string; piiTypes: string[] }[] = [
      { kind: 'conversation', toolId: input.conversationId, piiTypes: input.piiTypes },
      ...(input.contactId ? [{ kind: 'contact' as const, toolId: input.contactId, piiTypes: [] }] : []),
      ...input.messages.map((m) => ({ kind: 'message' as const, toolId: m.id, piiTypes: m.piiTypes })),
      ...(input.attachments ?? []).map((a) => ({ kind: 'attachment' as const, toolId: a.id, piiTypes: [] })),
    ];
    const existing = await db.items
      .where('[tool+kind+toolId]')
      .anyOf(wanted.map((w) => [input.tool, w.kind, w.toolId]))
      .toArray();
    const byKey = new Map(existing.map((e) => [`${e.kind}\u0000${e.toolId}`, e]));
    const rows: Item[] = [];
    for (const w of wanted) {
      const old = byKey.get(`${w.kind}\u0000${w.toolId}`);
      const base = {
        tool: input.tool,
        kind: w.kind,
        lastSeen: now,
        // A page that shows no close date keeps the one the tool reported before (the clock must not restart).
        closedAt: w.kind === 'contact' ? undefined : (input.closedAt ?? old?.closedAt),
      };
      const row: Item = {
        id: old?.id ?? crypto.randomUUID(),
        customerId: customerId!,
        toolId: w.toolId,
        url: w.kind === 'conversation' ? input.url : old?.url,
        firstSeen: old?.firstSeen ?? now,
        piiTypes: [...new Set([...(old?.piiTypes ?? []), ...w.piiTypes])].sort(),
        held: old?.held ?? 0,
        ...base,
        retentionDueAt: w.kind === 'contact' ? undefined : retentionDueAt(policies, base),
      };
      if (!old || !sameSighting(old, row, policies)) rows.push(row);
    }
    if (rows.length) await db.items.bulkPut(rows);
    return { customerId, created, mergedCustomerIds };
  });

  if (outcome.mergedCustomerIds.length) {
    await appendAudit(db, {
      at: now,
      action: 'customers.merged',
      customerHash: await hashCustomer(salt, outcome.customerId),
      tool: input.tool,
      count: outcome.mergedCustomerIds.length + 1,
      result: 'ok',
      detail: 'matching identity',
    });
  }
  const forgotten = await forgottenOn(db, identities, salt);
  return { ...outcome, ...(forgotten !== undefined ? { forgottenOn: forgotten } : {}) };
}

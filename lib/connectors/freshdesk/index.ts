/**
 * Freshdesk (no official OpenAPI; follows developer.freshdesk.com). Tickets the customer requested
 * (`GET /api/v2/tickets?email=`), and the contact. Tickets go to Freshdesk's trash with
 * `bulk_delete` (≤100, asynchronous); the contact is then hard-deleted
 * (`DELETE /contacts/{id}/hard_delete?force=true`), which is permanent. Trashed tickets are
 * recoverable until the trash is emptied: the plan says so. Holds: the `privacy-keep` ticket tag.
 */
import { z } from 'zod';
import { connectorApiHostsByTool } from '../api-hosts';
import { basicAuth, chunk, defineConnector, emailsOf, HOLD_TAG, type ConnectorContext } from '../define-connector';
import type { FoundItem, Identity, StepSpec } from '../types';

const BULK = 100;
const ticketSchema = z.object({
  id: z.number(),
  subject: z.string().nullish(),
  tags: z.array(z.string()).default([]),
  updated_at: z.string().nullish(),
});
const contactSchema = z.object({ id: z.number(), email: z.string().nullish() });

async function ticketsOf(ctx: ConnectorContext, email: string) {
  const all: z.infer<typeof ticketSchema>[] = [];
  // Freshdesk lists only the last 30 days unless updated_since is given, and at most 10 pages.
  for (let page = 1; page <= 10; page += 1) {
    const { data } = await ctx.http.request('GET', '/api/v2/tickets', {
      query: { email, per_page: 100, page, updated_since: '2000-01-01T00:00:00Z' },
      schema: z.array(ticketSchema),
    });
    all.push(...data!);
    if (data!.length < 100) break;
  }
  return all;
}

async function findAll(ctx: ConnectorContext, identities: Identity[]): Promise<FoundItem[]> {
  const items: FoundItem[] = [];
  for (const email of emailsOf(identities)) {
    for (const t of await ticketsOf(ctx, email))
      items.push({
        tool: 'freshdesk',
        kind: 'ticket',
        id: String(t.id),
        role: 'requester',
        held: t.tags.includes(HOLD_TAG),
        title: t.subject ?? undefined,
        updatedAt: t.updated_at ? Date.parse(t.updated_at) : undefined,
      });
    const { data } = await ctx.http.request('GET', '/api/v2/contacts', {
      query: { email },
      schema: z.array(contactSchema),
    });
    for (const c of data!)
      items.push({ tool: 'freshdesk', kind: 'contact', id: String(c.id), role: 'contact', held: false });
  }
  return items;
}

export const freshdesk = defineConnector({
  id: 'freshdesk',
  label: 'Freshdesk',
  auth: { kind: 'basic', fields: ['apiKey'] },
  processing: { regions: ['EU', 'US', 'IN', 'AU'], legalGround: 'sccs', backupHorizonDays: 30 },
  limits: { requestsPerMinute: 200, bulk: { bulk_delete: BULK, ticketsPage: 100 } },
  capabilities: { find: true, collect: true, erase: 'soft', holds: true, retention: true },
  apiHosts: connectorApiHostsByTool.freshdesk,
  baseUrl: (c) => `https://${c.account}.freshdesk.com`,
  authHeaders: (c) => ({ authorization: basicAuth(c.secret.apiKey ?? '', 'X') }),

  find: async (ctx, identities) => ({ tool: 'freshdesk', items: await findAll(ctx, identities) }),

  async collect(ctx, found) {
    const out = [];
    for (const item of found.items.filter((i) => i.kind === 'ticket')) {
      const { data } = await ctx.http.request('GET', `/api/v2/tickets/${item.id}/conversations`, {
        schema: z.array(z.unknown()),
      });
      out.push({ id: item.id, kind: 'ticket-conversations', data });
    }
    return out;
  },

  planErasure(found) {
    const kept = found.items.filter((i) => i.held);
    const erase = found.items.filter((i) => !i.held);
    const steps: StepSpec[] = [
      ...chunk(
        erase.filter((i) => i.kind === 'ticket').map((i) => i.id),
        BULK,
      ).map((ids) => ({
        tool: 'freshdesk',
        action: 'tickets.bulk_delete',
        kind: 'ticket',
        ids,
        checkHolds: true,
        requiresNoHolds: false,
        permanence: 'soft' as const,
      })),
      ...erase
        .filter((i) => i.kind === 'contact')
        .map((c) => ({
          tool: 'freshdesk',
          action: 'contacts.hard_delete',
          kind: 'contact',
          ids: [c.id],
          checkHolds: false,
          requiresNoHolds: true,
          permanence: 'permanent' as const,
        })),
    ];
    return {
      tool: 'freshdesk',
      steps,
      kept,
      erase,
      permanenceNote:
        'Tickets go to Freshdesk’s trash (recoverable until the trash is emptied); the contact is deleted permanently.',
    };
  },

  async readHolds(ctx, step, identities = []) {
    // The customer's tickets listed again (100 a page) with their tags: one request per 100, not one per ticket.
    // Without identities (retention cleanup), each ticket is read on its own.
    const wanted = new Set(step.ids);
    const held = new Set<string>();
    if (step.kind !== 'ticket') return held;
    if (emailsOf(identities).length === 0) {
      for (const id of step.ids) {
        const res = await ctx.http.request('GET', `/api/v2/tickets/${id}`, { schema: ticketSchema, allow404: true });
        if (res.data?.tags.includes(HOLD_TAG)) held.add(id);
      }
      return held;
    }
    for (const email of emailsOf(identities))
      for (const t of await ticketsOf(ctx, email))
        if (wanted.has(String(t.id)) && t.tags.includes(HOLD_TAG)) held.add(String(t.id));
    return held;
  },

  async eraseStep(ctx, step) {
    if (step.action === 'tickets.bulk_delete') {
      await ctx.http.request('POST', '/api/v2/tickets/bulk_delete', {
        body: { bulk_action: { ids: step.ids.map(Number) } },
      });
      return { erased: [], alreadyGone: [], pending: step.ids };
    }
    const id = step.ids[0]!;
    const res = await ctx.http.request('DELETE', `/api/v2/contacts/${id}/hard_delete`, {
      query: { force: true },
      allow404: true,
    });
    return res.status === 404 ? { erased: [], alreadyGone: [id] } : { erased: [id], alreadyGone: [] };
  },

  async writeHold(ctx, item, held) {
    const { data } = await ctx.http.request('GET', `/api/v2/tickets/${item.id}`, { schema: ticketSchema });
    const tags = new Set(data!.tags);
    if (held) tags.add(HOLD_TAG);
    else tags.delete(HOLD_TAG);
    await ctx.http.request('PUT', `/api/v2/tickets/${item.id}`, { body: { tags: [...tags] } });
  },

  async verify(ctx, identities, items) {
    const wanted = new Set(items.map((i) => `${i.kind}:${i.id}`));
    return {
      remaining: (await findAll(ctx, identities)).filter((i) => wanted.has(`${i.kind}:${i.id}`)).map((i) => i.id),
    };
  },

  async listExpired(ctx, identities, before) {
    return (await findAll(ctx, identities)).filter((i) => i.kind === 'ticket' && (i.updatedAt ?? Infinity) < before);
  },
});

/**
 * Freshdesk (no official OpenAPI; follows developer.freshdesk.com). Tickets the customer requested or is
 * CC'd on, and the contact. Freshdesk's filters cannot select by CC, so the ticket list is read once
 * (100 a page; contacts can be created after their tickets, e.g. by an import, so from the start)
 * and each ticket is matched by role: requester, `cc_emails` or `reply_cc_emails`; a mere
 * mention is never a role. Tickets go to Freshdesk's trash with `bulk_delete` (≤100, asynchronous);
 * the contact is then hard-deleted (`DELETE /contacts/{id}/hard_delete?force=true`), which is
 * permanent and takes the tickets they requested. CC'd tickets stay in the trash (recoverable) until
 * it is emptied: the plan says so. Holds: the `privacy-keep` ticket tag (read back with one search).
 */
import { z } from 'zod';
import { connectorApiHostsByTool } from '../api-hosts';
import { basicAuth, chunk, defineConnector, emailsOf, HOLD_TAG, type ConnectorContext } from '../define-connector';
import type { FoundItem, Identity, StepSpec } from '../types';

const BULK = 100;
/** Freshdesk serves at most this many pages of a list. */
const MAX_PAGES = 300;
const ticketSchema = z.object({
  id: z.number(),
  subject: z.string().nullish(),
  tags: z.array(z.string()).default([]),
  updated_at: z.string().nullish(),
  requester_id: z.number().nullish(),
  cc_emails: z.array(z.string()).nullish(),
  reply_cc_emails: z.array(z.string()).nullish(),
});
type FdTicket = z.infer<typeof ticketSchema>;
const contactSchema = z.object({ id: z.number(), email: z.string().nullish(), created_at: z.string().nullish() });
const searchSchema = z.object({ results: z.array(ticketSchema), total: z.number() });

async function contactsOf(ctx: ConnectorContext, emails: string[]) {
  const contacts: z.infer<typeof contactSchema>[] = [];
  for (const email of emails) {
    const { data } = await ctx.http.request('GET', '/api/v2/contacts', {
      query: { email },
      schema: z.array(contactSchema),
    });
    contacts.push(...data!);
  }
  return contacts;
}

/** Every ticket updated since `since` (Freshdesk lists only the last 30 days unless updated_since is given). */
async function ticketsSince(ctx: ConnectorContext, since: string): Promise<FdTicket[]> {
  const all: FdTicket[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { data } = await ctx.http.request('GET', '/api/v2/tickets', {
      query: { updated_since: since, per_page: 100, page, order_by: 'created_at', order_type: 'asc' },
      schema: z.array(ticketSchema),
    });
    all.push(...data!);
    if (data!.length < 100) break;
  }
  return all;
}

async function findAll(ctx: ConnectorContext, identities: Identity[]): Promise<FoundItem[]> {
  const emails = emailsOf(identities);
  if (emails.length === 0) return [];
  const contacts = await contactsOf(ctx, emails);
  const requesterIds = new Set(contacts.map((c) => c.id));
  const items: FoundItem[] = [];
  for (const t of await ticketsSince(ctx, '2000-01-01T00:00:00Z')) {
    const copied = [...(t.cc_emails ?? []), ...(t.reply_cc_emails ?? [])].map((e) => e.trim().toLowerCase());
    const role = requesterIds.has(t.requester_id ?? -1)
      ? 'requester'
      : copied.some((e) => emails.includes(e))
        ? 'cc'
        : undefined;
    if (role)
      items.push({
        tool: 'freshdesk',
        kind: 'ticket',
        id: String(t.id),
        role,
        held: t.tags.includes(HOLD_TAG),
        title: t.subject ?? undefined,
        updatedAt: t.updated_at ? Date.parse(t.updated_at) : undefined,
      });
  }
  for (const c of contacts)
    items.push({ tool: 'freshdesk', kind: 'contact', id: String(c.id), role: 'contact', held: false });
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
        'Tickets go to Freshdesk’s trash (recoverable until the trash is emptied); the contact is then deleted permanently with the tickets they requested. Tickets they were only CC’d on stay in the trash until it is emptied.',
    };
  },

  async readHolds(ctx, step) {
    // Every ticket tagged keep in the account (Freshdesk search: 30 a page, at most 10 pages); when there are
    // more than the search can list, each ticket of the step is read on its own.
    const held = new Set<string>();
    if (step.kind !== 'ticket') return held;
    const wanted = new Set(step.ids);
    const query = `"tag:'${HOLD_TAG}'"`;
    for (let page = 1; page <= 10; page += 1) {
      const { data } = await ctx.http.request('GET', '/api/v2/search/tickets', {
        query: { query, page },
        schema: searchSchema,
      });
      for (const t of data!.results) if (wanted.has(String(t.id))) held.add(String(t.id));
      if (page * 30 >= data!.total) return held;
    }
    for (const id of step.ids) {
      const res = await ctx.http.request('GET', `/api/v2/tickets/${id}`, { schema: ticketSchema, allow404: true });
      if (res.data?.tags.includes(HOLD_TAG)) held.add(id);
    }
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

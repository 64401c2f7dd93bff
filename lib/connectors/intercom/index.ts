/**
 * Intercom (REST API 2.14; US, EU or AU host by the connection's region). The contact found by
 * email search, and conversations that contact took part in (`contact_ids`, by role). Conversations
 * are deleted (`DELETE /conversations/{id}`); the contact is deleted with `DELETE /contacts/{id}`,
 * which Intercom keeps recoverable for 7 days before destroying it: the plan says so.
 * Holds: the `privacy-keep` conversation tag. Limits are enforced in 10-second windows.
 */
import { z } from 'zod';
import { connectorApiHostsByTool } from '../api-hosts';
import { defineConnector, emailsOf, HOLD_TAG, type ConnectorContext } from '../define-connector';
import type { FoundItem, Identity, StepSpec } from '../types';

const contactsSchema = z.object({
  data: z.array(z.object({ id: z.string(), email: z.string().nullish() }).passthrough()),
});
const conversationSchema = z.object({
  id: z.string(),
  updated_at: z.number().nullish(),
  tags: z.object({ tags: z.array(z.object({ name: z.string() }).passthrough()) }).nullish(),
});
const conversationsSchema = z.object({
  conversations: z.array(conversationSchema),
  pages: z.object({ next: z.object({ starting_after: z.string().nullish() }).nullish() }).nullish(),
});
const HOSTS: Record<string, string> = {
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
};
const isHeld = (c: z.infer<typeof conversationSchema>) => (c.tags?.tags ?? []).some((t) => t.name === HOLD_TAG);

async function conversationsOf(ctx: ConnectorContext, contactId: string) {
  const all: z.infer<typeof conversationSchema>[] = [];
  let after: string | undefined;
  do {
    const { data } = await ctx.http.request('POST', '/conversations/search', {
      body: {
        query: { field: 'contact_ids', operator: '=', value: contactId },
        pagination: { per_page: 150, ...(after ? { starting_after: after } : {}) },
      },
      schema: conversationsSchema,
    });
    all.push(...data!.conversations);
    after = data!.pages?.next?.starting_after ?? undefined;
  } while (after);
  return all;
}

async function findAll(ctx: ConnectorContext, identities: Identity[]): Promise<FoundItem[]> {
  const items: FoundItem[] = [];
  for (const email of emailsOf(identities)) {
    const { data } = await ctx.http.request('POST', '/contacts/search', {
      body: { query: { field: 'email', operator: '=', value: email } },
      schema: contactsSchema,
    });
    for (const contact of data!.data.filter((c) => c.email?.toLowerCase() === email)) {
      for (const c of await conversationsOf(ctx, contact.id))
        items.push({
          tool: 'intercom',
          kind: 'conversation',
          id: c.id,
          role: 'author',
          held: isHeld(c),
          updatedAt: c.updated_at ? c.updated_at * 1000 : undefined,
        });
      items.push({ tool: 'intercom', kind: 'contact', id: contact.id, role: 'contact', held: false });
    }
  }
  return items;
}

export const intercom = defineConnector({
  id: 'intercom',
  label: 'Intercom',
  auth: { kind: 'token', header: 'authorization-bearer', fields: ['token'] },
  processing: { regions: ['US'], legalGround: 'dpf', backupHorizonDays: 30 },
  limits: { requestsPerMinute: 1000, windowSeconds: 10, bulk: { searchPage: 150 } },
  capabilities: { find: true, collect: true, erase: 'soft', holds: true, retention: true },
  apiHosts: connectorApiHostsByTool.intercom,
  baseUrl: (c) => HOSTS[c.account] ?? HOSTS.us!,
  authHeaders: (c) => ({ authorization: `Bearer ${c.secret.token ?? ''}`, 'intercom-version': '2.14' }),

  find: async (ctx, identities) => ({ tool: 'intercom', items: await findAll(ctx, identities) }),

  async collect(ctx, found) {
    const out = [];
    for (const item of found.items.filter((i) => i.kind === 'conversation')) {
      const { data } = await ctx.http.request('GET', `/conversations/${item.id}`, {
        schema: z.object({ id: z.string() }).passthrough(),
      });
      out.push({ id: item.id, kind: 'conversation', data });
    }
    return out;
  },

  planErasure(found) {
    const kept = found.items.filter((i) => i.held);
    const erase = found.items.filter((i) => !i.held);
    const steps: StepSpec[] = [
      ...erase
        .filter((i) => i.kind === 'conversation')
        .map((c) => ({
          tool: 'intercom',
          action: 'conversations.delete',
          kind: 'conversation',
          ids: [c.id],
          checkHolds: true,
          requiresNoHolds: false,
          permanence: 'permanent' as const,
        })),
      ...erase
        .filter((i) => i.kind === 'contact')
        .map((c) => ({
          tool: 'intercom',
          action: 'contacts.delete',
          kind: 'contact',
          ids: [c.id],
          checkHolds: false,
          requiresNoHolds: true,
          permanence: 'soft' as const,
        })),
    ];
    return {
      tool: 'intercom',
      steps,
      kept,
      erase,
      permanenceNote:
        'Conversations are deleted. Intercom keeps a deleted contact recoverable for 7 days, then destroys it.',
    };
  },

  async readHolds(ctx, step) {
    const held = new Set<string>();
    if (step.kind !== 'conversation') return held;
    for (const id of step.ids) {
      const res = await ctx.http.request('GET', `/conversations/${id}`, { schema: conversationSchema, allow404: true });
      if (res.data && isHeld(res.data)) held.add(id);
    }
    return held;
  },

  async eraseStep(ctx, step) {
    const id = step.ids[0]!;
    const res = await ctx.http.request('DELETE', `/${step.kind === 'contact' ? 'contacts' : 'conversations'}/${id}`, {
      allow404: true,
    });
    return res.status === 404 ? { erased: [], alreadyGone: [id] } : { erased: [id], alreadyGone: [] };
  },

  async writeHold(ctx, item, held) {
    const { data } = await ctx.http.request('POST', '/tags', {
      body: { name: HOLD_TAG },
      schema: z.object({ id: z.string() }).passthrough(),
    });
    const path = held ? `/conversations/${item.id}/tags` : `/conversations/${item.id}/tags/${data!.id}`;
    await ctx.http.request(held ? 'POST' : 'DELETE', path, {
      body: held
        ? { id: data!.id, admin_id: ctx.connection.secret.adminId ?? '' }
        : { admin_id: ctx.connection.secret.adminId ?? '' },
    });
  },

  async verify(ctx, _identities, items) {
    const remaining: string[] = [];
    for (const item of items) {
      const res = await ctx.http.request(
        'GET',
        `/${item.kind === 'contact' ? 'contacts' : 'conversations'}/${item.id}`,
        { allow404: true },
      );
      if (res.status !== 404) remaining.push(item.id);
    }
    return { remaining };
  },

  async listExpired(ctx, identities, before) {
    return (await findAll(ctx, identities)).filter(
      (i) => i.kind === 'conversation' && (i.updatedAt ?? Infinity) < before,
    );
  },
});

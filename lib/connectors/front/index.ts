/**
 * Front. The contact found by email alias (`alt:email:`), and that contact's conversations (by role:
 * Front links a conversation to the contact as its recipient or author). Conversations are moved to
 * trash (`PATCH status: deleted`) and then deleted permanently (`DELETE /conversations/{id}`, which
 * Front allows only for trashed ones). Deleting the contact is Front's own delete; Front does not
 * document a restore for it. Holds: the `privacy-keep` conversation tag.
 */
import { z } from 'zod';
import { connectorApiHostsByTool } from '../api-hosts';
import { defineConnector, emailsOf, HOLD_TAG, type ConnectorContext } from '../define-connector';
import type { FoundItem, Identity, StepSpec } from '../types';

const contactSchema = z.object({ id: z.string() }).passthrough();
const conversationSchema = z.object({
  id: z.string(),
  subject: z.string().nullish(),
  tags: z.array(z.object({ name: z.string() }).passthrough()).default([]),
  created_at: z.number().nullish(),
});
const pageSchema = z.object({
  _results: z.array(conversationSchema),
  _pagination: z.object({ next: z.string().nullish() }).optional(),
});
const tagsSchema = z.object({ _results: z.array(z.object({ id: z.string(), name: z.string() })) });

async function conversationsOf(ctx: ConnectorContext, contactId: string) {
  const all: z.infer<typeof conversationSchema>[] = [];
  let next: string | undefined = `/contacts/${contactId}/conversations`;
  while (next) {
    const res: { data?: z.infer<typeof pageSchema> } = await ctx.http.request('GET', next, {
      query: next.includes('?') ? undefined : { limit: 100 },
      schema: pageSchema,
    });
    all.push(...res.data!._results);
    next = res.data!._pagination?.next ?? undefined;
  }
  return all;
}

async function findAll(ctx: ConnectorContext, identities: Identity[]): Promise<FoundItem[]> {
  const items: FoundItem[] = [];
  for (const email of emailsOf(identities)) {
    const res = await ctx.http.request('GET', `/contacts/alt:email:${encodeURIComponent(email)}`, {
      schema: contactSchema,
      allow404: true,
    });
    if (!res.data) continue;
    for (const c of await conversationsOf(ctx, res.data.id))
      items.push({
        tool: 'front',
        kind: 'conversation',
        id: c.id,
        role: 'contact',
        held: c.tags.some((t) => t.name === HOLD_TAG),
        title: c.subject ?? undefined,
        updatedAt: c.created_at ? c.created_at * 1000 : undefined,
      });
    items.push({ tool: 'front', kind: 'contact', id: res.data.id, role: 'contact', held: false });
  }
  return items;
}

export const front = defineConnector({
  id: 'front',
  label: 'Front',
  auth: { kind: 'token', header: 'authorization-bearer', fields: ['token'] },
  processing: { regions: ['US'], legalGround: 'dpf', backupHorizonDays: 30 },
  limits: { requestsPerMinute: 50, bulk: { conversationsPage: 100 } },
  capabilities: { find: true, collect: true, erase: 'permanent', holds: true, retention: true },
  apiHosts: connectorApiHostsByTool.front,
  baseUrl: () => 'https://api2.frontapp.com',
  authHeaders: (c) => ({ authorization: `Bearer ${c.secret.token ?? ''}` }),

  find: async (ctx, identities) => ({ tool: 'front', items: await findAll(ctx, identities) }),

  async collect(ctx, found) {
    const out = [];
    for (const item of found.items.filter((i) => i.kind === 'conversation')) {
      const { data } = await ctx.http.request('GET', `/conversations/${item.id}/messages`, {
        schema: z.object({ _results: z.array(z.unknown()) }),
      });
      out.push({ id: item.id, kind: 'conversation-messages', data: data!._results });
    }
    return out;
  },

  planErasure(found) {
    const kept = found.items.filter((i) => i.held);
    const erase = found.items.filter((i) => !i.held);
    const steps: StepSpec[] = [];
    for (const c of erase.filter((i) => i.kind === 'conversation')) {
      const trash = steps.length;
      steps.push({
        tool: 'front',
        action: 'conversations.trash',
        kind: 'conversation',
        ids: [c.id],
        checkHolds: true,
        requiresNoHolds: false,
        permanence: 'soft',
      });
      steps.push({
        tool: 'front',
        action: 'conversations.delete',
        kind: 'conversation',
        ids: [c.id],
        checkHolds: false,
        requiresNoHolds: false,
        dependsOn: trash,
        permanence: 'permanent',
      });
    }
    for (const c of erase.filter((i) => i.kind === 'contact'))
      steps.push({
        tool: 'front',
        action: 'contacts.delete',
        kind: 'contact',
        ids: [c.id],
        checkHolds: false,
        requiresNoHolds: true,
        permanence: 'soft',
      });
    return {
      tool: 'front',
      steps,
      kept,
      erase,
      permanenceNote:
        'Conversations go to Trash and are then deleted permanently. The contact is deleted with Front’s own delete, which Front does not document as permanent.',
    };
  },

  async readHolds(ctx, step) {
    const held = new Set<string>();
    if (step.kind !== 'conversation') return held;
    for (const id of step.ids) {
      const res = await ctx.http.request('GET', `/conversations/${id}`, { schema: conversationSchema, allow404: true });
      if (res.data?.tags.some((t) => t.name === HOLD_TAG)) held.add(id);
    }
    return held;
  },

  async eraseStep(ctx, step) {
    const id = step.ids[0]!;
    let res;
    if (step.action === 'conversations.trash') {
      res = await ctx.http.request('PATCH', `/conversations/${id}`, { body: { status: 'deleted' }, allow404: true });
      // Accounts (and the demo stand-in) where DELETE is the move to trash: fall back to it.
      if (res.status === 404) res = await ctx.http.request('DELETE', `/conversations/${id}`, { allow404: true });
    } else {
      res = await ctx.http.request(
        'DELETE',
        step.action === 'contacts.delete' ? `/contacts/${id}` : `/conversations/${id}`,
        { allow404: true },
      );
    }
    return res.status === 404 ? { erased: [], alreadyGone: [id] } : { erased: [id], alreadyGone: [] };
  },

  async writeHold(ctx, item, held) {
    const { data } = await ctx.http.request('GET', '/tags', { schema: tagsSchema });
    let tag = data!._results.find((t) => t.name === HOLD_TAG);
    if (!tag)
      tag = (
        await ctx.http.request('POST', '/tags', {
          body: { name: HOLD_TAG },
          schema: z.object({ id: z.string(), name: z.string() }),
        })
      ).data!;
    await ctx.http.request(held ? 'POST' : 'DELETE', `/conversations/${item.id}/tags`, { body: { tag_ids: [tag.id] } });
  },

  async verify(ctx, _identities, items) {
    const remaining: string[] = [];
    for (const item of items) {
      const path = item.kind === 'contact' ? `/contacts/${item.id}` : `/conversations/${item.id}`;
      const res = await ctx.http.request('GET', path, {
        allow404: true,
        schema: z.object({ status: z.string().optional() }).passthrough(),
      });
      // In Trash ('deleted') counts as erased the Front way: Front purges its trash after 7 days.
      if (res.status !== 404 && res.data?.status !== 'deleted') remaining.push(item.id);
    }
    return { remaining };
  },

  async listExpired(ctx, identities, before) {
    return (await findAll(ctx, identities)).filter(
      (i) => i.kind === 'conversation' && (i.updatedAt ?? Infinity) < before,
    );
  },
});

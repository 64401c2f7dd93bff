/**
 * Help Scout (Mailbox API v2). Conversations where the customer is the primary customer or on CC /
 * BCC (the email query, then filtered by role), and the customer profile. Deleting the customer
 * removes them and all their conversations permanently; above 100 conversations Help Scout answers
 * 403 and we take its asynchronous path (`?async=true`, 202), confirmed by verification later.
 * When any of their conversations is held, the customer is kept and the other conversations are
 * deleted one by one. Holds: the `privacy-keep` conversation tag. Writes count double.
 */
import { connectorApiHostsByTool } from '../api-hosts';
import { defineConnector, emailsOf, HOLD_TAG, type ConnectorContext } from '../define-connector';
import type { FoundItem, Identity, StepOutcome, StepSpec } from '../types';
import { conversationSchema, conversationsSchema, customersSchema, threadsSchema, type Conversation } from './schemas';

const SYNC_LIMIT = 100;

async function pages<T>(fetchPage: (page: number) => Promise<{ items: T[]; totalPages: number }>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1, total = 1; page <= total; page += 1) {
    const res = await fetchPage(page);
    all.push(...res.items);
    total = res.totalPages;
  }
  return all;
}

function conversationQuery(ctx: ConnectorContext, email: string, tag?: string) {
  return pages<Conversation>(async (page) => {
    const { data } = await ctx.http.request('GET', '/v2/conversations', {
      query: { query: `(email:"${email}")`, status: 'all', page, tag },
      schema: conversationsSchema,
    });
    return { items: data!._embedded?.conversations ?? [], totalPages: data!.page?.totalPages ?? 1 };
  });
}

function roleOf(c: Conversation, email: string): FoundItem['role'] | undefined {
  if (c.primaryCustomer?.email?.toLowerCase() === email) return 'requester';
  if ([...(c.cc ?? []), ...(c.bcc ?? [])].some((e) => e.toLowerCase() === email)) return 'cc';
  return undefined;
}

async function findAll(ctx: ConnectorContext, identities: Identity[]): Promise<FoundItem[]> {
  const items = new Map<string, FoundItem>();
  for (const email of emailsOf(identities)) {
    const { data } = await ctx.http.request('GET', '/v2/customers', {
      query: { query: `(email:"${email}")` },
      schema: customersSchema,
    });
    for (const c of data!._embedded?.customers ?? [])
      items.set(`contact:${c.id}`, {
        tool: 'helpscout',
        kind: 'contact',
        id: String(c.id),
        role: 'contact',
        held: false,
      });
    for (const c of await conversationQuery(ctx, email)) {
      const role = roleOf(c, email);
      if (role)
        items.set(`conversation:${c.id}`, {
          tool: 'helpscout',
          kind: 'conversation',
          id: String(c.id),
          role,
          held: c.tags.some((t) => t.tag === HOLD_TAG),
          title: c.subject ?? undefined,
          updatedAt: c.userUpdatedAt ? Date.parse(c.userUpdatedAt) : undefined,
        });
    }
  }
  return [...items.values()];
}

export const helpscout = defineConnector({
  id: 'helpscout',
  label: 'Help Scout',
  auth: {
    kind: 'oauth2',
    authorizeUrl: 'https://secure.helpscout.net/authentication/authorizeClientApplication',
    tokenUrl: 'https://api.helpscout.net/v2/oauth2/token',
    scopes: [],
    flow: 'code-pkce',
  },
  processing: { regions: ['US'], legalGround: 'dpf', backupHorizonDays: 30 },
  limits: {
    requestsPerMinute: 200,
    bulk: { conversationsPage: 50, syncCustomerDelete: SYNC_LIMIT },
    costOf: (method) => (method === 'GET' ? 1 : 2),
  },
  capabilities: { find: true, collect: true, erase: 'permanent', holds: true, retention: true },
  apiHosts: connectorApiHostsByTool.helpscout,
  baseUrl: () => 'https://api.helpscout.net',
  authHeaders: (c) => ({ authorization: `Bearer ${c.secret.accessToken ?? ''}` }),

  find: async (ctx, identities) => ({ tool: 'helpscout', items: await findAll(ctx, identities) }),

  async collect(ctx, found) {
    const out = [];
    for (const item of found.items.filter((i) => i.kind === 'conversation')) {
      const { data } = await ctx.http.request('GET', `/v2/conversations/${item.id}/threads`, {
        schema: threadsSchema,
      });
      out.push({ id: item.id, kind: 'conversation-threads', data: data!._embedded?.threads ?? [] });
    }
    return out;
  },

  planErasure(found) {
    const kept = found.items.filter((i) => i.held);
    const erase = found.items.filter((i) => !i.held);
    const conversations = erase.filter((i) => i.kind === 'conversation').map((i) => i.id);
    const customers = erase.filter((i) => i.kind === 'contact');
    // The first customer's deletion takes the conversations along; other profiles with the same address go alone.
    const steps: StepSpec[] = customers.map((customer, index) => ({
      tool: 'helpscout',
      action: kept.length > 0 ? 'conversations.delete' : 'customers.delete',
      kind: 'conversation',
      ids: index === 0 ? conversations : [],
      target: customer.id,
      checkHolds: true,
      requiresNoHolds: false,
      permanence: 'permanent' as const,
    }));
    if (customers.length === 0 && conversations.length > 0)
      steps.push({
        tool: 'helpscout',
        action: 'conversations.delete',
        kind: 'conversation',
        ids: conversations,
        checkHolds: true,
        requiresNoHolds: false,
        permanence: 'permanent',
      });
    return {
      tool: 'helpscout',
      steps,
      kept: kept.length > 0 ? [...kept, ...customers] : kept,
      erase: kept.length > 0 ? erase.filter((i) => i.kind !== 'contact') : erase,
      permanenceNote:
        conversations.length > SYNC_LIMIT
          ? 'The customer and their conversations are deleted permanently by Help Scout in the background (more than 100 conversations); we check until they are gone.'
          : 'The customer and their conversations are deleted permanently.',
    };
  },

  async readHolds(ctx, step) {
    const wanted = new Set(step.ids);
    const tagged = await pages<Conversation>(async (page) => {
      const { data } = await ctx.http.request('GET', '/v2/conversations', {
        query: { status: 'all', tag: HOLD_TAG, page },
        schema: conversationsSchema,
      });
      return { items: data!._embedded?.conversations ?? [], totalPages: data!.page?.totalPages ?? 1 };
    });
    return new Set(tagged.map((c) => String(c.id)).filter((id) => wanted.has(id)));
  },

  async eraseStep(ctx, step): Promise<StepOutcome> {
    if (step.action === 'customers.delete' && step.target && (step.heldIds ?? []).length === 0) {
      const async = step.ids.length > SYNC_LIMIT;
      const res = await ctx.http.request('DELETE', `/v2/customers/${step.target}`, {
        query: { async: async || undefined },
        allow404: true,
        passStatuses: [403],
      });
      if (res.status === 404) return { erased: [], alreadyGone: [...step.ids, step.target] };
      if (res.status === 403) {
        await ctx.http.request('DELETE', `/v2/customers/${step.target}`, { query: { async: true } });
        return { erased: [], alreadyGone: [], pending: [...step.ids, step.target] };
      }
      return async
        ? { erased: [], alreadyGone: [], pending: [...step.ids, step.target] }
        : { erased: [...step.ids, step.target], alreadyGone: [] };
    }
    const outcome: StepOutcome = {
      erased: [],
      alreadyGone: [],
      kept: step.target ? [{ kind: 'contact', id: step.target }] : [],
    };
    for (const id of step.ids) {
      const res = await ctx.http.request('DELETE', `/v2/conversations/${id}`, { allow404: true });
      (res.status === 404 ? outcome.alreadyGone : outcome.erased).push(id);
    }
    return outcome;
  },

  async writeHold(ctx, item, held) {
    const { data } = await ctx.http.request('GET', `/v2/conversations/${item.id}`, { schema: conversationSchema });
    const tags = new Set(data!.tags.map((t) => t.tag));
    if (held) tags.add(HOLD_TAG);
    else tags.delete(HOLD_TAG);
    await ctx.http.request('PUT', `/v2/conversations/${item.id}/tags`, { body: { tags: [...tags] } });
  },

  async verify(ctx, identities, items) {
    const wanted = new Set(items.map((i) => `${i.kind}:${i.id}`));
    const now = await findAll(ctx, identities);
    return { remaining: now.filter((i) => wanted.has(`${i.kind}:${i.id}`)).map((i) => i.id) };
  },

  async listExpired(ctx, identities, before) {
    return (await findAll(ctx, identities)).filter(
      (i) => i.kind === 'conversation' && (i.updatedAt ?? Infinity) < before,
    );
  },
});

/**
 * A small stand-in tool for the job tests, reached through real HTTP semantics (a fetch function),
 * so the connector code path (limiter, retries, zod) is the real one. Items are deleted to a trash
 * and then purged (two stages, like Zendesk); the contact may only go when nothing is held.
 * It counts every effective deletion per id, so "deleted twice" is observable.
 */
import { z } from 'zod';
import { chunk, defineConnector } from '../../../lib/connectors/define-connector';
import type { StepSpec } from '../../../lib/connectors/types';

export class FakeToolServer {
  live = new Map<string, { held: boolean }>();
  trash = new Set<string>();
  contact = true;
  deletions = new Map<string, number>();
  purges = new Map<string, number>();
  contactDeletions = 0;
  calls = 0;

  constructor(count: number, held: Set<number>) {
    for (let i = 0; i < count; i += 1) this.live.set(`t${i}`, { held: held.has(i) });
  }

  leftNonHeld(): string[] {
    return [
      ...[...this.live].filter(([, v]) => !v.held).map(([id]) => id),
      ...this.trash,
      ...(this.contact && this.heldIds().length === 0 ? ['contact'] : []),
    ];
  }

  heldIds(): string[] {
    return [...this.live].filter(([, v]) => v.held).map(([id]) => id);
  }

  fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    this.calls += 1;
    const url = new URL(input);
    const method = init?.method ?? 'GET';
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
    if (method === 'GET' && url.pathname === '/items')
      return json({ items: [...this.live].map(([id, v]) => ({ id, held: v.held })), contact: this.contact });
    if (method === 'GET' && url.pathname === '/items/show')
      return json({
        items: ids.filter((id) => this.live.has(id)).map((id) => ({ id, held: this.live.get(id)!.held })),
      });
    if (method === 'GET' && url.pathname === '/trash') return json({ ids: [...this.trash] });
    if (method === 'DELETE' && url.pathname === '/items') {
      const present = ids.filter((id) => this.live.has(id));
      if (present.length === 0) return json({ error: 'not found' }, 404);
      for (const id of present) {
        if (this.live.get(id)!.held) return json({ error: 'held item' }, 409);
      }
      for (const id of present) {
        this.live.delete(id);
        this.trash.add(id);
        this.deletions.set(id, (this.deletions.get(id) ?? 0) + 1);
      }
      return json({ ok: true });
    }
    if (method === 'DELETE' && url.pathname === '/trash') {
      const present = ids.filter((id) => this.trash.has(id));
      if (present.length === 0) return json({ error: 'not found' }, 404);
      for (const id of present) {
        this.trash.delete(id);
        this.purges.set(id, (this.purges.get(id) ?? 0) + 1);
      }
      return json({ ok: true });
    }
    if (method === 'DELETE' && url.pathname === '/contact') {
      if (!this.contact) return json({ error: 'not found' }, 404);
      this.contact = false;
      this.contactDeletions += 1;
      return new Response(null, { status: 204 });
    }
    return json({ error: 'no route' }, 400);
  };
}

const itemsSchema = z.object({
  items: z.array(z.object({ id: z.string(), held: z.boolean() })),
  contact: z.boolean().optional(),
});
export const BULK = 7;

export const fakeConnector = defineConnector({
  id: 'fake',
  label: 'Fake desk',
  auth: { kind: 'token', header: 'authorization-bearer', fields: ['token'] },
  processing: { regions: ['EU'], legalGround: 'eu', backupHorizonDays: 14 },
  limits: { requestsPerMinute: 600, bulk: { delete: BULK } },
  capabilities: { find: true, collect: false, erase: 'permanent', holds: true, retention: false },
  apiHosts: [],
  baseUrl: () => 'https://fake.example',
  authHeaders: (c) => ({ authorization: `Bearer ${c.secret.token ?? ''}` }),
  async find(ctx) {
    const { data } = await ctx.http.request('GET', '/items', { schema: itemsSchema });
    const items = data!.items.map((i) => ({
      tool: 'fake',
      kind: 'ticket' as const,
      id: i.id,
      role: 'requester' as const,
      held: i.held,
    }));
    return {
      tool: 'fake',
      items: data!.contact
        ? [...items, { tool: 'fake', kind: 'contact' as const, id: 'contact', role: 'contact' as const, held: false }]
        : items,
    };
  },
  collect: async () => [],
  planErasure(found) {
    const kept = found.items.filter((i) => i.held);
    const erase = found.items.filter((i) => !i.held);
    const steps: StepSpec[] = [];
    for (const ids of chunk(
      erase.filter((i) => i.kind === 'ticket').map((i) => i.id),
      BULK,
    )) {
      const soft = steps.length;
      steps.push({
        tool: 'fake',
        action: 'delete',
        kind: 'ticket',
        ids,
        checkHolds: true,
        requiresNoHolds: false,
        permanence: 'soft',
      });
      steps.push({
        tool: 'fake',
        action: 'purge',
        kind: 'ticket',
        ids,
        checkHolds: false,
        requiresNoHolds: false,
        dependsOn: soft,
        permanence: 'permanent',
      });
    }
    if (erase.some((i) => i.kind === 'contact'))
      steps.push({
        tool: 'fake',
        action: 'contact',
        kind: 'contact',
        ids: ['contact'],
        checkHolds: false,
        requiresNoHolds: true,
        permanence: 'permanent',
      });
    return { tool: 'fake', steps, kept, erase, permanenceNote: 'test' };
  },
  async readHolds(ctx, step) {
    const { data } = await ctx.http.request('GET', '/items/show', {
      query: { ids: step.ids.join(',') },
      schema: itemsSchema,
    });
    return new Set(data!.items.filter((i) => i.held).map((i) => i.id));
  },
  async eraseStep(ctx, step) {
    const path = step.action === 'delete' ? '/items' : step.action === 'purge' ? '/trash' : '/contact';
    const res = await ctx.http.request('DELETE', path, {
      query: step.action === 'contact' ? undefined : { ids: step.ids.join(',') },
      allow404: true,
    });
    return res.status === 404 ? { erased: [], alreadyGone: step.ids } : { erased: step.ids, alreadyGone: [] };
  },
  writeHold: async () => undefined,
  async verify(ctx, _identities, items) {
    const live = await ctx.http.request('GET', '/items', { schema: itemsSchema });
    const trash = await ctx.http.request('GET', '/trash', { schema: z.object({ ids: z.array(z.string()) }) });
    const present = new Set([
      ...live.data!.items.map((i) => i.id),
      ...trash.data!.ids,
      ...(live.data!.contact ? ['contact'] : []),
    ]);
    return { remaining: items.filter((i) => present.has(i.id)).map((i) => i.id) };
  },
  listExpired: async () => [],
});

/**
 * Zendesk Support. Tickets the customer requested or is CC'd on (search export, by role), and the
 * customer's user record. Erasure is Zendesk's two-stage way: tickets `destroy_many` (≤100, soft)
 * then `deleted_tickets/destroy_many` (permanent); the user `DELETE users/{id}` then
 * `DELETE deleted_users/{id}` (permanent), after the tickets, and only when nothing is held.
 * Holds are the `privacy-keep` ticket tag.
 */
import { connectorApiHostsByTool } from '../api-hosts';
import { basicAuth, chunk, defineConnector, emailsOf, HOLD_TAG, type ConnectorContext } from '../define-connector';
import { errorForStatus } from '../errors';
import type { FoundItem, Identity, StepOutcome, StepSpec, ToolErasurePlan } from '../types';
import {
  commentsSchema,
  jobStatusSchema,
  searchExportSchema,
  usersSearchSchema,
  type JobStatus,
  type Ticket,
} from './schemas';

const BULK = 100;

async function searchTickets(ctx: ConnectorContext, query: string): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  let after: string | undefined;
  do {
    const { data } = await ctx.http.request('GET', '/api/v2/search/export', {
      query: { query, 'filter[type]': 'ticket', 'page[size]': 1000, 'page[after]': after },
      schema: searchExportSchema,
    });
    tickets.push(...data!.results);
    after = data!.meta?.has_more ? (data!.meta.after_cursor ?? undefined) : undefined;
  } while (after);
  return tickets;
}

async function ticketsByRole(ctx: ConnectorContext, identities: Identity[], extra = ''): Promise<FoundItem[]> {
  const items = new Map<string, FoundItem>();
  for (const email of emailsOf(identities))
    for (const role of ['requester', 'cc'] as const)
      for (const t of await searchTickets(ctx, `${role}:${email}${extra}`))
        if (!items.has(String(t.id)))
          items.set(String(t.id), {
            tool: 'zendesk',
            kind: 'ticket',
            id: String(t.id),
            role,
            held: t.tags.includes(HOLD_TAG),
            title: t.subject ?? undefined,
            updatedAt: t.updated_at ? Date.parse(t.updated_at) : undefined,
          });
  return [...items.values()];
}

async function usersOf(ctx: ConnectorContext, identities: Identity[]): Promise<FoundItem[]> {
  const users: FoundItem[] = [];
  for (const email of emailsOf(identities)) {
    const { data } = await ctx.http.request('GET', '/api/v2/users/search', {
      query: { query: `email:${email}` },
      schema: usersSearchSchema,
    });
    for (const u of data!.users)
      if (u.email?.toLowerCase() === email)
        users.push({ tool: 'zendesk', kind: 'user', id: String(u.id), role: 'contact', held: false });
  }
  return users;
}

/** Zendesk runs bulk deletes as background jobs (done in a few seconds): wait for the job (Show Job Status) before the next stage. */
async function settle(ctx: ConnectorContext, job: JobStatus): Promise<JobStatus | undefined> {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    if (job.status === 'completed') return job;
    if (job.status === 'failed' || job.status === 'killed') throw errorForStatus('Zendesk', 500);
    await ctx.sleep(2000 * 2 ** attempt);
    job = (await ctx.http.request('GET', `/api/v2/job_statuses/${job.id}`, { schema: jobStatusSchema })).data!
      .job_status;
  }
  return undefined;
}

function outcomeOf(ids: string[], job: JobStatus | undefined): StepOutcome {
  if (!job) return { erased: [], alreadyGone: [], pending: ids };
  const failed = new Set((job.results ?? []).filter((r) => r.success === false).map((r) => String(r.id)));
  // A failed id was already gone (or not deletable): verification re-queries Zendesk before anything is reported.
  return { erased: ids.filter((id) => !failed.has(id)), alreadyGone: ids.filter((id) => failed.has(id)) };
}

export const zendesk = defineConnector({
  id: 'zendesk',
  label: 'Zendesk',
  auth: { kind: 'token', header: 'authorization-basic', fields: ['email', 'token'] },
  processing: { regions: ['US'], legalGround: 'dpf', backupHorizonDays: 30 },
  limits: { requestsPerMinute: 200, bulk: { destroy_many: BULK, search_export: 1000 }, concurrency: 4 },
  capabilities: { find: true, collect: true, erase: 'permanent', holds: true, retention: true },
  apiHosts: connectorApiHostsByTool.zendesk,
  baseUrl: (c) => `https://${c.account}.zendesk.com`,
  authHeaders: (c) => ({ authorization: basicAuth(`${c.secret.email ?? ''}/token`, c.secret.token ?? '') }),

  async find(ctx, identities) {
    return { tool: 'zendesk', items: [...(await ticketsByRole(ctx, identities)), ...(await usersOf(ctx, identities))] };
  },

  async collect(ctx, found) {
    const out = [];
    for (const item of found.items.filter((i) => i.kind === 'ticket')) {
      const { data } = await ctx.http.request('GET', `/api/v2/tickets/${item.id}/comments`, { schema: commentsSchema });
      out.push({ id: item.id, kind: 'ticket-comments', data: data!.comments });
    }
    return out;
  },

  planErasure(found): ToolErasurePlan {
    const kept = found.items.filter((i) => i.held);
    const erase = found.items.filter((i) => !i.held);
    const steps: StepSpec[] = [];
    for (const ids of chunk(
      erase.filter((i) => i.kind === 'ticket').map((i) => i.id),
      BULK,
    )) {
      const soft = steps.length;
      steps.push({
        tool: 'zendesk',
        action: 'tickets.destroy_many',
        kind: 'ticket',
        ids,
        checkHolds: true,
        requiresNoHolds: false,
        permanence: 'soft',
      });
      steps.push({
        tool: 'zendesk',
        action: 'deleted_tickets.destroy_many',
        kind: 'ticket',
        ids,
        checkHolds: false,
        requiresNoHolds: false,
        dependsOn: soft,
        permanence: 'permanent',
      });
    }
    for (const user of erase.filter((i) => i.kind === 'user')) {
      const soft = steps.length;
      steps.push({
        tool: 'zendesk',
        action: 'users.delete',
        kind: 'user',
        ids: [user.id],
        checkHolds: false,
        requiresNoHolds: true,
        permanence: 'soft',
      });
      steps.push({
        tool: 'zendesk',
        action: 'deleted_users.delete',
        kind: 'user',
        ids: [user.id],
        checkHolds: false,
        requiresNoHolds: true,
        dependsOn: soft,
        permanence: 'permanent',
      });
    }
    return {
      tool: 'zendesk',
      steps,
      kept,
      erase,
      permanenceNote:
        'Tickets and the user are deleted, then permanently deleted from Zendesk’s deleted items right away. When a ticket is kept, the user record stays too.',
    };
  },

  async readHolds(ctx, step) {
    // Every ticket tagged keep in the account (legal holds are few: one page of up to 1000), intersected with this step.
    const wanted = new Set(step.ids);
    if (step.kind !== 'ticket') return new Set<string>();
    return new Set(
      (await searchTickets(ctx, `tags:${HOLD_TAG}`)).map((t) => String(t.id)).filter((id) => wanted.has(id)),
    );
  },

  async eraseStep(ctx, step) {
    const path = {
      'tickets.destroy_many': '/api/v2/tickets/destroy_many',
      'deleted_tickets.destroy_many': '/api/v2/deleted_tickets/destroy_many',
    }[step.action];
    if (path) {
      const res = await ctx.http.request('DELETE', path, {
        query: { ids: step.ids.join(',') },
        schema: jobStatusSchema,
        allow404: true,
      });
      if (res.status === 404) return { erased: [], alreadyGone: step.ids };
      return outcomeOf(step.ids, await settle(ctx, res.data!.job_status));
    }
    const id = step.ids[0]!;
    const userPath = step.action === 'users.delete' ? `/api/v2/users/${id}` : `/api/v2/deleted_users/${id}`;
    const res = await ctx.http.request('DELETE', userPath, { allow404: true });
    return res.status === 404 ? { erased: [], alreadyGone: [id] } : { erased: [id], alreadyGone: [] };
  },

  async writeHold(ctx, item, held) {
    await ctx.http.request(held ? 'PUT' : 'DELETE', `/api/v2/tickets/${item.id}/tags`, { body: { tags: [HOLD_TAG] } });
  },

  async verify(ctx, identities, items) {
    const wanted = new Set(items.filter((i) => i.kind === 'ticket').map((i) => i.id));
    const stillThere = (await ticketsByRole(ctx, identities)).filter((t) => wanted.has(t.id)).map((t) => t.id);
    for (const user of items.filter((i) => i.kind === 'user')) {
      const live = await ctx.http.request('GET', `/api/v2/users/${user.id}`, { allow404: true });
      const deleted =
        live.status === 404
          ? await ctx.http.request('GET', `/api/v2/deleted_users/${user.id}`, { allow404: true })
          : live;
      if (deleted.status !== 404) stillThere.push(user.id);
    }
    return { remaining: stillThere };
  },

  async listExpired(ctx, identities, before) {
    const date = new Date(before).toISOString().slice(0, 10);
    return ticketsByRole(ctx, identities, ` updated<${date}`);
  },
});

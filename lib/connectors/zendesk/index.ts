/**
 * Zendesk Support. Tickets the customer requested, is CC'd on, or commented on (search export, by role:
 * `requester:`, `cc:`, `commenter:`), found for every email identity of their user record
 * (`users/{id}/identities`), and the user. Erasure is Zendesk's two-stage way: tickets `destroy_many`
 * (≤100, soft) then `deleted_tickets/destroy_many` (permanent), which takes each ticket's comments,
 * attachments and side conversations with it; then the user `DELETE users/{id}` and
 * `DELETE deleted_users/{id}` (permanent, with all their identities), only when nothing is held.
 * A ticket of theirs that was merged into someone else's ticket (tag `closed_by_merge`) left a copy of
 * their messages and attachments there: that target is a step done by hand (redact, not delete another
 * customer's ticket). Holds are the `privacy-keep` ticket tag.
 */
import { connectorApiHostsByTool } from '../api-hosts';
import { basicAuth, chunk, defineConnector, emailsOf, HOLD_TAG, type ConnectorContext } from '../define-connector';
import { errorForStatus } from '../errors';
import type { FoundItem, Identity, StepOutcome, StepSpec, ToolErasurePlan } from '../types';
import {
  commentsSchema,
  identitiesSchema,
  jobStatusSchema,
  searchExportSchema,
  ticketResponseSchema,
  usersSearchSchema,
  type JobStatus,
  type Ticket,
} from './schemas';

const BULK = 100;
const MERGED_TAG = 'closed_by_merge';
/** The note Zendesk leaves on a merged ticket: "… closed and merged into request #123 …". */
const MERGED_INTO = /merged into (?:request|ticket) #(\d+)/i;
/** Search keyword → the customer's role in the ticket. */
const ROLES = [
  ['requester', 'requester'],
  ['cc', 'cc'],
  ['commenter', 'author'],
] as const;

function agentUrl(ctx: ConnectorContext, id: number | string): string {
  const base = ctx.connection.baseUrl ?? `https://${ctx.connection.account}.zendesk.com`;
  return `${base.replace(/\/$/, '')}/agent/tickets/${id}`;
}

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

function ticketItem(ctx: ConnectorContext, t: Ticket, role: FoundItem['role']): FoundItem {
  return {
    tool: 'zendesk',
    kind: 'ticket',
    id: String(t.id),
    role,
    held: t.tags.includes(HOLD_TAG),
    title: t.subject ?? undefined,
    updatedAt: t.updated_at ? Date.parse(t.updated_at) : undefined,
    url: agentUrl(ctx, t.id),
  };
}

async function ticketsByRole(
  ctx: ConnectorContext,
  emails: string[],
  extra = '',
): Promise<Map<string, Ticket & { item: FoundItem }>> {
  const found = new Map<string, Ticket & { item: FoundItem }>();
  for (const email of emails)
    for (const [keyword, role] of ROLES)
      for (const t of await searchTickets(ctx, `${keyword}:${email}${extra}`))
        if (!found.has(String(t.id))) found.set(String(t.id), { ...t, item: ticketItem(ctx, t, role) });
  return found;
}

/** The customer's user records, and every email identity on them (searched for tickets too). */
async function usersOf(ctx: ConnectorContext, emails: string[]): Promise<{ users: FoundItem[]; emails: string[] }> {
  const users: FoundItem[] = [];
  const all = new Set(emails);
  for (const email of emails) {
    const { data } = await ctx.http.request('GET', '/api/v2/users/search', {
      query: { query: `email:${email}` },
      schema: usersSearchSchema,
    });
    for (const u of data!.users) {
      if (users.some((x) => x.id === String(u.id))) continue;
      const identities = (
        await ctx.http.request('GET', `/api/v2/users/${u.id}/identities`, { schema: identitiesSchema })
      ).data!.identities;
      const addresses = identities
        .filter((i) => i.type === 'email' && i.value)
        .map((i) => i.value!.trim().toLowerCase());
      // The user is theirs only when the address is one of its identities (never a partial match).
      if (u.email?.toLowerCase() !== email && !addresses.includes(email)) continue;
      for (const address of addresses) all.add(address);
      users.push({
        tool: 'zendesk',
        kind: 'user',
        id: String(u.id),
        role: 'contact',
        held: false,
        title: `${identities.length} identities (${[...new Set(identities.map((i) => i.type))].join(', ')})`,
      });
    }
  }
  return { users, emails: [...all] };
}

/**
 * Merged tickets of the customer (closed_by_merge) point at the ticket they were merged into; when that is
 * not one of the customer's own, it holds a copy of their messages: a step by hand (redact, never delete).
 */
async function mergedTargets(ctx: ConnectorContext, tickets: Map<string, Ticket & { item: FoundItem }>) {
  const targets: FoundItem[] = [];
  for (const t of tickets.values()) {
    if (!t.tags.includes(MERGED_TAG)) continue;
    const { data } = await ctx.http.request('GET', `/api/v2/tickets/${t.id}/comments`, { schema: commentsSchema });
    const target = data!.comments.map((c) => MERGED_INTO.exec(c.body ?? '')?.[1]).find(Boolean);
    if (!target || tickets.has(target) || targets.some((x) => x.id === target)) continue;
    const res = await ctx.http.request('GET', `/api/v2/tickets/${target}`, {
      schema: ticketResponseSchema,
      allow404: true,
    });
    if (!res.data) continue;
    targets.push({ ...ticketItem(ctx, res.data.ticket, 'author'), kind: 'manual' });
  }
  return targets;
}

async function findAll(ctx: ConnectorContext, identities: Identity[]): Promise<FoundItem[]> {
  const { users, emails } = await usersOf(ctx, emailsOf(identities));
  const tickets = await ticketsByRole(ctx, emails);
  return [...[...tickets.values()].map((t) => t.item), ...(await mergedTargets(ctx, tickets)), ...users];
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
    return { tool: 'zendesk', items: await findAll(ctx, identities) };
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
    const merged = erase.filter((i) => i.kind === 'manual');
    if (merged.length)
      steps.push({
        tool: 'zendesk',
        action: 'manual.redact-merged',
        kind: 'manual',
        ids: merged.map((i) => i.id),
        checkHolds: false,
        requiresNoHolds: false,
        permanence: 'manual',
      });
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
      erase: erase.filter((i) => i.kind !== 'manual'),
      permanenceNote:
        'Tickets (with their comments, attachments and side conversations) and the user (with all their identities) are deleted, then permanently deleted from Zendesk’s deleted items right away. When a ticket is kept, the user record stays too.',
      ...(merged.length
        ? {
            manual: {
              deepLink: merged[0]!.url ?? '',
              checklist: [
                ...merged.map(
                  (m) =>
                    `Ticket #${m.id} holds messages merged from the customer’s ticket: redact them (and their attachments)`,
                ),
                'Confirm here that it is done',
              ],
            },
          }
        : {}),
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
    const stillThere = [...(await ticketsByRole(ctx, emailsOf(identities))).keys()].filter((id) => wanted.has(id));
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
    return [...(await ticketsByRole(ctx, emailsOf(identities), ` updated<${date}`)).values()].map((t) => t.item);
  },
});

/**
 * Zendesk Support stand-in: users, tickets with comments and attachments, tags as holds, search, and
 * erasure the Zendesk way (soft delete, then permanent; a user with unclosed tickets cannot be deleted).
 */
import type { BudgetState } from '../core/rate-limiter';
import { AGENT, HOLD_TAG, type SeedConversation, type SeedCustomer } from '../core/seed-model';
import { StandIn, type StandInOptions } from '../core/stand-in';
import { HttpError, isoDate, json, parseJsonBody, type DeskRequest, type Reply } from '../core/types';
import {
  commentJson,
  deletedTicketJson,
  ticketJson,
  userJson,
  type ZdStatus,
  type ZdTicket,
  type ZdUser,
} from './model';
import { searchZendesk } from './search';

interface Job {
  id: string;
  jobType: string;
  due: number;
  ids: number[];
  apply: (id: number) => boolean;
  results?: { id: number; success: boolean; action: string }[];
}

export const ZENDESK_HOST = 'acme.zendesk.com';

export class ZendeskStandIn extends StandIn {
  readonly id = 'zendesk' as const;
  readonly hosts = [ZENDESK_HOST];
  override readonly vendor = 'zendesk' as const;
  readonly users = new Map<number, ZdUser>();
  readonly tickets = new Map<number, ZdTicket>();
  /** Permanently deleted users, as compliance_deletion_statuses reports them. */
  readonly erasedUsers = new Map<number, number>();
  private readonly jobs = new Map<string, Job>();
  private nextId = 1000;

  constructor(opts?: StandInOptions) {
    super(700, opts);
    const r = this.router;
    r.on('GET', '/api/v2/users/search', ({ query }) => {
      const q = query.get('query') ?? '';
      const email = /^(?:email:)?"?([^\s"]+@[^\s"]+?)"?$/.exec(q)?.[1];
      const hits = [...this.users.values()].filter(
        (u) =>
          !u.deletedAt &&
          (email
            ? [u.email, ...(u.otherEmails ?? [])].some((e) => e.toLowerCase() === email.toLowerCase())
            : u.name.includes(q)),
      );
      return this.page(
        query,
        'users',
        hits.map((u) => userJson(ZENDESK_HOST, u)),
        Infinity,
        'users/search',
      );
    });
    r.on('GET', '/api/v2/users/:id', ({ params }) =>
      json(200, { user: userJson(ZENDESK_HOST, this.user(params.id!)) }),
    );
    r.on('GET', '/api/v2/users/:id/identities', ({ params }) => {
      const u = this.user(params.id!);
      const identity = (n: number, type: string, value: string, primary: boolean) => ({
        id: u.id * 10 + n,
        url: `https://${ZENDESK_HOST}/api/v2/users/${u.id}/identities/${u.id * 10 + n}.json`,
        user_id: u.id,
        type,
        value,
        verified: true,
        primary,
        created_at: isoDate(u.createdAt),
        updated_at: isoDate(u.updatedAt),
      });
      const identities = [
        identity(0, 'email', u.email, true),
        ...(u.otherEmails ?? []).map((e, i) => identity(i + 1, 'email', e, false)),
        ...(u.phone ? [identity(9, 'phone_number', u.phone, false)] : []),
      ];
      return json(200, { identities, next_page: null, previous_page: null, count: identities.length });
    });
    r.on('POST', '/api/v2/tickets/:id/merge', ({ params, req }) => {
      const body = (parseJsonBody(req) ?? {}) as { ids?: number[] };
      const target = this.ticket(params.id!);
      const ids = body.ids ?? [];
      for (const id of ids) this.merge(this.ticket(String(id)), target);
      const job: Job = { id: `job${this.nextId++}`, jobType: 'merge', due: this.now, ids, apply: () => true };
      job.results = ids.map((id) => ({ id, success: true, action: 'merge' }));
      this.jobs.set(job.id, job);
      return json(200, { job_status: this.jobJson(job) });
    });
    r.on('GET', '/api/v2/users/:id/related', ({ params }) => {
      const u = this.user(params.id!);
      const live = [...this.tickets.values()].filter((t) => !t.deletedAt);
      return json(200, {
        user_related: {
          requested_tickets: live.filter((t) => t.requesterId === u.id).length,
          ccd_tickets: live.filter((t) => t.collaboratorIds.includes(u.id)).length,
          assigned_tickets: 0,
          organization_subscriptions: 0,
          topic_comments: 0,
          topics: 0,
          votes: 0,
          subscriptions: 0,
        },
      });
    });
    r.on('DELETE', '/api/v2/users/:id', ({ params }) => {
      const u = this.user(params.id!);
      const unclosed = [...this.tickets.values()].filter(
        (t) => !t.deletedAt && t.requesterId === u.id && t.status !== 'closed',
      );
      if (unclosed.length) {
        throw new HttpError(422, {
          error: 'RecordInvalid',
          description: 'Record validation errors',
          details: {
            base: [{ description: `User is requester on ${unclosed.length} ticket(s) that are not closed.` }],
          },
        });
      }
      u.deletedAt = this.now;
      return json(200, { user: userJson(ZENDESK_HOST, u) });
    });
    r.on('GET', '/api/v2/deleted_users/:id', ({ params }) => json(200, { deleted_user: this.deletedUser(params.id!) }));
    r.on('DELETE', '/api/v2/deleted_users/:id', ({ params }) => {
      const body = this.deletedUser(params.id!);
      this.users.delete(body.id);
      this.erasedUsers.set(body.id, this.now);
      return json(200, { deleted_user: body });
    });
    r.on('GET', '/api/v2/users/:id/compliance_deletion_statuses', ({ params }) => {
      const at = this.erasedUsers.get(Number(params.id));
      const statuses = at
        ? [
            {
              action: 'request_deletion',
              application: 'all',
              account_subdomain: 'acme',
              executer_id: 1,
              user_id: Number(params.id),
              created_at: isoDate(at),
            },
          ]
        : [];
      return json(200, { compliance_deletion_statuses: statuses });
    });

    r.on('GET', '/api/v2/search', ({ query }) => this.search(query));
    r.on('GET', '/api/v2/search/export', ({ query }) => this.searchExport(query));
    r.on('GET', '/api/v2/tickets/:id', ({ params }) =>
      json(200, { ticket: ticketJson(ZENDESK_HOST, this.ticket(params.id!)) }),
    );
    r.on('PUT', '/api/v2/tickets/:id', ({ params, req }) => {
      const t = this.ticket(params.id!);
      const body = (parseJsonBody(req) ?? {}) as { ticket?: { tags?: string[]; status?: ZdStatus } };
      if (body.ticket?.tags) t.tags = [...new Set(body.ticket.tags)];
      if (body.ticket?.status) t.status = body.ticket.status;
      t.updatedAt = this.now;
      return json(200, { ticket: ticketJson(ZENDESK_HOST, t), audit: { id: this.nextId++, ticket_id: t.id } });
    });
    r.on('GET', '/api/v2/tickets/:id/comments', ({ params, query }) =>
      this.page(
        query,
        'comments',
        this.ticket(params.id!).comments.map((c) => commentJson(ZENDESK_HOST, c)),
        Infinity,
        `tickets/${params.id}/comments`,
      ),
    );
    const tags =
      (mode: 'get' | 'set' | 'add' | 'remove') => (ctx: { params: Record<string, string>; req: DeskRequest }) => {
        const t = this.ticket(ctx.params.id!);
        if (mode !== 'get') {
          const given = ((parseJsonBody(ctx.req) ?? {}) as { tags?: string[] }).tags ?? [];
          if (mode === 'set') t.tags = [...new Set(given)];
          if (mode === 'add') t.tags = [...new Set([...t.tags, ...given])];
          if (mode === 'remove') t.tags = t.tags.filter((x) => !given.includes(x));
          t.updatedAt = this.now;
        }
        return json(mode === 'set' ? 201 : 200, { tags: t.tags });
      };
    r.on('GET', '/api/v2/tickets/:id/tags', tags('get'));
    r.on('POST', '/api/v2/tickets/:id/tags', tags('set'));
    r.on('PUT', '/api/v2/tickets/:id/tags', tags('add'));
    r.on('DELETE', '/api/v2/tickets/:id/tags', tags('remove'));

    r.on('DELETE', '/api/v2/tickets/destroy_many', ({ query }) =>
      this.job('bulk_delete', query, (id) => {
        const t = this.tickets.get(id);
        if (!t || t.deletedAt) return false;
        t.deletedAt = this.now;
        return true;
      }),
    );
    r.on('GET', '/api/v2/deleted_tickets', ({ query }) => {
      const deleted = [...this.tickets.values()].filter((t) => t.deletedAt);
      return this.page(
        query,
        'deleted_tickets',
        deleted.map((t) => deletedTicketJson(t, this.users)),
      );
    });
    r.on('DELETE', '/api/v2/deleted_tickets/destroy_many', ({ query }) =>
      this.job('permanent_delete', query, (id) => !!this.tickets.get(id)?.deletedAt && this.tickets.delete(id)),
    );
    r.on('GET', '/api/v2/job_statuses/:id', ({ params }) => {
      const job = this.jobs.get(params.id!);
      if (!job) throw this.notFound();
      return json(200, { job_status: this.jobJson(job) });
    });
    r.on('GET', '/attachments/token/:token', ({ params }) => {
      const id = Number(params.token!.replace(/^att/, ''));
      for (const t of this.tickets.values())
        for (const c of t.comments)
          for (const a of c.attachments)
            if (a.id === id) return { status: 200, body: a.content, contentType: a.contentType };
      throw this.notFound();
    });
  }

  /** Only /api/ paths are in the vendor description (attachment downloads are not). */
  override isApiPath(req: DeskRequest): boolean {
    return req.url.pathname.startsWith('/api/');
  }

  override routePath(req: DeskRequest): string {
    // Attachment content URLs end in a slash before the query (`/attachments/token/T/?name=…`), as live.
    return req.url.pathname.replace(/\.json$/, '').replace(/^(\/attachments\/token\/[^/]+)\/$/, '$1');
  }

  rateHeaders(s: BudgetState, now: number): Record<string, string> {
    const reset = String(Math.max(0, Math.ceil((s.resetAt - now) / 1000)));
    return {
      'x-rate-limit': String(s.limit),
      'x-rate-limit-remaining': String(s.remaining),
      'ratelimit-limit': String(s.limit),
      'ratelimit-remaining': String(s.remaining),
      'ratelimit-reset': reset,
    };
  }

  errorBody(status: number, message: string): unknown {
    if (status === 401) return { error: "Couldn't authenticate you" };
    if (status === 429) return { error: 'APIRateLimitExceeded', description: message };
    if (status === 404) return { error: 'RecordNotFound', description: 'Not found' };
    return { error: status === 400 ? 'InvalidEndpoint' : 'InternalError', description: message };
  }

  override tick(now: number): void {
    super.tick(now);
    for (const job of this.jobs.values()) {
      if (!job.results && now >= job.due)
        job.results = job.ids.map((id) => ({ id, success: job.apply(id), action: 'delete' }));
    }
  }

  addCustomer(c: SeedCustomer, createdAt: number): void {
    if (this.findUser(c.email)) return;
    const id = this.nextId++;
    this.users.set(id, {
      id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      role: c.email === AGENT.email ? 'agent' : 'end-user',
      createdAt,
      updatedAt: createdAt,
      tags: [],
    });
  }

  addConversation(conv: SeedConversation): number {
    const ensure = (email: string, name = email.split('@')[0]!) => {
      const found = this.findUser(email);
      if (found) return found.id;
      this.addCustomer({ name, email, lang: 'en' }, conv.createdAt);
      return this.findUser(email)!.id;
    };
    const requesterId = ensure(conv.customerEmail);
    const id = this.nextId++;
    this.tickets.set(id, {
      id,
      subject: conv.subject,
      status: conv.status === 'closed' ? 'closed' : 'open',
      requesterId,
      collaboratorIds: conv.ccEmails.map((e) => ensure(e)),
      tags: conv.held ? [HOLD_TAG] : [],
      createdAt: conv.createdAt,
      updatedAt: conv.updatedAt,
      comments: conv.messages.map((m) => ({
        id: this.nextId++,
        authorId: m.fromCustomer ? requesterId : ensure(m.authorEmail, m.authorName),
        body: m.body,
        public: true,
        createdAt: m.at,
        attachments: m.attachments.map((a) => ({
          id: this.nextId++,
          fileName: a.name,
          contentType: a.contentType,
          content: a.content,
        })),
      })),
    });
    return id;
  }

  clear(): void {
    this.users.clear();
    this.tickets.clear();
    this.erasedUsers.clear();
    this.jobs.clear();
    this.nextId = 1000;
  }

  snapshot() {
    const email = (id: number) => this.users.get(id)?.email ?? null;
    const tickets = [...this.tickets.values()];
    const brief = (t: ZdTicket) => ({
      id: t.id,
      subject: t.subject,
      status: t.status,
      requester: email(t.requesterId),
      ccs: t.collaboratorIds.map(email),
      tags: t.tags,
      updated_at: isoDate(t.updatedAt),
      comments: t.comments.length,
      attachments: t.comments.reduce((n, c) => n + c.attachments.length, 0),
    });
    return {
      users: [...this.users.values()]
        .filter((u) => !u.deletedAt)
        .map((u) => ({ id: u.id, email: u.email, name: u.name })),
      deleted_users: [...this.users.values()].filter((u) => u.deletedAt).map((u) => ({ id: u.id, email: u.email })),
      permanently_deleted_user_ids: [...this.erasedUsers.keys()],
      tickets: tickets.filter((t) => !t.deletedAt).map(brief),
      deleted_tickets: tickets.filter((t) => t.deletedAt).map(brief),
      pending_jobs: [...this.jobs.values()].filter((j) => !j.results).length,
    };
  }

  /**
   * Zendesk's merge: the source is closed and tagged closed_by_merge with a note naming the target; the target
   * gets a private comment with the source's last comment and a copy of its attachments.
   */
  merge(source: ZdTicket, target: ZdTicket): void {
    const last = source.comments[source.comments.length - 1];
    source.status = 'closed';
    source.tags = [...new Set([...source.tags, 'closed_by_merge'])];
    source.updatedAt = this.now;
    if (!this.findUser(AGENT.email)) this.addCustomer({ name: AGENT.name, email: AGENT.email, lang: 'en' }, this.now);
    const agent = this.findUser(AGENT.email)!.id;
    source.comments.push({
      id: this.nextId++,
      authorId: agent,
      body: `This request was closed and merged into request #${target.id} "${target.subject}".`,
      public: false,
      createdAt: this.now,
      attachments: [],
    });
    target.comments.push({
      id: this.nextId++,
      authorId: agent,
      body: `Request #${source.id} "${source.subject}" was closed and merged into this request. Last comment in request #${source.id}:\n\n${last?.body ?? ''}`,
      public: false,
      createdAt: this.now,
      attachments: (last?.attachments ?? []).map((a) => ({ ...a, id: this.nextId++ })),
    });
    target.updatedAt = this.now;
  }

  findUser(email: string): ZdUser | undefined {
    return [...this.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  private notFound(): HttpError {
    return new HttpError(404, this.errorBody(404, 'Not found'));
  }

  private user(id: string): ZdUser {
    const u = this.users.get(Number(id));
    if (!u || u.deletedAt) throw this.notFound();
    return u;
  }

  private deletedUser(id: string) {
    const u = this.users.get(Number(id));
    if (!u?.deletedAt) throw this.notFound();
    return { ...userJson(ZENDESK_HOST, u), active: false };
  }

  private ticket(id: string): ZdTicket {
    const t = this.tickets.get(Number(id));
    if (!t || t.deletedAt) throw this.notFound();
    return t;
  }

  private page(query: URLSearchParams, key: string, items: unknown[], maxResults = Infinity, path = key): Reply {
    const perPage = Math.min(100, Number(query.get('per_page') ?? 100) || 100);
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    if (page > 1 && (page - 1) * perPage >= maxResults) {
      throw new HttpError(422, {
        error: 'invalid',
        description: 'Requested response size was greater than Search Response Limits',
      });
    }
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const more = page * perPage < Math.min(items.length, maxResults);
    const link = (n: number) => {
      const q = new URLSearchParams(query);
      q.set('page', String(n));
      return `https://${ZENDESK_HOST}/api/v2/${path}.json?${q}`;
    };
    return json(200, {
      [key]: slice,
      count: items.length,
      next_page: more ? link(page + 1) : null,
      previous_page: page > 1 ? link(page - 1) : null,
    });
  }

  private searchHits(query: URLSearchParams) {
    const hits = searchZendesk(query.get('query') ?? '', [...this.tickets.values()], this.users, this.now);
    if ('error' in hits) throw new HttpError(400, { error: 'invalid', description: hits.error });
    return hits.map((h) =>
      h.ticket
        ? { ...ticketJson(ZENDESK_HOST, h.ticket), result_type: 'ticket' }
        : { ...userJson(ZENDESK_HOST, h.user!), result_type: 'user' },
    );
  }

  /** Offset search: at most 1,000 results per query, as live. */
  private search(query: URLSearchParams): Reply {
    const reply = this.page(query, 'results', this.searchHits(query), 1000, 'search');
    (reply.body as Record<string, unknown>).facets = null;
    return reply;
  }

  /** Cursor search export (no 1,000-result cap): page[size] ≤ 1000, page[after] an opaque cursor. */
  private searchExport(query: URLSearchParams): Reply {
    if (!query.get('filter[type]'))
      throw new HttpError(400, { error: 'invalid', description: 'filter[type] is required' });
    const size = Math.min(1000, Number(query.get('page[size]') ?? 100) || 100);
    const start = Number(Buffer.from(query.get('page[after]') ?? 'MA==', 'base64').toString()) || 0;
    const hits = this.searchHits(query);
    const slice = hits.slice(start, start + size);
    const more = start + size < hits.length;
    const after = more ? Buffer.from(String(start + size)).toString('base64') : null;
    const next = new URLSearchParams(query);
    if (after) next.set('page[after]', after);
    return json(200, {
      results: slice,
      facets: null,
      meta: { has_more: more, after_cursor: after, before_cursor: null },
      links: { next: after ? `https://${ZENDESK_HOST}/api/v2/search/export.json?${next}` : null, prev: null },
    });
  }

  private job(jobType: string, query: URLSearchParams, apply: (id: number) => boolean): Reply {
    const ids = (query.get('ids') ?? '').split(',').filter(Boolean).map(Number);
    if (ids.length === 0 || ids.length > 100 || ids.some((n) => !Number.isInteger(n))) {
      throw new HttpError(400, {
        error: 'InvalidValue',
        description: 'ids: between 1 and 100 ticket ids, comma-separated',
      });
    }
    const job: Job = { id: `job${this.nextId++}`, jobType, due: this.now + this.asyncDelayMs, ids, apply };
    this.jobs.set(job.id, job);
    return json(200, { job_status: this.jobJson(job) });
  }

  private jobJson(job: Job) {
    return {
      id: job.id,
      job_type: job.jobType,
      url: `https://${ZENDESK_HOST}/api/v2/job_statuses/${job.id}.json`,
      total: job.ids.length,
      progress: job.results ? job.ids.length : 0,
      status: job.results ? 'completed' : 'queued',
      message: job.results ? `Completed at ${isoDate(this.now)}` : null,
      results: job.results ?? null,
    };
  }
}

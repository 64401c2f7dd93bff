/**
 * Freshdesk API v2 stand-in: contacts and tickets by email (tickets default to the last 30 days unless
 * updated_since is given, as live), conversations with attachments, tags as holds, tickets to trash
 * (DELETE, bulk_delete ≤ 100, asynchronous) and contacts deleted permanently with hard_delete?force=true,
 * which also removes the tickets they requested.
 */
import { check } from '../core/check';
import type { BudgetState } from '../core/rate-limiter';
import { AGENT, HOLD_TAG, type SeedConversation, type SeedCustomer } from '../core/seed-model';
import { StandIn, type StandInOptions } from '../core/stand-in';
import { DAY_MS, HttpError, isoDate, json, noContent, parseJsonBody, type Reply } from '../core/types';
import {
  bulkDeleteBody,
  contactsQuery,
  hardDeleteQuery,
  listQuery,
  searchQuery,
  ticketQuery,
  ticketsQuery,
  updateTicketBody,
} from './schemas';

interface FdContact {
  id: number;
  name: string;
  email: string;
  phone?: string;
  createdAt: number;
  /** Soft-deleted (DELETE /contacts/{id}); hard_delete removes the record. */
  deleted: boolean;
}

interface FdConversation {
  id: number;
  body: string;
  incoming: boolean;
  userId: number;
  fromEmail: string;
  createdAt: number;
  attachments: { id: number; name: string; contentType: string; content: string }[];
}

interface FdTicket {
  id: number;
  subject: string;
  status: 2 | 3 | 4 | 5;
  requesterId: number;
  ccEmails: string[];
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** In the trash (purged by Freshdesk after 30 days). */
  deleted: boolean;
  conversations: FdConversation[];
}

/**
 * Freshdesk ticket search (`query="status:5 AND updated_at:<'2024-01-01'"`), the subset used for retention
 * and finding: status, tag, requester_id, updated_at/created_at with :< / :>, joined by AND.
 */
function matchTicketQuery(query: string, t: FdTicket, contacts: Map<number, FdContact>): boolean {
  const clauses = query.replace(/^"|"$/g, '').split(/\s+AND\s+/i);
  return clauses.every((clause) => {
    const m = /^\(?\s*([a-z_]+):([<>]?)'?([^')]*)'?\s*\)?$/.exec(clause.trim());
    if (!m) return false;
    const [, field, op, value] = m as unknown as [string, string, string, string];
    if (field === 'status') return t.status === Number(value);
    if (field === 'tag') return t.tags.includes(value);
    if (field === 'requester_id') return t.requesterId === Number(value);
    if (field === 'email') return contacts.get(t.requesterId)?.email.toLowerCase() === value.toLowerCase();
    if (field === 'updated_at' || field === 'created_at') {
      const at = field === 'updated_at' ? t.updatedAt : t.createdAt;
      const d = Date.parse(value);
      return op === '<' ? at < d : op === '>' ? at > d : new Date(at).toISOString().startsWith(value);
    }
    return false;
  });
}

export const FRESHDESK_HOST = 'acme.freshdesk.com';

export class FreshdeskStandIn extends StandIn {
  readonly id = 'freshdesk' as const;
  readonly hosts = [FRESHDESK_HOST];
  readonly contacts = new Map<number, FdContact>();
  readonly tickets = new Map<number, FdTicket>();
  private readonly jobs = new Map<string, { due: number; ids: number[]; done: boolean }>();
  private nextId = 3000;

  constructor(opts?: StandInOptions) {
    super(400, opts);
    const r = this.router;
    const q = (query: URLSearchParams) => Object.fromEntries(query);
    r.on('GET', '/api/v2/contacts', ({ query }) => {
      const f = check(contactsQuery, q(query), 'query');
      const hits = [...this.contacts.values()].filter(
        (c) =>
          (f.state === 'deleted' ? c.deleted : !c.deleted) &&
          (!f.email || c.email.toLowerCase() === f.email.toLowerCase()),
      );
      return this.list(
        hits.map((c) => this.contactJson(c)),
        f.page,
        f.per_page ?? 30,
      );
    });
    r.on('GET', '/api/v2/search/contacts', ({ query }) => {
      const f = check(searchQuery, q(query), 'query');
      const email = /email:'([^']+)'/.exec(f.query)?.[1]?.toLowerCase();
      const hits = [...this.contacts.values()].filter((c) => !c.deleted && c.email.toLowerCase() === email);
      return json(200, { results: hits.map((c) => this.contactJson(c)), total: hits.length });
    });
    r.on('GET', '/api/v2/search/tickets', ({ query }) => {
      const f = check(searchQuery, q(query), 'query');
      const hits = [...this.tickets.values()].filter((t) => !t.deleted && matchTicketQuery(f.query, t, this.contacts));
      const page = f.page ?? 1;
      return json(200, {
        results: hits.slice((page - 1) * 30, page * 30).map((t) => this.ticketJson(t, false)),
        total: hits.length,
      });
    });
    r.on('GET', '/api/v2/contacts/:id', ({ params }) => json(200, this.contactJson(this.contact(params.id!, true))));
    r.on('DELETE', '/api/v2/contacts/:id', ({ params }) => {
      const c = this.contact(params.id!);
      if (c.deleted) throw this.notFound();
      c.deleted = true;
      return noContent();
    });
    r.on('DELETE', '/api/v2/contacts/:id/hard_delete', ({ params, query }) => {
      const f = check(hardDeleteQuery, q(query), 'query');
      const c = this.contact(params.id!, true);
      if (!c.deleted && f.force !== 'true') {
        throw this.invalid(
          'contact',
          'The contact should be soft deleted before hard delete, or pass force=true',
          'invalid_value',
        );
      }
      for (const [id, t] of this.tickets) if (t.requesterId === c.id) this.tickets.delete(id);
      this.contacts.delete(c.id);
      return noContent();
    });
    r.on('GET', '/api/v2/tickets', ({ query }) => {
      const f = check(ticketsQuery, q(query), 'query');
      const since = f.updated_since ? Date.parse(f.updated_since) : undefined;
      const email = f.email?.toLowerCase();
      const hits = [...this.tickets.values()].filter((t) => {
        if (f.filter === 'deleted' ? !t.deleted : t.deleted) return false;
        if (email && this.contacts.get(t.requesterId)?.email.toLowerCase() !== email) return false;
        if (f.requester_id && t.requesterId !== f.requester_id) return false;
        // Live Freshdesk lists only tickets created in the last 30 days unless updated_since is given.
        return since !== undefined ? t.updatedAt >= since : t.createdAt >= this.now - 30 * DAY_MS;
      });
      hits.sort((a, b) => b.createdAt - a.createdAt);
      const withDescription = f.include?.includes('description') ?? false;
      return this.list(
        hits.map((t) => this.ticketJson(t, withDescription)),
        f.page,
        f.per_page ?? 30,
      );
    });
    r.on('GET', '/api/v2/tickets/:id', ({ params, query }) => {
      const f = check(ticketQuery, q(query), 'query');
      const t = this.ticket(params.id!);
      const body: Record<string, unknown> = this.ticketJson(t, true);
      if (f.include === 'conversations')
        body.conversations = t.conversations.slice(1).map((c) => this.conversationJson(t, c));
      return json(200, body);
    });
    r.on('PUT', '/api/v2/tickets/:id', ({ params, req }) => {
      const t = this.ticket(params.id!);
      const body = check(updateTicketBody, parseJsonBody(req), 'body');
      if (body.tags) t.tags = [...new Set(body.tags)];
      if (body.status) t.status = body.status;
      t.updatedAt = this.now;
      return json(200, this.ticketJson(t, true));
    });
    r.on('DELETE', '/api/v2/tickets/:id', ({ params }) => {
      this.ticket(params.id!).deleted = true;
      return noContent();
    });
    r.on('GET', '/api/v2/tickets/:id/conversations', ({ params, query }) => {
      const f = check(listQuery, q(query), 'query');
      const t = this.ticket(params.id!);
      return this.list(
        t.conversations.map((c) => this.conversationJson(t, c)),
        f.page,
        f.per_page ?? 30,
      );
    });
    r.on('POST', '/api/v2/tickets/bulk_delete', ({ req }) => {
      const body = check(bulkDeleteBody, parseJsonBody(req), 'body');
      const id = `fd-job-${this.nextId++}`;
      this.jobs.set(id, { due: this.now + this.asyncDelayMs, ids: body.bulk_action.ids, done: false });
      return json(202, { job_id: id, href: `https://${FRESHDESK_HOST}/api/v2/jobs/${id}` });
    });
    r.on('GET', '/api/v2/jobs/:id', ({ params }) => {
      const job = this.jobs.get(params.id!);
      if (!job) throw this.notFound();
      return json(200, { id: params.id, status: job.done ? 'SUCCESS' : 'IN PROGRESS', progress: job.done ? 100 : 0 });
    });
    // attachment_url: the live API links a signed download URL; the stand-in serves the file itself.
    r.on('GET', '/demo-attachments/:id', ({ params }) => {
      for (const t of this.tickets.values())
        for (const c of t.conversations)
          for (const a of c.attachments)
            if (String(a.id) === params.id) return { status: 200, body: a.content, contentType: a.contentType };
      throw this.notFound();
    });
    r.on('DELETE', '/api/v2/attachments/:id', ({ params }) => {
      for (const t of this.tickets.values())
        for (const c of t.conversations) {
          const i = c.attachments.findIndex((a) => String(a.id) === params.id);
          if (i >= 0) {
            c.attachments.splice(i, 1);
            return noContent();
          }
        }
      throw this.notFound();
    });
  }

  rateHeaders(s: BudgetState): Record<string, string> {
    return {
      'x-ratelimit-total': String(s.limit),
      'x-ratelimit-remaining': String(s.remaining),
      'x-ratelimit-used-currentrequest': '1',
    };
  }

  errorBody(status: number, message: string, details: string[] = []): unknown {
    if (status === 401)
      return { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' };
    if (status === 400 && details.length) {
      return {
        description: 'Validation failed',
        errors: details.map((d) => ({
          field: d.split(':')[0]!.replace(/^(query|body)\.?/, ''),
          message: d,
          code: 'invalid_value',
        })),
      };
    }
    return { message };
  }

  override tick(now: number): void {
    super.tick(now);
    for (const job of this.jobs.values()) {
      if (job.done || now < job.due) continue;
      for (const id of job.ids) {
        const t = this.tickets.get(id);
        if (t) t.deleted = true;
      }
      job.done = true;
    }
  }

  addCustomer(c: SeedCustomer, createdAt: number): void {
    if (this.findContact(c.email)) return;
    const id = this.nextId++;
    this.contacts.set(id, { id, name: c.name, email: c.email, phone: c.phone, createdAt, deleted: false });
  }

  addConversation(conv: SeedConversation): void {
    this.addCustomer(
      { name: conv.customerEmail.split('@')[0]!, email: conv.customerEmail, lang: 'en' },
      conv.createdAt,
    );
    const requester = this.findContact(conv.customerEmail)!;
    const id = this.nextId++;
    this.tickets.set(id, {
      id,
      subject: conv.subject,
      status: conv.status === 'closed' ? 5 : 2,
      requesterId: requester.id,
      ccEmails: conv.ccEmails,
      tags: conv.held ? [HOLD_TAG] : [],
      createdAt: conv.createdAt,
      updatedAt: conv.updatedAt,
      deleted: false,
      conversations: conv.messages.map((m) => ({
        id: this.nextId++,
        body: m.body,
        incoming: m.fromCustomer,
        userId: m.fromCustomer ? requester.id : 1,
        fromEmail: m.fromCustomer ? m.authorEmail : AGENT.email,
        createdAt: m.at,
        attachments: m.attachments.map((a) => ({
          id: this.nextId++,
          name: a.name,
          contentType: a.contentType,
          content: a.content,
        })),
      })),
    });
  }

  clear(): void {
    this.contacts.clear();
    this.tickets.clear();
    this.jobs.clear();
    this.nextId = 3000;
  }

  snapshot() {
    const brief = (t: FdTicket) => ({
      id: t.id,
      subject: t.subject,
      status: t.status,
      requester: this.contacts.get(t.requesterId)?.email ?? null,
      cc: t.ccEmails,
      tags: t.tags,
      updated_at: isoDate(t.updatedAt),
      attachments: t.conversations.reduce((n, c) => n + c.attachments.length, 0),
    });
    const tickets = [...this.tickets.values()];
    return {
      contacts: [...this.contacts.values()].map((c) => ({
        id: c.id,
        email: c.email,
        name: c.name,
        deleted: c.deleted,
      })),
      tickets: tickets.filter((t) => !t.deleted).map(brief),
      trashed_tickets: tickets.filter((t) => t.deleted).map(brief),
    };
  }

  findContact(email: string): FdContact | undefined {
    return [...this.contacts.values()].find((c) => c.email.toLowerCase() === email.toLowerCase());
  }

  private notFound(): HttpError {
    return new HttpError(404, undefined);
  }

  private invalid(field: string, message: string, code: string): HttpError {
    return new HttpError(400, { description: 'Validation failed', errors: [{ field, message, code }] });
  }

  private contact(id: string, includeDeleted = false): FdContact {
    const c = this.contacts.get(Number(id));
    if (!c || (c.deleted && !includeDeleted)) throw this.notFound();
    return c;
  }

  private ticket(id: string): FdTicket {
    const t = this.tickets.get(Number(id));
    if (!t || t.deleted) throw this.notFound();
    return t;
  }

  /** Freshdesk lists are plain arrays; a `link` header points to the next page. */
  private list(items: unknown[], page = 1, perPage = 30): Reply {
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length)
      headers.link = `<https://${FRESHDESK_HOST}/api/v2/?page=${page + 1}&per_page=${perPage}>; rel="next"`;
    return json(200, slice, headers);
  }

  private contactJson(c: FdContact) {
    return {
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone ?? null,
      mobile: null,
      active: true,
      deleted: c.deleted,
      tags: [],
      other_emails: [],
      created_at: isoDate(c.createdAt),
      updated_at: isoDate(c.createdAt),
    };
  }

  private ticketJson(t: FdTicket, withDescription: boolean) {
    const first = t.conversations[0];
    return {
      id: t.id,
      subject: t.subject,
      status: t.status,
      priority: 1,
      source: 1,
      type: null,
      requester_id: t.requesterId,
      cc_emails: t.ccEmails,
      fwd_emails: [],
      reply_cc_emails: t.ccEmails,
      to_emails: null,
      tags: t.tags,
      spam: false,
      deleted: t.deleted,
      created_at: isoDate(t.createdAt),
      updated_at: isoDate(t.updatedAt),
      ...(withDescription
        ? { description: `<div>${first?.body ?? ''}</div>`, description_text: first?.body ?? '' }
        : {}),
      attachments: (first?.attachments ?? []).map((a) => this.attachmentJson(a)),
    };
  }

  private conversationJson(t: FdTicket, c: FdConversation) {
    return {
      id: c.id,
      ticket_id: t.id,
      body: `<div>${c.body}</div>`,
      body_text: c.body,
      incoming: c.incoming,
      private: false,
      user_id: c.userId,
      from_email: c.fromEmail,
      to_emails: c.incoming ? [AGENT.email] : [this.contacts.get(t.requesterId)?.email],
      cc_emails: c.incoming ? [] : t.ccEmails,
      created_at: isoDate(c.createdAt),
      updated_at: isoDate(c.createdAt),
      attachments: c.attachments.map((a) => this.attachmentJson(a)),
    };
  }

  private attachmentJson(a: FdConversation['attachments'][number]) {
    return {
      id: a.id,
      name: a.name,
      content_type: a.contentType,
      size: Buffer.byteLength(a.content),
      attachment_url: `https://${FRESHDESK_HOST}/demo-attachments/${a.id}`,
    };
  }
}

/**
 * Help Scout Mailbox API v2 stand-in (HAL JSON): customers and conversations by email, threads with
 * attachments, tags as holds, and deletion the Help Scout way: DELETE /v2/customers/{id} removes the customer
 * and their conversations, but answers 403 above 100 conversations unless ?async=true (202, done shortly after).
 */
import type { BudgetState } from '../core/rate-limiter';
import { AGENT, HOLD_TAG, type SeedConversation, type SeedCustomer } from '../core/seed-model';
import { StandIn, type StandInOptions } from '../core/stand-in';
import { DEMO_CREDENTIALS } from '../core/auth';
import { HttpError, isoDate, json, noContent, parseJsonBody, type DeskRequest, type Reply } from '../core/types';
import { check } from '../core/check';
import { conversationsQuery, customersQuery, deleteCustomerQuery, tagsBody, threadsQuery, tokenBody } from './schemas';

interface HsThread {
  id: number;
  type: 'customer' | 'reply';
  body: string;
  createdAt: number;
  authorEmail: string;
  attachments: { id: number; filename: string; mimeType: string; content: string }[];
}

interface HsConversation {
  id: number;
  number: number;
  subject: string;
  status: 'active' | 'pending' | 'closed';
  customerId: number;
  cc: string[];
  tags: string[];
  createdAt: number;
  modifiedAt: number;
  threads: HsThread[];
}

interface HsCustomer {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  createdAt: number;
}

export const HELPSCOUT_HOST = 'api.helpscout.net';
const API = `https://${HELPSCOUT_HOST}/v2`;

export class HelpScoutStandIn extends StandIn {
  readonly id = 'helpscout' as const;
  readonly hosts = [HELPSCOUT_HOST];
  override readonly errorContentType = 'application/vnd.error+json';
  readonly customers = new Map<number, HsCustomer>();
  readonly conversations = new Map<number, HsConversation>();
  /** Customers being deleted asynchronously: id → when it is done. */
  readonly pendingDeletes = new Map<number, number>();
  private nextId = 500;

  constructor(opts?: StandInOptions) {
    super(200, opts);
    const r = this.router;
    r.on('POST', '/v2/oauth2/token', ({ req }) => {
      const raw = req.headers['content-type']?.includes('json')
        ? parseJsonBody(req)
        : Object.fromEntries(new URLSearchParams(req.rawBody));
      const body = check(tokenBody, raw, 'body');
      const c = DEMO_CREDENTIALS.helpscout;
      if (body.client_id !== c.clientId || body.client_secret !== c.clientSecret) {
        throw new HttpError(401, { error: 'invalid_client', error_description: 'Bad client credentials' });
      }
      return json(200, { token_type: 'bearer', access_token: c.accessToken, expires_in: 172800 });
    });
    r.on('GET', '/v2/customers', ({ query }) => {
      const q = check(customersQuery, Object.fromEntries(query), 'query');
      const email = /email:"?([^")\s]+)"?/.exec(q.query ?? '')?.[1]?.toLowerCase();
      const hits = [...this.customers.values()].filter((c) => !email || c.email.toLowerCase() === email);
      return this.page(
        'customers',
        hits.map((c) => this.customerJson(c)),
        q.page ?? 1,
        50,
        query,
      );
    });
    r.on('GET', '/v2/customers/:id', ({ params }) => json(200, this.customerJson(this.customer(params.id!))));
    r.on('DELETE', '/v2/customers/:id', ({ params, query }) => {
      const q = check(deleteCustomerQuery, Object.fromEntries(query), 'query');
      const c = this.customer(params.id!);
      const count = [...this.conversations.values()].filter((v) => v.customerId === c.id).length;
      if (q.async === 'true') {
        this.pendingDeletes.set(c.id, this.now + this.asyncDelayMs);
        return { status: 202 };
      }
      if (count > 100) {
        throw new HttpError(
          403,
          this.errorBody(403, 'Customer has more than 100 conversations: delete with async=true'),
        );
      }
      this.erase(c.id);
      return noContent();
    });
    r.on('GET', '/v2/conversations', ({ query }) => {
      const q = check(conversationsQuery, Object.fromEntries(query), 'query');
      const email = /email:"?([^")\s]+)"?/.exec(q.query ?? '')?.[1]?.toLowerCase();
      const before = /modifiedAt:\[\*\s+TO\s+([^\]\s]+)\]/.exec(q.query ?? '')?.[1];
      const status = q.status ?? 'active';
      const hits = [...this.conversations.values()].filter((v) => {
        const cust = this.customers.get(v.customerId);
        if (email && cust?.email.toLowerCase() !== email && !v.cc.some((e) => e.toLowerCase() === email)) return false;
        if (before && !(v.modifiedAt <= Date.parse(before))) return false;
        if (q.tag && !v.tags.includes(q.tag)) return false;
        if (status === 'all') return true;
        if (status === 'active' || status === 'open') return v.status === 'active';
        return v.status === status;
      });
      return this.page(
        'conversations',
        hits.map((v) => this.conversationJson(v)),
        q.page ?? 1,
        25,
        query,
      );
    });
    r.on('GET', '/v2/conversations/:id', ({ params }) =>
      json(200, this.conversationJson(this.conversation(params.id!))),
    );
    r.on('DELETE', '/v2/conversations/:id', ({ params }) => {
      this.conversations.delete(this.conversation(params.id!).id);
      return noContent();
    });
    r.on('GET', '/v2/conversations/:id/threads', ({ params, query }) => {
      const q = check(threadsQuery, Object.fromEntries(query), 'query');
      const v = this.conversation(params.id!);
      return this.page(
        'threads',
        v.threads.map((t) => this.threadJson(v, t)),
        q.page ?? 1,
        100,
        query,
      );
    });
    r.on('GET', '/v2/conversations/:id/attachments/:aid/data', ({ params }) => {
      const v = this.conversation(params.id!);
      for (const t of v.threads)
        for (const a of t.attachments)
          if (String(a.id) === params.aid) return json(200, { data: Buffer.from(a.content).toString('base64') });
      throw this.notFound();
    });
    r.on('PUT', '/v2/conversations/:id/tags', ({ params, req }) => {
      const v = this.conversation(params.id!);
      v.tags = [...new Set(check(tagsBody, parseJsonBody(req), 'body').tags)];
      v.modifiedAt = this.now;
      return noContent();
    });
  }

  override isPublic(req: DeskRequest): boolean {
    return req.url.pathname === '/v2/oauth2/token';
  }

  /** Writes count double against the per-minute limit. */
  override cost(req: DeskRequest): number {
    return req.method === 'GET' ? 1 : 2;
  }

  rateHeaders(s: BudgetState): Record<string, string> {
    return { 'x-ratelimit-limit-minute': String(s.limit), 'x-ratelimit-remaining-minute': String(s.remaining) };
  }

  errorBody(status: number, message: string, details: string[] = []): unknown {
    const errors = details.map((d) => ({
      path: d.split(':')[0],
      message: d,
      source: d.startsWith('body') ? 'JSON' : 'query',
    }));
    return { logRef: `demo-${status}`, message: details.length ? 'Bad request' : message, _embedded: { errors } };
  }

  override retryHeaders(retryAfterS: number): Record<string, string> {
    return { 'retry-after': String(retryAfterS), 'x-ratelimit-retry-after': String(retryAfterS) };
  }

  override tick(now: number): void {
    super.tick(now);
    for (const [id, due] of this.pendingDeletes) {
      if (now >= due) {
        this.erase(id);
        this.pendingDeletes.delete(id);
      }
    }
  }

  addCustomer(c: SeedCustomer, createdAt: number): void {
    if (this.findCustomer(c.email)) return;
    const [firstName = '', ...rest] = c.name.split(' ');
    const id = this.nextId++;
    this.customers.set(id, { id, firstName, lastName: rest.join(' '), email: c.email, phone: c.phone, createdAt });
  }

  addConversation(conv: SeedConversation): void {
    this.addCustomer(
      { name: conv.customerEmail.split('@')[0]!, email: conv.customerEmail, lang: 'en' },
      conv.createdAt,
    );
    const customer = this.findCustomer(conv.customerEmail)!;
    const id = this.nextId++;
    this.conversations.set(id, {
      id,
      number: id + 10000,
      subject: conv.subject,
      status: conv.status === 'closed' ? 'closed' : 'active',
      customerId: customer.id,
      cc: conv.ccEmails,
      tags: conv.held ? [HOLD_TAG] : [],
      createdAt: conv.createdAt,
      modifiedAt: conv.updatedAt,
      threads: conv.messages.map((m) => ({
        id: this.nextId++,
        type: m.fromCustomer ? 'customer' : 'reply',
        body: m.body,
        createdAt: m.at,
        authorEmail: m.authorEmail,
        attachments: m.attachments.map((a) => ({
          id: this.nextId++,
          filename: a.name,
          mimeType: a.contentType,
          content: a.content,
        })),
      })),
    });
  }

  clear(): void {
    this.customers.clear();
    this.conversations.clear();
    this.pendingDeletes.clear();
    this.nextId = 500;
  }

  snapshot() {
    return {
      customers: [...this.customers.values()].map((c) => ({
        id: c.id,
        email: c.email,
        name: `${c.firstName} ${c.lastName}`,
      })),
      conversations: [...this.conversations.values()].map((v) => ({
        id: v.id,
        subject: v.subject,
        status: v.status,
        customer: this.customers.get(v.customerId)?.email ?? null,
        cc: v.cc,
        tags: v.tags,
        modifiedAt: isoDate(v.modifiedAt),
        threads: v.threads.length,
      })),
      pending_async_deletes: [...this.pendingDeletes.keys()],
    };
  }

  findCustomer(email: string): HsCustomer | undefined {
    return [...this.customers.values()].find((c) => c.email.toLowerCase() === email.toLowerCase());
  }

  private erase(customerId: number): void {
    for (const [id, v] of this.conversations) if (v.customerId === customerId) this.conversations.delete(id);
    this.customers.delete(customerId);
  }

  private notFound(): HttpError {
    return new HttpError(404, this.errorBody(404, 'Resource not found'));
  }

  private customer(id: string): HsCustomer {
    const c = this.customers.get(Number(id));
    if (!c || this.pendingDeletes.has(c.id)) throw this.notFound();
    return c;
  }

  private conversation(id: string): HsConversation {
    const v = this.conversations.get(Number(id));
    if (!v) throw this.notFound();
    return v;
  }

  private page(key: string, items: unknown[], page: number, size: number, query: URLSearchParams): Reply {
    const totalPages = Math.max(1, Math.ceil(items.length / size));
    const links: Record<string, { href: string }> = {};
    if (page < totalPages) {
      const next = new URLSearchParams(query);
      next.set('page', String(page + 1));
      links.next = { href: `${API}/${key}?${next}` };
    }
    return json(200, {
      _embedded: { [key]: items.slice((page - 1) * size, page * size) },
      _links: links,
      page: { size, totalElements: items.length, totalPages, number: page },
    });
  }

  private customerJson(c: HsCustomer) {
    return {
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      createdAt: isoDate(c.createdAt),
      updatedAt: isoDate(c.createdAt),
      _embedded: {
        emails: [{ id: c.id * 10, value: c.email, type: 'home' }],
        phones: c.phone ? [{ id: c.id * 10 + 1, value: c.phone, type: 'mobile' }] : [],
      },
      _links: { self: { href: `${API}/customers/${c.id}` } },
    };
  }

  private conversationJson(v: HsConversation) {
    const c = this.customers.get(v.customerId);
    const person = { id: v.customerId, type: 'customer', email: c?.email, first: c?.firstName, last: c?.lastName };
    return {
      id: v.id,
      number: v.number,
      threads: v.threads.length,
      type: 'email',
      folderId: 1,
      status: v.status,
      state: 'published',
      subject: v.subject,
      preview: v.threads[0]?.body.slice(0, 100) ?? '',
      mailboxId: 1,
      createdBy: person,
      createdAt: isoDate(v.createdAt),
      closedAt: v.status === 'closed' ? isoDate(v.modifiedAt) : null,
      userUpdatedAt: isoDate(v.modifiedAt),
      primaryCustomer: person,
      cc: v.cc,
      bcc: [],
      tags: v.tags.map((tag, i) => ({ id: i + 1, color: '#929499', tag })),
      _links: {
        self: { href: `${API}/conversations/${v.id}` },
        threads: { href: `${API}/conversations/${v.id}/threads` },
      },
    };
  }

  private threadJson(v: HsConversation, t: HsThread) {
    const c = this.customers.get(v.customerId);
    return {
      id: t.id,
      // Help Scout's thread types: `customer` for the customer's, `message` for an agent's reply.
      type: t.type === 'reply' ? 'message' : t.type,
      status: v.status,
      state: 'published',
      body: t.body,
      source: { type: 'email', via: t.type === 'customer' ? 'customer' : 'user' },
      customer: { id: v.customerId, email: c?.email, first: c?.firstName, last: c?.lastName },
      createdBy:
        t.type === 'customer'
          ? { id: v.customerId, type: 'customer', email: t.authorEmail }
          : { id: 1, type: 'user', email: AGENT.email },
      to: t.type === 'reply' ? [c?.email] : [],
      cc: t.type === 'reply' ? v.cc : [],
      createdAt: isoDate(t.createdAt),
      _embedded: {
        attachments: t.attachments.map((a) => ({
          id: a.id,
          filename: a.filename,
          mimeType: a.mimeType,
          size: Buffer.byteLength(a.content),
          _links: { data: { href: `${API}/conversations/${v.id}/attachments/${a.id}/data` } },
        })),
      },
    };
  }
}

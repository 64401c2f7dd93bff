/**
 * Intercom stand-in (API 2.14): contacts and conversations via search, conversation parts with attachments,
 * tags as holds, and deletion: DELETE /contacts/{id} removes the contact and their conversations from the
 * API (Intercom keeps them recoverable for 7 days, then destroys them); DELETE /conversations/{id}.
 * The per-minute limit is enforced in 10-second windows, as Intercom does.
 */
import type { BudgetState } from '../core/rate-limiter';
import { AGENT, HOLD_TAG, type SeedConversation, type SeedCustomer } from '../core/seed-model';
import { StandIn, type StandInOptions } from '../core/stand-in';
import { HttpError, json, parseJsonBody, type DeskRequest, type Reply } from '../core/types';
import { evaluate, type Fields, type Query } from './search';

interface IcPart {
  id: string;
  fromContact: boolean;
  body: string;
  createdAt: number;
  attachments: { name: string; contentType: string; content: string }[];
}

interface IcConversation {
  id: string;
  title: string;
  state: 'open' | 'closed';
  contactId: string;
  tagIds: string[];
  createdAt: number;
  updatedAt: number;
  parts: IcPart[];
  deletedAt?: number;
}

interface IcContact {
  id: string;
  name: string;
  email: string;
  phone?: string;
  createdAt: number;
  deletedAt?: number;
}

export const INTERCOM_HOSTS = ['api.intercom.io', 'api.eu.intercom.io', 'api.au.intercom.io'];
/** Intercom serves uploaded files from its CDN under signed links (no API credentials, not in the API description). */
export const INTERCOM_FILES_HOST = 'downloads.intercomcdn.com';
const s = (ms: number) => Math.floor(ms / 1000);
const ADMIN = { type: 'admin', id: '991267', name: AGENT.name, email: AGENT.email };

export class IntercomStandIn extends StandIn {
  readonly id = 'intercom' as const;
  readonly hosts = [...INTERCOM_HOSTS, INTERCOM_FILES_HOST];
  override readonly vendor = 'intercom' as const;
  readonly contacts = new Map<string, IcContact>();
  readonly conversations = new Map<string, IcConversation>();
  readonly tags = new Map<string, { id: string; name: string }>();
  private nextId = 0x65a000000000;

  constructor(opts?: StandInOptions) {
    super(1000, opts, 10_000);
    const r = this.router;
    r.on('POST', '/contacts/search', ({ req }) => {
      const body = parseJsonBody(req) as { query: Query; pagination?: { per_page?: number; starting_after?: string } };
      const hits = [...this.contacts.values()].filter(
        (c) => !c.deletedAt && evaluate(body.query, this.contactFields(c)),
      );
      return this.list(
        'list',
        'data',
        hits.map((c) => this.contactJson(c)),
        body.pagination,
      );
    });
    r.on('GET', '/contacts/:id', ({ params }) => json(200, this.contactJson(this.contact(params.id!))));
    r.on('GET', '/i/o/:partId/:index/:name', ({ params }) => {
      for (const v of this.conversations.values()) {
        const file = v.deletedAt
          ? undefined
          : v.parts.find((p) => p.id === params.partId)?.attachments[Number(params.index)];
        if (file) return { status: 200, body: file.content, contentType: file.contentType };
      }
      throw this.notFound('File');
    });
    r.on('DELETE', '/contacts/:id', ({ params }) => {
      const c = this.contact(params.id!);
      c.deletedAt = this.now;
      for (const v of this.conversations.values()) if (v.contactId === c.id && !v.deletedAt) v.deletedAt = this.now;
      return json(200, { id: c.id, external_id: null, type: 'contact', deleted: true });
    });
    r.on('POST', '/conversations/search', ({ req }) => {
      const body = parseJsonBody(req) as { query: Query; pagination?: { per_page?: number; starting_after?: string } };
      const hits = [...this.conversations.values()].filter(
        (v) => !v.deletedAt && evaluate(body.query, this.conversationFields(v)),
      );
      return this.list(
        'conversation.list',
        'conversations',
        hits.map((v) => this.conversationJson(v, false)),
        body.pagination,
      );
    });
    r.on('GET', '/conversations/:id', ({ params }) =>
      json(200, this.conversationJson(this.conversation(params.id!), true)),
    );
    r.on('DELETE', '/conversations/:id', ({ params }) => {
      const v = this.conversation(params.id!);
      this.conversations.delete(v.id);
      return json(200, { id: v.id, object: 'conversation', deleted: true });
    });
    r.on('POST', '/conversations/:id/tags', ({ params, req }) => {
      const v = this.conversation(params.id!);
      const tag = this.tag((parseJsonBody(req) as { id: string }).id);
      if (!v.tagIds.includes(tag.id)) v.tagIds.push(tag.id);
      v.updatedAt = this.now;
      return json(200, { type: 'tag', ...tag });
    });
    r.on('DELETE', '/conversations/:id/tags/:tagId', ({ params }) => {
      const v = this.conversation(params.id!);
      const tag = this.tag(params.tagId!);
      v.tagIds = v.tagIds.filter((id) => id !== tag.id);
      v.updatedAt = this.now;
      return json(200, { type: 'tag', ...tag });
    });
    r.on('GET', '/tags', () =>
      json(200, { type: 'list', data: [...this.tags.values()].map((t) => ({ type: 'tag', ...t })) }),
    );
    r.on('POST', '/tags', ({ req }) => {
      const name = (parseJsonBody(req) as { name: string }).name;
      return json(200, { type: 'tag', ...this.ensureTag(name) });
    });
  }

  /** Files on the CDN host are not API calls: no description to validate against, no credentials. */
  override isApiPath(req: DeskRequest): boolean {
    return req.url.hostname !== INTERCOM_FILES_HOST;
  }

  override isPublic(req: DeskRequest): boolean {
    return req.url.hostname === INTERCOM_FILES_HOST;
  }

  rateHeaders(b: BudgetState): Record<string, string> {
    return {
      'x-ratelimit-limit': String(b.limit),
      'x-ratelimit-remaining': String(b.remaining),
      'x-ratelimit-reset': String(Math.ceil(b.resetAt / 1000)),
    };
  }

  errorBody(status: number, message: string): unknown {
    const codes: Record<number, string> = {
      400: 'parameter_invalid',
      401: 'unauthorized',
      404: 'not_found',
      429: 'rate_limit_exceeded',
      500: 'server_error',
    };
    return { type: 'error.list', request_id: `demo-${status}`, errors: [{ code: codes[status] ?? 'error', message }] };
  }

  addCustomer(c: SeedCustomer, createdAt: number): void {
    if (this.findContact(c.email)) return;
    const id = (this.nextId++).toString(16);
    this.contacts.set(id, { id, name: c.name, email: c.email, phone: c.phone, createdAt });
  }

  addConversation(conv: SeedConversation): void {
    this.addCustomer(
      { name: conv.customerEmail.split('@')[0]!, email: conv.customerEmail, lang: 'en' },
      conv.createdAt,
    );
    const contact = this.findContact(conv.customerEmail)!;
    const id = String(this.nextId++ % 1e12);
    this.conversations.set(id, {
      id,
      title: conv.subject,
      state: conv.status === 'closed' ? 'closed' : 'open',
      contactId: contact.id,
      tagIds: conv.held ? [this.ensureTag(HOLD_TAG).id] : [],
      createdAt: conv.createdAt,
      updatedAt: conv.updatedAt,
      parts: conv.messages.map((m) => ({
        id: String(this.nextId++ % 1e12),
        fromContact: m.fromCustomer,
        body: m.body,
        createdAt: m.at,
        attachments: m.attachments,
      })),
    });
  }

  clear(): void {
    this.contacts.clear();
    this.conversations.clear();
    this.tags.clear();
  }

  snapshot() {
    const brief = (v: IcConversation) => ({
      id: v.id,
      title: v.title,
      state: v.state,
      contact: this.contacts.get(v.contactId)?.email ?? null,
      tags: v.tagIds.map((id) => this.tags.get(id)?.name ?? id),
      parts: v.parts.length,
      ...(v.deletedAt ? { destroyed_after: new Date(v.deletedAt + 7 * 86400_000).toISOString() } : {}),
    });
    const all = [...this.conversations.values()];
    const contacts = [...this.contacts.values()];
    return {
      contacts: contacts.filter((c) => !c.deletedAt).map((c) => ({ id: c.id, email: c.email, name: c.name })),
      deleted_contacts: contacts
        .filter((c) => c.deletedAt)
        .map((c) => ({
          id: c.id,
          email: c.email,
          destroyed_after: new Date(c.deletedAt! + 7 * 86400_000).toISOString(),
        })),
      conversations: all.filter((v) => !v.deletedAt).map(brief),
      deleted_conversations: all.filter((v) => v.deletedAt).map(brief),
    };
  }

  findContact(email: string): IcContact | undefined {
    return [...this.contacts.values()].find((c) => !c.deletedAt && c.email.toLowerCase() === email.toLowerCase());
  }

  ensureTag(name: string): { id: string; name: string } {
    const found = [...this.tags.values()].find((t) => t.name === name);
    if (found) return found;
    const tag = { id: String(7500000 + this.tags.size + 1), name };
    this.tags.set(tag.id, tag);
    return tag;
  }

  private notFound(what: string): HttpError {
    return new HttpError(404, {
      type: 'error.list',
      request_id: 'demo-404',
      errors: [{ code: 'not_found', message: `${what} Not Found` }],
    });
  }

  private contact(id: string): IcContact {
    const c = this.contacts.get(id);
    if (!c || c.deletedAt) throw this.notFound('User');
    return c;
  }

  private conversation(id: string): IcConversation {
    const v = this.conversations.get(id);
    if (!v || v.deletedAt) throw this.notFound('Resource');
    return v;
  }

  private tag(id: string) {
    const t = this.tags.get(id);
    if (!t) throw this.notFound('Tag');
    return t;
  }

  private contactFields(c: IcContact): Fields {
    return {
      id: c.id,
      email: c.email,
      name: c.name,
      phone: c.phone ?? null,
      role: 'user',
      created_at: s(c.createdAt),
      updated_at: s(c.createdAt),
    };
  }

  private conversationFields(v: IcConversation): Fields {
    const c = this.contacts.get(v.contactId);
    return {
      id: v.id,
      contact_ids: [v.contactId],
      'source.author.email': c?.email ?? null,
      state: v.state,
      open: v.state === 'open',
      tag_ids: v.tagIds,
      created_at: s(v.createdAt),
      updated_at: s(v.updatedAt),
    };
  }

  private list(type: string, key: string, items: unknown[], p?: { per_page?: number; starting_after?: string }): Reply {
    const perPage = Math.min(150, p?.per_page ?? 50);
    const start = p?.starting_after ? Number(Buffer.from(p.starting_after, 'base64').toString()) || 0 : 0;
    const page = Math.floor(start / perPage) + 1;
    const totalPages = Math.max(1, Math.ceil(items.length / perPage));
    const pages: Record<string, unknown> = { type: 'pages', page, per_page: perPage, total_pages: totalPages };
    if (start + perPage < items.length)
      pages.next = { page: page + 1, starting_after: Buffer.from(String(start + perPage)).toString('base64') };
    return json(200, { type, [key]: items.slice(start, start + perPage), total_count: items.length, pages });
  }

  private contactJson(c: IcContact) {
    return {
      type: 'contact',
      id: c.id,
      workspace_id: 'demo1234',
      external_id: null,
      role: 'user',
      email: c.email,
      phone: c.phone ?? null,
      name: c.name,
      avatar: null,
      owner_id: null,
      has_hard_bounced: false,
      marked_email_as_spam: false,
      unsubscribed_from_emails: false,
      created_at: s(c.createdAt),
      updated_at: s(c.createdAt),
      signed_up_at: s(c.createdAt),
      last_seen_at: null,
      custom_attributes: {},
      tags: { type: 'list', data: [], url: `/contacts/${c.id}/tags`, total_count: 0, has_more: false },
      location: { type: 'location', country: null, region: null, city: null },
    };
  }

  private conversationJson(v: IcConversation, withParts: boolean) {
    const c = this.contacts.get(v.contactId);
    const author = (fromContact: boolean) =>
      fromContact ? { type: 'user', id: v.contactId, name: c?.name ?? null, email: c?.email ?? '' } : ADMIN;
    const attachments = (p: IcPart) =>
      p.attachments.map((a, index) => ({
        type: 'upload',
        name: a.name,
        url: `https://${INTERCOM_FILES_HOST}/i/o/${p.id}/${index}/${encodeURIComponent(a.name)}`,
        content_type: a.contentType,
        filesize: Buffer.byteLength(a.content),
      }));
    const [first, ...rest] = v.parts;
    const body: Record<string, unknown> = {
      type: 'conversation',
      id: v.id,
      title: v.title,
      created_at: s(v.createdAt),
      updated_at: s(v.updatedAt),
      waiting_since: null,
      snoozed_until: null,
      open: v.state === 'open',
      state: v.state,
      read: true,
      priority: 'not_priority',
      admin_assignee_id: null,
      team_assignee_id: null,
      tags: {
        type: 'tag.list',
        tags: v.tagIds.map((id) => ({
          type: 'tag',
          id,
          name: this.tags.get(id)?.name ?? '',
          applied_at: s(v.createdAt),
          applied_by: { type: 'admin', id: ADMIN.id },
        })),
      },
      source: first
        ? {
            type: 'conversation',
            id: first.id,
            delivered_as: 'customer_initiated',
            subject: v.title,
            body: `<p>${first.body}</p>`,
            author: author(first.fromContact),
            attachments: attachments(first),
            url: null,
            redacted: false,
          }
        : null,
      contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: v.contactId, external_id: null }] },
    };
    if (withParts) {
      body.conversation_parts = {
        type: 'conversation_part.list',
        conversation_parts: rest.map((p) => ({
          type: 'conversation_part',
          id: p.id,
          part_type: 'comment',
          body: `<p>${p.body}</p>`,
          created_at: s(p.createdAt),
          updated_at: s(p.createdAt),
          notified_at: s(p.createdAt),
          assigned_to: null,
          author: author(p.fromContact),
          attachments: attachments(p),
          external_id: null,
          redacted: false,
        })),
        total_count: rest.length,
      };
    }
    return body;
  }
}

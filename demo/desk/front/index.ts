/**
 * Front Core API stand-in: contacts by alias (alt:email:…), a contact's conversations, messages with
 * attachments, tags as holds, and deletion the Front way: DELETE /conversations/{id} moves it to the trash
 * (purged after 7 days by Front), DELETE /contacts/{id} removes the contact.
 */
import type { BudgetState } from '../core/rate-limiter';
import { AGENT, HOLD_TAG, type SeedConversation, type SeedCustomer } from '../core/seed-model';
import { StandIn, type StandInOptions } from '../core/stand-in';
import { HttpError, json, noContent, parseJsonBody, type Reply } from '../core/types';
import { parseTerm, tokenize } from '../core/search-query';

interface FrMessage {
  id: string;
  inbound: boolean;
  from: string;
  to: string[];
  cc: string[];
  body: string;
  createdAt: number;
  attachments: { id: string; filename: string; contentType: string; content: string }[];
}

interface FrConversation {
  id: string;
  subject: string;
  status: 'archived' | 'unassigned' | 'deleted';
  contactId: string;
  tagIds: string[];
  createdAt: number;
  trashedAt?: number;
  messages: FrMessage[];
}

export const FRONT_HOST = 'api2.frontapp.com';
const API = `https://${FRONT_HOST}`;
const seconds = (ms: number) => ms / 1000;

export class FrontStandIn extends StandIn {
  readonly id = 'front' as const;
  readonly hosts = [FRONT_HOST];
  override readonly vendor = 'front' as const;
  readonly contacts = new Map<string, { id: string; name: string; email: string }>();
  readonly conversations = new Map<string, FrConversation>();
  readonly tags = new Map<string, { id: string; name: string }>();
  private nextId = 1;

  constructor(opts?: StandInOptions) {
    super(120, opts);
    const r = this.router;
    r.on('GET', '/contacts/:id', ({ params }) => json(200, this.contactJson(this.contact(params.id!))));
    r.on('DELETE', '/contacts/:id', ({ params }) => {
      this.contacts.delete(this.contact(params.id!).id);
      return noContent();
    });
    r.on('GET', '/contacts/:id/conversations', ({ params, query }) => {
      const c = this.contact(params.id!);
      const convs = [...this.conversations.values()].filter((v) => v.contactId === c.id && v.status !== 'deleted');
      return this.paged(
        convs.map((v) => this.conversationJson(v)),
        query,
        `/contacts/${c.id}/conversations`,
      );
    });
    r.on('GET', '/conversations/search/:query', ({ params, query }) => {
      const hits = this.search(params.query!);
      const reply = this.paged(
        hits.map((v) => this.conversationJson(v)),
        query,
        `/conversations/search/${encodeURIComponent(params.query!)}`,
      );
      (reply.body as Record<string, unknown>)._total = hits.length;
      return reply;
    });
    r.on('GET', '/conversations/:id', ({ params }) => json(200, this.conversationJson(this.conversation(params.id!))));
    r.on('DELETE', '/conversations/:id', ({ params }) => {
      const v = this.conversation(params.id!);
      v.status = 'deleted';
      v.trashedAt = this.now;
      return noContent();
    });
    r.on('GET', '/conversations/:id/messages', ({ params, query }) => {
      const v = this.conversation(params.id!);
      return this.paged(
        v.messages.map((m) => this.messageJson(v, m)),
        query,
        `/conversations/${v.id}/messages`,
      );
    });
    r.on('POST', '/conversations/:id/tags', ({ params, req }) => {
      const v = this.conversation(params.id!);
      for (const id of this.tagIds(req.rawBody)) if (!v.tagIds.includes(id)) v.tagIds.push(id);
      return noContent();
    });
    r.on('DELETE', '/conversations/:id/tags', ({ params, req }) => {
      const v = this.conversation(params.id!);
      const remove = this.tagIds(req.rawBody);
      v.tagIds = v.tagIds.filter((id) => !remove.includes(id));
      return noContent();
    });
    r.on('GET', '/download/:id', ({ params }) => {
      for (const c of this.conversations.values())
        for (const m of c.messages)
          for (const a of m.attachments)
            if (a.id === params.id) return { status: 200, body: a.content, contentType: a.contentType };
      throw this.error(404, 'Not found', 'Unknown attachment');
    });
    r.on('GET', '/tags', ({ query }) =>
      this.paged(
        [...this.tags.values()].map((t) => this.tagJson(t)),
        query,
        '/tags',
      ),
    );
    r.on('POST', '/tags', ({ req }) => {
      const name = (parseJsonBody(req) as { name: string }).name;
      if ([...this.tags.values()].some((t) => t.name === name))
        throw this.error(409, 'Conflict', 'A tag with this name already exists');
      return json(201, this.tagJson(this.ensureTag(name)));
    });
  }

  rateHeaders(s: BudgetState): Record<string, string> {
    return {
      'x-ratelimit-limit': String(s.limit),
      'x-ratelimit-remaining': String(s.remaining),
      'x-ratelimit-reset': String(Math.ceil(s.resetAt / 1000)),
    };
  }

  errorBody(status: number, message: string): unknown {
    const titles: Record<number, string> = {
      400: 'Bad request',
      401: 'Unauthenticated',
      404: 'Not found',
      429: 'Too many requests',
      500: 'Internal error',
    };
    return { _error: { status, title: titles[status] ?? 'Error', message } };
  }

  addCustomer(c: SeedCustomer): void {
    if (this.findContact(c.email)) return;
    const id = `crd_${(this.nextId++).toString(36)}`;
    this.contacts.set(id, { id, name: c.name, email: c.email });
  }

  addConversation(conv: SeedConversation): void {
    this.addCustomer({ name: conv.customerEmail.split('@')[0]!, email: conv.customerEmail, lang: 'en' });
    const contact = this.findContact(conv.customerEmail)!;
    const id = `cnv_${(this.nextId++).toString(36)}`;
    this.conversations.set(id, {
      id,
      subject: conv.subject,
      status: conv.status === 'closed' ? 'archived' : 'unassigned',
      contactId: contact.id,
      tagIds: conv.held ? [this.ensureTag(HOLD_TAG).id] : [],
      createdAt: conv.createdAt,
      messages: conv.messages.map((m) => ({
        id: `msg_${(this.nextId++).toString(36)}`,
        inbound: m.fromCustomer,
        from: m.fromCustomer ? m.authorEmail : AGENT.email,
        to: m.fromCustomer ? [AGENT.email] : [conv.customerEmail],
        cc: m.fromCustomer ? [] : conv.ccEmails,
        body: m.body,
        createdAt: m.at,
        attachments: m.attachments.map((a) => ({
          id: `fil_${(this.nextId++).toString(36)}`,
          filename: a.name,
          contentType: a.contentType,
          content: a.content,
        })),
      })),
    });
  }

  clear(): void {
    this.contacts.clear();
    this.conversations.clear();
    this.tags.clear();
    this.nextId = 1;
  }

  snapshot() {
    const brief = (v: FrConversation) => ({
      id: v.id,
      subject: v.subject,
      status: v.status,
      contact: this.contacts.get(v.contactId)?.email ?? null,
      participants: [...new Set(v.messages.flatMap((m) => [m.from, ...m.to, ...m.cc]))],
      tags: v.tagIds.map((id) => this.tags.get(id)?.name ?? id),
      messages: v.messages.length,
      ...(v.trashedAt ? { purged_after: new Date(v.trashedAt + 7 * 86400_000).toISOString() } : {}),
    });
    const all = [...this.conversations.values()];
    return {
      contacts: [...this.contacts.values()],
      conversations: all.filter((v) => v.status !== 'deleted').map(brief),
      trashed_conversations: all.filter((v) => v.status === 'deleted').map(brief),
    };
  }

  findContact(email: string) {
    return [...this.contacts.values()].find((c) => c.email.toLowerCase() === email.toLowerCase());
  }

  ensureTag(name: string): { id: string; name: string } {
    const found = [...this.tags.values()].find((t) => t.name === name);
    if (found) return found;
    const tag = { id: `tag_${(this.nextId++).toString(36)}`, name };
    this.tags.set(tag.id, tag);
    return tag;
  }

  private error(status: number, title: string, message: string): HttpError {
    return new HttpError(status, { _error: { status, title, message } });
  }

  private contact(idOrAlias: string) {
    const alias = /^alt:email:(.+)$/.exec(idOrAlias)?.[1];
    const c = alias ? this.findContact(alias) : this.contacts.get(idOrAlias);
    if (!c) throw this.error(404, 'Not found', 'Unknown contact');
    return c;
  }

  private conversation(id: string): FrConversation {
    const v = this.conversations.get(id);
    if (!v) throw this.error(404, 'Not found', 'Unknown conversation');
    return v;
  }

  private tagIds(raw: string): string[] {
    const ids = (JSON.parse(raw || '{}') as { tag_ids?: string[] }).tag_ids ?? [];
    for (const id of ids) if (!this.tags.has(id)) throw this.error(404, 'Not found', `Unknown tag ${id}`);
    return ids;
  }

  /** Front search syntax, the subset used: from:, to:, cc:, recipient:, tag:, is:, before:, after: (seconds). */
  private search(q: string): FrConversation[] {
    const terms = tokenize(q).map(parseTerm);
    return [...this.conversations.values()].filter((v) =>
      terms.every((t) => {
        const val = t.value.toLowerCase();
        const some = (pick: (m: FrMessage) => string[]) =>
          v.messages.some((m) => pick(m).some((x) => x.toLowerCase() === val));
        let hit: boolean;
        if (t.key === 'from') hit = some((m) => [m.from]);
        else if (t.key === 'to') hit = some((m) => m.to);
        else if (t.key === 'cc') hit = some((m) => m.cc);
        else if (t.key === 'recipient') hit = some((m) => [m.from, ...m.to, ...m.cc]);
        else if (t.key === 'tag') hit = v.tagIds.includes(t.value);
        else if (t.key === 'is')
          hit =
            val === 'trashed'
              ? v.status === 'deleted'
              : val === 'archived'
                ? v.status === 'archived'
                : v.status === 'unassigned';
        else if (t.key === 'before') hit = seconds(v.createdAt) < Number(t.value);
        else if (t.key === 'after') hit = seconds(v.createdAt) > Number(t.value);
        else hit = `${v.subject} ${v.messages.map((m) => m.body).join(' ')}`.toLowerCase().includes(val);
        if (t.key !== 'is' && v.status === 'deleted') return false;
        return t.negated ? !hit : hit;
      }),
    );
  }

  private paged(items: unknown[], query: URLSearchParams, path: string): Reply {
    const limit = Math.min(100, Number(query.get('limit') ?? 50) || 50);
    const start = Number(Buffer.from(query.get('page_token') ?? 'MA==', 'base64').toString()) || 0;
    const more = start + limit < items.length;
    const next = more
      ? `${API}${path}?limit=${limit}&page_token=${Buffer.from(String(start + limit)).toString('base64')}`
      : null;
    return json(200, {
      _pagination: { next },
      _links: { self: `${API}${path}` },
      _results: items.slice(start, start + limit),
    });
  }

  private contactJson(c: { id: string; name: string; email: string }) {
    return {
      _links: {
        self: `${API}/contacts/${c.id}`,
        related: { notes: `${API}/contacts/${c.id}/notes`, conversations: `${API}/contacts/${c.id}/conversations` },
      },
      id: c.id,
      name: c.name,
      description: '',
      avatar_url: null,
      is_spammer: false,
      links: [],
      groups: [],
      lists: [],
      handles: [{ handle: c.email, source: 'email' }],
      custom_fields: {},
      is_private: false,
    };
  }

  private tagJson(t: { id: string; name: string }) {
    return {
      _links: { self: `${API}/tags/${t.id}` },
      id: t.id,
      name: t.name,
      highlight: null,
      is_private: false,
      is_visible_in_conversation_lists: true,
      created_at: 1_700_000_000,
      updated_at: 1_700_000_000,
    };
  }

  private conversationJson(v: FrConversation) {
    const c = this.contacts.get(v.contactId);
    return {
      _links: { self: `${API}/conversations/${v.id}`, related: { messages: `${API}/conversations/${v.id}/messages` } },
      id: v.id,
      subject: v.subject,
      status: v.status,
      assignee: null,
      recipient: {
        _links: { related: { contact: c ? `${API}/contacts/${c.id}` : null } },
        name: c?.name ?? null,
        handle: c?.email ?? null,
        role: 'from',
      },
      tags: v.tagIds.map((id) => this.tagJson(this.tags.get(id)!)),
      links: [],
      custom_fields: {},
      created_at: seconds(v.createdAt),
      is_private: false,
      scheduled_reminders: [],
      metadata: {},
    };
  }

  private messageJson(v: FrConversation, m: FrMessage) {
    const person = (handle: string, role: string) => ({
      _links: { related: { contact: null } },
      name: null,
      handle,
      role,
    });
    return {
      _links: { self: `${API}/messages/${m.id}`, related: { conversation: `${API}/conversations/${v.id}` } },
      id: m.id,
      type: 'email',
      is_inbound: m.inbound,
      is_draft: false,
      error_type: null,
      version: null,
      created_at: seconds(m.createdAt),
      subject: v.subject,
      blurb: m.body.slice(0, 100),
      author: m.inbound ? null : { id: 'tea_1', email: AGENT.email, first_name: 'Sanne', last_name: 'de Vries' },
      recipients: [person(m.from, 'from'), ...m.to.map((h) => person(h, 'to')), ...m.cc.map((h) => person(h, 'cc'))],
      body: `<p>${m.body.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!)}</p>`,
      text: m.body,
      attachments: m.attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        url: `${API}/download/${a.id}`,
        content_type: a.contentType,
        size: Buffer.byteLength(a.content),
        metadata: { is_inline: false },
      })),
      signature: null,
      metadata: {},
    };
  }
}

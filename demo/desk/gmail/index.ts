/**
 * Gmail API stand-in (users.messages / threads / labels): search with q, read (full, metadata, raw),
 * holds as a user label, trash, and permanent batchDelete (≤ 1,000 ids). Quota is counted in units per
 * minute (15,000), as Google does.
 */
import type { BudgetState } from '../core/rate-limiter';
import { AGENT, HOLD_TAG, type SeedConversation, type SeedCustomer } from '../core/seed-model';
import { StandIn, type StandInOptions } from '../core/stand-in';
import { HttpError, json, noContent, parseJsonBody, type DeskRequest, type Reply } from '../core/types';
import { matches, parseGmailQuery } from './query';

interface GmMessage {
  id: string;
  threadId: string;
  labelIds: Set<string>;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  internalDate: number;
  attachments: { id: string; name: string; contentType: string; content: string }[];
}

const SYSTEM_LABELS = ['INBOX', 'SENT', 'TRASH', 'SPAM', 'UNREAD', 'IMPORTANT', 'DRAFT'];
const b64url = (s: string) => Buffer.from(s).toString('base64url');

/** Quota units per method (developers.google.com/gmail/api/reference/quota). */
const UNITS: [RegExp, string, number][] = [
  [/\/messages\/batchDelete$/, 'POST', 50],
  [/\/messages\/batchModify$/, 'POST', 50],
  [/\/threads$/, 'GET', 10],
  [/\/threads\/[^/]+$/, 'GET', 10],
  [/\/threads\/[^/]+\/modify$/, 'POST', 10],
  [/\/labels$/, 'GET', 1],
  [/\/messages\/[^/]+$/, 'DELETE', 10],
];

export const GMAIL_HOST = 'gmail.googleapis.com';

export class GmailStandIn extends StandIn {
  readonly id = 'gmail' as const;
  readonly hosts = [GMAIL_HOST];
  override readonly vendor = 'gmail' as const;
  readonly messages = new Map<string, GmMessage>();
  readonly labels = new Map<string, { id: string; name: string; type: 'system' | 'user' }>();
  private nextId = 0x18c0000000;

  constructor(
    opts?: StandInOptions,
    readonly mailbox = AGENT.email,
  ) {
    super(15_000, opts);
    this.clear();
    const base = '/gmail/v1/users/:userId';
    const r = this.router;
    r.on('GET', `${base}/messages`, (ctx) => this.list(ctx.params.userId!, ctx.query, 'messages'));
    r.on('GET', `${base}/threads`, (ctx) => this.list(ctx.params.userId!, ctx.query, 'threads'));
    r.on('GET', `${base}/messages/:id`, ({ params, query }) => {
      this.user(params.userId!);
      return json(200, this.messageJson(this.message(params.id!), query.get('format') ?? 'full'));
    });
    r.on('GET', `${base}/messages/:messageId/attachments/:id`, ({ params }) => {
      const att = this.message(params.messageId!).attachments.find((a) => a.id === params.id);
      if (!att) throw this.notFound();
      return json(200, { attachmentId: att.id, size: Buffer.byteLength(att.content), data: b64url(att.content) });
    });
    r.on('GET', `${base}/threads/:id`, ({ params, query }) => {
      this.user(params.userId!);
      const msgs = [...this.messages.values()].filter((m) => m.threadId === params.id);
      if (!msgs.length) throw this.notFound();
      return json(200, {
        id: params.id,
        historyId: '1000',
        messages: msgs.map((m) => this.messageJson(m, query.get('format') ?? 'full')),
      });
    });
    r.on('POST', `${base}/messages/:id/modify`, ({ params, req }) => {
      const m = this.message(params.id!);
      this.modify([m], req);
      return json(200, this.messageJson(m, 'minimal'));
    });
    r.on('POST', `${base}/threads/:id/modify`, ({ params, req }) => {
      const msgs = [...this.messages.values()].filter((m) => m.threadId === params.id);
      if (!msgs.length) throw this.notFound();
      this.modify(msgs, req);
      return json(200, { id: params.id, messages: msgs.map((m) => this.messageJson(m, 'minimal')) });
    });
    r.on('POST', `${base}/messages/batchModify`, ({ req }) => {
      const body = parseJsonBody(req) as { ids?: string[] };
      this.modify(
        (body.ids ?? []).map((id) => this.messages.get(id)).filter((m): m is GmMessage => !!m),
        req,
      );
      return noContent();
    });
    r.on('POST', `${base}/messages/:id/trash`, ({ params }) => {
      const m = this.message(params.id!);
      m.labelIds.add('TRASH');
      return json(200, this.messageJson(m, 'minimal'));
    });
    r.on('DELETE', `${base}/messages/:id`, ({ params }) => {
      this.message(params.id!);
      this.messages.delete(params.id!);
      return noContent();
    });
    r.on('POST', `${base}/messages/batchDelete`, ({ req, params }) => {
      this.user(params.userId!);
      const ids = (parseJsonBody(req) as { ids?: string[] }).ids ?? [];
      if (ids.length > 1000) throw this.badRequest('Too many ids: at most 1000 per batchDelete');
      for (const id of ids) this.messages.delete(id);
      return noContent();
    });
    r.on('GET', `${base}/labels`, () => json(200, { labels: [...this.labels.values()] }));
    r.on('POST', `${base}/labels`, ({ req }) => {
      const name = (parseJsonBody(req) as { name?: string }).name ?? '';
      if ([...this.labels.values()].some((l) => l.name === name)) {
        throw new HttpError(409, {
          error: { code: 409, message: 'Label name exists or conflicts', status: 'ALREADY_EXISTS' },
        });
      }
      const label = { id: `Label_${this.labels.size + 1}`, name, type: 'user' as const };
      this.labels.set(label.id, label);
      return json(200, { ...label, messageListVisibility: 'show', labelListVisibility: 'labelShow' });
    });
  }

  override cost(req: DeskRequest): number {
    return UNITS.find(([re, method]) => method === req.method && re.test(req.url.pathname))?.[2] ?? 5;
  }

  rateHeaders(_s: BudgetState, _now: number): Record<string, string> {
    return {};
  }

  errorBody(status: number, message: string): unknown {
    const statusText: Record<number, string> = {
      400: 'INVALID_ARGUMENT',
      401: 'UNAUTHENTICATED',
      403: 'PERMISSION_DENIED',
      404: 'NOT_FOUND',
      429: 'RESOURCE_EXHAUSTED',
      500: 'INTERNAL',
    };
    const text =
      status === 429 ? "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'" : message;
    return { error: { code: status, message: text, status: statusText[status] ?? 'UNKNOWN' } };
  }

  addCustomer(_c: SeedCustomer): void {
    // Gmail has no customer records: the mailbox holds messages only.
  }

  addConversation(conv: SeedConversation): void {
    const threadId = (this.nextId++).toString(16);
    const hold = this.holdLabel();
    conv.messages.forEach((msg) => {
      const id = (this.nextId++).toString(16);
      const labelIds = new Set(msg.fromCustomer ? ['INBOX'] : ['SENT']);
      if (conv.status === 'open' && msg.fromCustomer) labelIds.add('UNREAD');
      if (conv.held) labelIds.add(hold);
      this.messages.set(id, {
        id,
        threadId,
        labelIds,
        from: msg.fromCustomer ? `${msg.authorName} <${msg.authorEmail}>` : `${AGENT.name} <${AGENT.email}>`,
        to: msg.fromCustomer ? [this.mailbox] : [conv.customerEmail],
        cc: msg.fromCustomer ? [] : conv.ccEmails,
        subject: conv.subject,
        body: msg.body,
        internalDate: msg.at,
        attachments: msg.attachments.map((a, i) => ({
          id: `ANGjdJ${id}${i}`,
          name: a.name,
          contentType: a.contentType,
          content: a.content,
        })),
      });
    });
  }

  clear(): void {
    this.messages.clear();
    this.labels.clear();
    for (const id of SYSTEM_LABELS) this.labels.set(id, { id, name: id, type: 'system' });
  }

  snapshot() {
    const name = (id: string) => this.labels.get(id)?.name ?? id;
    return {
      mailbox: this.mailbox,
      labels: [...this.labels.values()].filter((l) => l.type === 'user'),
      messages: [...this.messages.values()].map((m) => ({
        id: m.id,
        threadId: m.threadId,
        from: m.from,
        to: m.to,
        cc: m.cc,
        subject: m.subject,
        date: new Date(m.internalDate).toISOString(),
        labels: [...m.labelIds].map(name),
        attachments: m.attachments.length,
      })),
    };
  }

  /** The id of the `privacy-keep` label, created on first use. */
  holdLabel(): string {
    const found = [...this.labels.values()].find((l) => l.name === HOLD_TAG);
    if (found) return found.id;
    const id = `Label_${this.labels.size + 1}`;
    this.labels.set(id, { id, name: HOLD_TAG, type: 'user' });
    return id;
  }

  private user(userId: string): void {
    if (userId !== 'me' && userId.toLowerCase() !== this.mailbox) {
      throw new HttpError(403, this.errorBody(403, 'Delegation denied for ' + this.mailbox));
    }
  }

  private notFound(): HttpError {
    return new HttpError(404, this.errorBody(404, 'Requested entity was not found.'));
  }

  private badRequest(message: string): HttpError {
    return new HttpError(400, this.errorBody(400, message));
  }

  private message(id: string): GmMessage {
    const m = this.messages.get(id);
    if (!m) throw this.notFound();
    return m;
  }

  private modify(msgs: GmMessage[], req: DeskRequest): void {
    const body = (parseJsonBody(req) ?? {}) as { addLabelIds?: string[]; removeLabelIds?: string[] };
    for (const id of [...(body.addLabelIds ?? []), ...(body.removeLabelIds ?? [])]) {
      if (!this.labels.has(id)) throw this.badRequest(`Invalid label: ${id}`);
    }
    for (const m of msgs) {
      for (const id of body.addLabelIds ?? []) m.labelIds.add(id);
      for (const id of body.removeLabelIds ?? []) m.labelIds.delete(id);
    }
  }

  private list(userId: string, query: URLSearchParams, kind: 'messages' | 'threads'): Reply {
    this.user(userId);
    const q = parseGmailQuery(query.get('q') ?? '');
    const withTrash = query.get('includeSpamTrash') === 'true';
    const labelFilter = query.getAll('labelIds');
    const hits = [...this.messages.values()]
      .filter((m) => withTrash || (!m.labelIds.has('TRASH') && !m.labelIds.has('SPAM')))
      .filter((m) => labelFilter.every((l) => m.labelIds.has(l)))
      .filter((m) =>
        matches(q, { ...m, labelNames: [...m.labelIds].map((id) => this.labels.get(id)?.name ?? id) }, this.now),
      )
      .sort((a, b) => b.internalDate - a.internalDate);
    const items =
      kind === 'messages'
        ? hits.map((m) => ({ id: m.id, threadId: m.threadId }))
        : [
            ...new Map(
              hits.map((m) => [m.threadId, { id: m.threadId, snippet: m.body.slice(0, 100), historyId: '1000' }]),
            ).values(),
          ];
    const max = Math.min(500, Number(query.get('maxResults') ?? 100) || 100);
    const start = Number(query.get('pageToken') ?? 0) || 0;
    const page = items.slice(start, start + max);
    const body: Record<string, unknown> = { resultSizeEstimate: items.length };
    if (page.length) body[kind] = page;
    if (start + max < items.length) body.nextPageToken = String(start + max);
    return json(200, body);
  }

  private messageJson(m: GmMessage, format: string) {
    const base = {
      id: m.id,
      threadId: m.threadId,
      labelIds: [...m.labelIds],
      snippet: m.body.slice(0, 100),
      historyId: '1000',
      internalDate: String(m.internalDate),
      sizeEstimate: m.body.length + 600,
    };
    const headers = [
      { name: 'From', value: m.from },
      { name: 'To', value: m.to.join(', ') },
      ...(m.cc.length ? [{ name: 'Cc', value: m.cc.join(', ') }] : []),
      { name: 'Subject', value: m.subject },
      { name: 'Date', value: new Date(m.internalDate).toUTCString() },
      { name: 'Message-ID', value: `<${m.id}@mail.gmail.com>` },
    ];
    if (format === 'minimal') return base;
    if (format === 'raw') {
      const mime = [
        ...headers.map((h) => `${h.name}: ${h.value}`),
        'Content-Type: text/plain; charset=UTF-8',
        '',
        m.body,
      ].join('\r\n');
      return { ...base, raw: b64url(mime) };
    }
    const textPart = {
      partId: '0',
      mimeType: 'text/plain',
      filename: '',
      headers: [],
      body: { size: m.body.length, data: b64url(m.body) },
    };
    const parts = [
      textPart,
      ...m.attachments.map((a, i) => ({
        partId: String(i + 1),
        mimeType: a.contentType,
        filename: a.name,
        headers: [{ name: 'Content-Disposition', value: `attachment; filename="${a.name}"` }],
        body: { attachmentId: a.id, size: Buffer.byteLength(a.content) },
      })),
    ];
    const payload = {
      partId: '',
      mimeType: m.attachments.length ? 'multipart/mixed' : 'text/plain',
      filename: '',
      headers,
    };
    if (format === 'metadata') return { ...base, payload: { ...payload, body: { size: 0 } } };
    return {
      ...base,
      payload: m.attachments.length ? { ...payload, body: { size: 0 }, parts } : { ...payload, body: textPart.body },
    };
  }
}

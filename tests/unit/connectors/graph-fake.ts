/**
 * A recorded Microsoft Graph mailbox for the Outlook connector (the demo desk has no Graph stand-in).
 * It answers the calls the connector makes, following Graph's documented shapes, and records every
 * request — JSON-batch entries included — so the contract test can validate each against the vendor description.
 */
import { VirtualClock } from '../../../lib/connectors/clock';
import { outlook } from '../../../lib/connectors/outlook';
import { ToolContexts } from '../../../lib/jobs/tool-contexts';

export interface GraphMessage {
  id: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  categories: string[];
  receivedDateTime: string;
}

export interface Recorded {
  method: string;
  url: string;
  body?: unknown;
}

export class GraphFake {
  readonly recorded: Recorded[] = [];
  readonly deleted: string[] = [];
  /** Graph's 4 concurrent requests per mailbox: entries of a batch beyond `perBatch` are answered 429. */
  throttle?: { perBatch: number; retryAfterS: number };
  constructor(readonly messages: Map<string, GraphMessage>) {}

  fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    this.recorded.push({ method, url: input, body });
    const url = new URL(input);
    if (url.pathname === '/v1.0/$batch' && method === 'POST') {
      const requests = (body as { requests: { id: string; method: string; url: string; body?: unknown }[] }).requests;
      const responses = requests.map((r, i) => {
        this.recorded.push({ method: r.method, url: `https://graph.microsoft.com/v1.0${r.url}`, body: r.body });
        if (this.throttle && i >= this.throttle.perBatch)
          return {
            id: r.id,
            status: 429,
            headers: { 'Retry-After': String(this.throttle.retryAfterS) },
            body: { error: { code: 'ApplicationThrottled' } },
          };
        return { id: r.id, ...this.one(r.method, new URL(`https://graph.microsoft.com/v1.0${r.url}`), r.body) };
      });
      return json({ responses });
    }
    const answer = this.one(method, url, body);
    return answer.status === 204 ? new Response(null, { status: 204 }) : json(answer.body, answer.status);
  };

  private one(method: string, url: URL, body: unknown): { status: number; body?: unknown } {
    const m = /^\/v1\.0\/users\/[^/]+\/messages(?:\/([^/]+))?(\/permanentDelete)?$/.exec(url.pathname);
    if (!m) return { status: 400, body: { error: { code: 'BadRequest' } } };
    const [, id, action] = m;
    if (!id && method === 'GET') {
      const filter = url.searchParams.get('$filter') ?? '';
      const address = /'([^']+)'/.exec(filter)?.[1]?.toLowerCase() ?? '';
      const field = filter.startsWith('from/') ? 'from' : filter.startsWith('toRecipients') ? 'to' : 'cc';
      const value = [...this.messages.values()].filter((msg) =>
        field === 'from' ? msg.from === address : msg[field].includes(address),
      );
      return { status: 200, body: { value } };
    }
    const msg = id ? this.messages.get(id) : undefined;
    if (!msg) return { status: 404, body: { error: { code: 'ErrorItemNotFound' } } };
    if (action && method === 'POST') {
      this.messages.delete(msg.id);
      this.deleted.push(msg.id);
      return { status: 204 };
    }
    if (method === 'GET') return { status: 200, body: msg };
    if (method === 'PATCH') {
      msg.categories = (body as { categories: string[] }).categories;
      return { status: 200, body: msg };
    }
    return { status: 405 };
  }
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function mailbox(customer: string, other: string): Map<string, GraphMessage> {
  const at = '2026-10-01T10:00:00Z';
  const list: GraphMessage[] = [
    {
      id: 'AAM1',
      from: customer,
      to: ['support@acme.example'],
      cc: [],
      subject: 'Order 1',
      categories: [],
      receivedDateTime: at,
    },
    {
      id: 'AAM2',
      from: 'support@acme.example',
      to: [customer],
      cc: [],
      subject: 'Re: Order 1',
      categories: [],
      receivedDateTime: at,
    },
    {
      id: 'AAM3',
      from: customer,
      to: ['support@acme.example'],
      cc: [],
      subject: 'Invoice',
      categories: ['privacy-keep'],
      receivedDateTime: at,
    },
    {
      id: 'AAM4',
      from: other,
      to: ['support@acme.example'],
      cc: [customer],
      subject: 'Other with copy',
      categories: [],
      receivedDateTime: at,
    },
    {
      id: 'AAM5',
      from: other,
      to: ['support@acme.example'],
      cc: [],
      subject: `Mentions ${customer}`,
      categories: [],
      receivedDateTime: at,
    },
  ];
  for (let i = 0; i < 40; i += 1)
    list.push({
      id: `AAB${i}`,
      from: customer,
      to: ['support@acme.example'],
      cc: [],
      subject: `Bulk ${i}`,
      categories: [],
      receivedDateTime: at,
    });
  return new Map(list.map((m) => [m.id, m]));
}

export function outlookRun() {
  const graph = new GraphFake(mailbox('ana.jansen@example.nl', 'bob.smit@example.nl'));
  const clock = new VirtualClock();
  const contexts = new ToolContexts({
    connectors: { outlook },
    connection: () => ({ tool: 'outlook', account: 'support@acme.example', secret: { accessToken: 'graph-token' } }),
    fetch: graph.fetch,
    clock,
  });
  return { graph, clock, ctx: () => contexts.context('outlook') };
}

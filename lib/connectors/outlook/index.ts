/**
 * Outlook / Microsoft 365 (Microsoft Graph). Messages in the shared mailbox the customer sent or
 * received (`$filter` on from / toRecipients / ccRecipients, never `$search` on text). Erasure is
 * `POST …/messages/{id}/permanentDelete`, sent in JSON batches of 20 (`POST /$batch`); a plain
 * DELETE only moves to Deleted Items and is not used. Not possible while the mailbox is on hold.
 * Holds: the `privacy-keep` category. 10,000 requests per 10 minutes per mailbox, each request in a
 * batch counted; at most 4 concurrent per mailbox, so one batch is in flight at a time. Graph
 * throttles entries of a batch one by one (429 with their own Retry-After): those are sent again in
 * a smaller batch after the wait, and the whole mailbox pauses meanwhile.
 */
import { z } from 'zod';
import { connectorApiHostsByTool } from '../api-hosts';
import { bulkErasurePlan, defineConnector, emailsOf, HOLD_TAG, type ConnectorContext } from '../define-connector';
import { errorForStatus } from '../errors';
import { parseRetryAfter } from '../http';
import type { FoundItem, Identity } from '../types';

const BATCH = 20;
const messageSchema = z.object({
  id: z.string(),
  subject: z.string().nullish(),
  categories: z.array(z.string()).default([]),
  receivedDateTime: z.string().nullish(),
});
const listSchema = z.object({ value: z.array(messageSchema), '@odata.nextLink': z.string().optional() });
const batchSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number(),
      headers: z.record(z.string(), z.string()).nullish(),
      body: z.unknown().optional(),
    }),
  ),
});
type BatchResponse = z.infer<typeof batchSchema>['responses'][number];
const THROTTLED = new Set([429, 503, 504]);
const BATCH_ROUNDS = 6;

/**
 * Sends requests as JSON batches; entries Graph throttled (429/503/504) go again after their Retry-After.
 * Answers by the index of the request. Still throttled after several rounds: a retryable error for the step.
 */
async function sendBatch(
  ctx: ConnectorContext,
  requests: { method: string; url: string }[],
): Promise<Map<number, BatchResponse>> {
  const answers = new Map<number, BatchResponse>();
  let open = requests.map((_, i) => i);
  for (let round = 0; open.length > 0; round += 1) {
    if (round >= BATCH_ROUNDS) throw errorForStatus('Outlook', 429);
    const { data } = await ctx.http.request('POST', '/$batch', {
      body: { requests: open.map((i) => ({ id: String(i), ...requests[i]! })) },
      schema: batchSchema,
    });
    let waitMs = 0;
    const again: number[] = [];
    for (const r of data!.responses) {
      const index = Number(r.id);
      if (!open.includes(index)) continue;
      if (THROTTLED.has(r.status)) {
        again.push(index);
        const header = Object.entries(r.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
        waitMs = Math.max(waitMs, parseRetryAfter(header ?? null, ctx.now()) ?? 2000 * 2 ** round);
      } else answers.set(index, r);
    }
    // An entry Graph did not answer at all counts as throttled too.
    for (const index of open) if (!answers.has(index) && !again.includes(index)) again.push(index);
    open = again.sort((a, b) => a - b);
    if (open.length > 0) ctx.http.pause(waitMs || 2000 * 2 ** round);
  }
  return answers;
}

const filters = (email: string) => [
  `from/emailAddress/address eq '${email.replace(/'/g, "''")}'`,
  `toRecipients/any(r:r/emailAddress/address eq '${email.replace(/'/g, "''")}')`,
  `ccRecipients/any(r:r/emailAddress/address eq '${email.replace(/'/g, "''")}')`,
];

async function findAll(ctx: ConnectorContext, identities: Identity[]): Promise<FoundItem[]> {
  const mailbox = encodeURIComponent(ctx.connection.account);
  const items = new Map<string, FoundItem>();
  for (const email of emailsOf(identities))
    for (const [index, filter] of filters(email).entries()) {
      let next: string | undefined = `/users/${mailbox}/messages`;
      let query: Record<string, string | number> | undefined = {
        $filter: filter,
        $select: 'id,subject,categories,receivedDateTime',
        $top: 1000,
      };
      while (next) {
        const res: { data?: z.infer<typeof listSchema> } = await ctx.http.request('GET', next, {
          query,
          schema: listSchema,
        });
        for (const m of res.data!.value)
          if (!items.has(m.id))
            items.set(m.id, {
              tool: 'outlook',
              kind: 'message',
              id: m.id,
              role: index === 0 ? 'author' : 'recipient',
              held: m.categories.includes(HOLD_TAG),
              title: m.subject ?? undefined,
              updatedAt: m.receivedDateTime ? Date.parse(m.receivedDateTime) : undefined,
            });
        next = res.data!['@odata.nextLink'];
        query = undefined;
      }
    }
  return [...items.values()];
}

export const outlook = defineConnector({
  id: 'outlook',
  label: 'Outlook',
  auth: {
    kind: 'oauth2',
    authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    scopes: ['Mail.ReadWrite.Shared', 'offline_access'],
    flow: 'implicit',
  },
  processing: { regions: ['EU', 'US'], legalGround: 'dpf', backupHorizonDays: 30 },
  limits: {
    requestsPerMinute: 1000,
    windowSeconds: 600,
    bulk: { batch: BATCH, list: 1000 },
    // Each request inside a JSON batch counts against the mailbox's limit.
    costOf: (_method, path, body) =>
      path === '/$batch' ? Math.max(1, (body as { requests?: unknown[] } | undefined)?.requests?.length ?? 1) : 1,
    concurrency: 1,
  },
  capabilities: { find: true, collect: true, erase: 'permanent', holds: true, retention: true },
  apiHosts: connectorApiHostsByTool.outlook,
  baseUrl: () => 'https://graph.microsoft.com/v1.0',
  authHeaders: (c) => ({ authorization: `Bearer ${c.secret.accessToken ?? ''}` }),

  find: async (ctx, identities) => ({ tool: 'outlook', items: await findAll(ctx, identities) }),

  async collect(ctx, found) {
    const out = [];
    for (const item of found.items) {
      const { data } = await ctx.http.request(
        'GET',
        `/users/${encodeURIComponent(ctx.connection.account)}/messages/${item.id}`,
        { schema: messageSchema.passthrough() },
      );
      out.push({ id: item.id, kind: 'message', data });
    }
    return out;
  },

  planErasure(found) {
    return bulkErasurePlan(found, {
      tool: 'outlook',
      action: 'messages.permanentDelete',
      kind: 'message',
      size: BATCH,
      permanenceNote:
        'Messages are deleted permanently (not moved to Deleted Items). This fails while the mailbox is on litigation hold.',
    });
  },

  async readHolds(ctx, step) {
    const held = new Set<string>();
    const mailbox = encodeURIComponent(ctx.connection.account);
    const answers = await sendBatch(
      ctx,
      step.ids.map((id) => ({ method: 'GET', url: `/users/${mailbox}/messages/${id}?$select=id,categories` })),
    );
    for (const [index, r] of answers) {
      const body = messageSchema.partial().safeParse(r.body);
      if (body.success && body.data.categories?.includes(HOLD_TAG)) held.add(step.ids[index]!);
    }
    return held;
  },

  async eraseStep(ctx, step) {
    const mailbox = encodeURIComponent(ctx.connection.account);
    const answers = await sendBatch(
      ctx,
      step.ids.map((id) => ({ method: 'POST', url: `/users/${mailbox}/messages/${id}/permanentDelete` })),
    );
    const outcome = { erased: [] as string[], alreadyGone: [] as string[] };
    for (const [index, r] of [...answers].sort((a, b) => a[0] - b[0])) {
      const id = step.ids[index]!;
      if (r.status === 404) outcome.alreadyGone.push(id);
      else if (r.status < 300) outcome.erased.push(id);
      else throw errorForStatus('Outlook', r.status);
    }
    return outcome;
  },

  async writeHold(ctx, item, held) {
    const path = `/users/${encodeURIComponent(ctx.connection.account)}/messages/${item.id}`;
    const { data } = await ctx.http.request('GET', path, {
      query: { $select: 'id,categories' },
      schema: messageSchema.partial(),
    });
    const categories = new Set(data!.categories ?? []);
    if (held) categories.add(HOLD_TAG);
    else categories.delete(HOLD_TAG);
    // Graph's description requires the @odata.type on an update body; the live API accepts it.
    await ctx.http.request('PATCH', path, {
      body: { '@odata.type': '#microsoft.graph.message', categories: [...categories] },
    });
  },

  async verify(ctx, identities, items) {
    const wanted = new Set(items.map((i) => i.id));
    return { remaining: (await findAll(ctx, identities)).filter((i) => wanted.has(i.id)).map((i) => i.id) };
  },

  async listExpired(ctx, identities, before) {
    return (await findAll(ctx, identities)).filter((i) => (i.updatedAt ?? Infinity) < before);
  },
});

/**
 * Gmail (the shared support mailbox). Messages the customer sent, received, or was copied on
 * (header queries `from: to: cc: bcc:`, never a free-text match), trash and spam included.
 * Erasure is `messages.batchDelete` (≤1000 ids), which is permanent and takes attachments with the
 * message; `trash` would be recoverable for 30 days and is not used. Holds: the `privacy-keep` label.
 * Costs are Gmail quota units (list 5, batchDelete 50) against 15,000 units per user per minute.
 */
import { connectorApiHostsByTool } from '../api-hosts';
import { bulkErasurePlan, defineConnector, emailsOf, HOLD_TAG, type ConnectorContext } from '../define-connector';
import { ConnectorError } from '../errors';
import type { FoundItem, Identity } from '../types';
import { labelSchema, labelsSchema, listSchema, minimalMessageSchema, rawMessageSchema } from './schemas';

const BULK = 1000;
const base = '/gmail/v1/users/me';

function roleQuery(identities: Identity[]): string {
  const parts = emailsOf(identities).flatMap((e) => [`from:${e}`, `to:${e}`, `cc:${e}`, `bcc:${e}`]);
  return `(${parts.join(' OR ')})`;
}

async function listIds(ctx: ConnectorContext, q: string): Promise<string[]> {
  const ids: string[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await ctx.http.request('GET', `${base}/messages`, {
      query: { q, maxResults: 500, includeSpamTrash: true, pageToken },
      schema: listSchema,
    });
    ids.push(...(data!.messages ?? []).map((m) => m.id));
    pageToken = data!.nextPageToken;
  } while (pageToken);
  return ids;
}

async function find(ctx: ConnectorContext, identities: Identity[], extra = ''): Promise<FoundItem[]> {
  if (emailsOf(identities).length === 0) return [];
  const q = roleQuery(identities) + extra;
  const held = new Set(await listIds(ctx, `label:${HOLD_TAG} ${q}`));
  return (await listIds(ctx, q)).map((id) => ({
    tool: 'gmail',
    kind: 'message' as const,
    id,
    role: 'author' as const,
    held: held.has(id),
  }));
}

/**
 * Gmail's message list carries no dates, so each expired message is dated from `format=minimal`
 * (its internalDate: when Gmail received it; 5 quota units each). Retention dates then come from Gmail
 * itself, not from when the panel happened to see the message.
 */
async function withReceivedDates(ctx: ConnectorContext, items: FoundItem[]): Promise<FoundItem[]> {
  const out: FoundItem[] = [];
  for (const item of items) {
    let data: { internalDate?: string } | undefined;
    try {
      ({ data } = await ctx.http.request('GET', `${base}/messages/${encodeURIComponent(item.id)}`, {
        query: { format: 'minimal' },
        schema: minimalMessageSchema,
      }));
    } catch (error) {
      // Deleted since the list was read: nothing left to keep or clean up.
      if (error instanceof ConnectorError && error.status === 404) continue;
      throw error;
    }
    const at = data?.internalDate === undefined ? undefined : Number(data.internalDate);
    out.push(at === undefined ? item : { ...item, updatedAt: at });
  }
  return out;
}

async function holdLabelId(ctx: ConnectorContext): Promise<string> {
  const { data } = await ctx.http.request('GET', `${base}/labels`, { schema: labelsSchema });
  const existing = data!.labels?.find((l) => l.name === HOLD_TAG);
  if (existing) return existing.id;
  const created = await ctx.http.request('POST', `${base}/labels`, { body: { name: HOLD_TAG }, schema: labelSchema });
  return created.data!.id;
}

export const gmail = defineConnector({
  id: 'gmail',
  label: 'Gmail',
  auth: {
    kind: 'oauth2',
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    scopes: ['https://mail.google.com/'],
    flow: 'implicit',
  },
  processing: { regions: ['US', 'EU'], legalGround: 'dpf', backupHorizonDays: 60 },
  limits: {
    requestsPerMinute: 15_000,
    bulk: { batchDelete: BULK, list: 500 },
    costOf: (method, path) => (path.endsWith('/batchDelete') ? 50 : method === 'GET' ? 5 : 5),
  },
  capabilities: { find: true, collect: true, erase: 'permanent', holds: true, retention: true },
  apiHosts: connectorApiHostsByTool.gmail,
  baseUrl: () => 'https://gmail.googleapis.com',
  authHeaders: (c) => ({ authorization: `Bearer ${c.secret.accessToken ?? ''}` }),

  find: async (ctx, identities) => ({ tool: 'gmail', items: await find(ctx, identities) }),

  async collect(ctx, found) {
    const out = [];
    for (const item of found.items) {
      const { data } = await ctx.http.request('GET', `${base}/messages/${item.id}`, {
        query: { format: 'raw' },
        schema: rawMessageSchema,
      });
      out.push({ id: item.id, kind: 'message-mime', data });
    }
    return out;
  },

  planErasure(found) {
    return bulkErasurePlan(found, {
      tool: 'gmail',
      action: 'messages.batchDelete',
      kind: 'message',
      size: BULK,
      permanenceNote: 'Messages and their attachments are deleted permanently (not moved to Trash).',
    });
  },

  async readHolds(ctx, step) {
    const wanted = new Set(step.ids);
    return new Set((await listIds(ctx, `label:${HOLD_TAG}`)).filter((id) => wanted.has(id)));
  },

  async eraseStep(ctx, step) {
    await ctx.http.request('POST', `${base}/messages/batchDelete`, { body: { ids: step.ids } });
    return { erased: step.ids, alreadyGone: [] };
  },

  async writeHold(ctx, item, held) {
    const labelId = await holdLabelId(ctx);
    await ctx.http.request('POST', `${base}/messages/${item.id}/modify`, {
      body: held ? { addLabelIds: [labelId] } : { removeLabelIds: [labelId] },
    });
  },

  async verify(ctx, identities, items) {
    const wanted = new Set(items.map((i) => i.id));
    return { remaining: (await listIds(ctx, roleQuery(identities))).filter((id) => wanted.has(id)) };
  },

  async listExpired(ctx, identities, before) {
    const day = new Date(before).toISOString().slice(0, 10).replace(/-/g, '/');
    return withReceivedDates(ctx, await find(ctx, identities, ` before:${day}`));
  },
});

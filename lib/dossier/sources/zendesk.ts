/**
 * Zendesk: the customer's user records (profile), their tickets (from `find`, by role), each ticket's
 * comments as `collect` returned them (private comments are internal notes), and the comments'
 * attachments, streamed from their content URLs. Authors' names come from `GET /api/v2/users/{id}`,
 * once per author.
 */
import { z } from 'zod';
import type { ConnectorContext } from '../../connectors/define-connector';
import type { DossierMessage, Profile } from '../dossier-schema';
import type { AttachmentSource } from '../types';
import { conversationsOf, fieldsOf, isoOf, type DossierSource } from './types';

const userSchema = z.object({
  user: z
    .object({
      id: z.number(),
      name: z.string().nullish(),
      email: z.string().nullish(),
      phone: z.string().nullish(),
      created_at: z.string().nullish(),
    })
    .passthrough(),
});
type User = z.infer<typeof userSchema>['user'];

const commentSchema = z.object({
  id: z.number(),
  author_id: z.number(),
  public: z.boolean().default(true),
  plain_body: z.string().nullish(),
  body: z.string().nullish(),
  created_at: z.string(),
  attachments: z
    .array(
      z.object({
        id: z.number(),
        file_name: z.string(),
        content_url: z.string(),
        content_type: z.string().nullish(),
      }),
    )
    .default([]),
});
const commentsSchema = z.array(commentSchema);

async function usersById(ctx: ConnectorContext, ids: number[]): Promise<Map<number, User>> {
  const out = new Map<number, User>();
  for (const id of ids) {
    const { data } = await ctx.http.request('GET', `/api/v2/users/${id}`, { schema: userSchema, allow404: true });
    if (data) out.set(id, data.user);
  }
  return out;
}

export const zendeskSource: DossierSource = async ({ tool, ctx, found, collect, download }) => {
  const records = await collect();
  const customerIds = new Set(found.items.filter((i) => i.kind === 'user').map((i) => Number(i.id)));
  const comments = records
    .filter((r) => r.kind === 'ticket-comments')
    .map((r) => ({ ticketId: r.id, comments: commentsSchema.parse(r.data) }));
  const authorIds = new Set(comments.flatMap((t) => t.comments.map((c) => c.author_id)));
  const users = await usersById(ctx, [...new Set([...customerIds, ...authorIds])]);

  const profiles: Profile[] = [...customerIds].flatMap((id) => {
    const u = users.get(id);
    if (!u) return [];
    return [
      {
        toolRecordId: String(u.id),
        name: u.name ?? undefined,
        emails: u.email ? [u.email] : [],
        phones: u.phone ? [u.phone] : [],
        createdAt: isoOf(u.created_at),
        fields: fieldsOf(u, ['id', 'name', 'email', 'phone', 'created_at', 'url']),
      },
    ];
  });

  const conversations = conversationsOf(tool, found, ['ticket']);

  const messages: DossierMessage[] = [];
  const attachments: AttachmentSource[] = [];
  for (const { ticketId, comments: list } of comments) {
    for (const c of list) {
      const author = users.get(c.author_id);
      const messageId = `${tool}:${ticketId}/${c.id}`;
      messages.push({
        id: messageId,
        conversationId: `${tool}:${ticketId}`,
        tool,
        toolRecordId: String(c.id),
        author: {
          name: author?.name ?? undefined,
          email: author?.email ?? undefined,
          toolRecordId: String(c.author_id),
        },
        fromCustomer: customerIds.has(c.author_id),
        internal: !c.public,
        sentAt: isoOf(c.created_at) ?? new Date(0).toISOString(),
        text: c.plain_body ?? c.body ?? '',
      });
      for (const a of c.attachments)
        attachments.push({
          id: `${tool}:attachment/${a.id}`,
          messageId,
          conversationId: `${tool}:${ticketId}`,
          tool,
          originalName: a.file_name,
          contentType: a.content_type ?? 'application/octet-stream',
          open: () => download(a.content_url),
        });
    }
  }
  return { profiles, conversations, messages, attachments };
};

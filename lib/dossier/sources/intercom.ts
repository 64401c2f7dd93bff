/**
 * Intercom (API 2.14): the contact (profile), the conversations `find` gave, and each conversation as
 * `collect` returned it (`GET /conversations/{id}`): its `source` (the first message) and its
 * conversation parts (Intercom returns up to 500 parts there). Parts of type `note` are internal notes;
 * parts without a body (assignments, open/close events) are left out. Parts by a user or lead whose id
 * is the customer's contact are the customer's. Attachments are streamed from their URLs (Intercom's
 * file host, fetched without our credentials).
 */
import { z } from 'zod';
import type { DossierMessage, Profile } from '../dossier-schema';
import type { AttachmentSource } from '../types';
import { bodyText } from './html-text';
import { conversationsOf, fieldsOf, isoOf, recordsOf, type DossierSource } from './types';

const contactSchema = z
  .object({
    id: z.string(),
    name: z.string().nullish(),
    email: z.string().nullish(),
    phone: z.string().nullish(),
    created_at: z.number().nullish(),
  })
  .passthrough();

const author = z
  .object({
    type: z.string().nullish(),
    id: z.string().nullish(),
    name: z.string().nullish(),
    email: z.string().nullish(),
  })
  .passthrough()
  .nullish();
const attachment = z.object({
  name: z.string(),
  url: z.string(),
  content_type: z.string().nullish(),
});
const partSchema = z.object({
  id: z.string(),
  part_type: z.string().nullish(),
  body: z.string().nullish(),
  created_at: z.number().nullish(),
  author,
  attachments: z.array(attachment).nullish(),
});
const conversationSchema = z.object({
  id: z.string(),
  created_at: z.number().nullish(),
  source: z
    .object({ id: z.string(), body: z.string().nullish(), author, attachments: z.array(attachment).nullish() })
    .nullish(),
  conversation_parts: z.object({ conversation_parts: z.array(partSchema) }).nullish(),
});

const CUSTOMER_TYPES = new Set(['user', 'lead', 'contact']);

export const intercomSource: DossierSource = async (input) => {
  const { tool, ctx, found, download } = input;
  const contactIds = new Set(found.items.filter((i) => i.kind === 'contact').map((i) => i.id));
  const profiles: Profile[] = [];
  for (const id of contactIds) {
    const { data: c } = await ctx.http.request('GET', `/contacts/${encodeURIComponent(id)}`, {
      schema: contactSchema,
      allow404: true,
    });
    if (!c) continue;
    profiles.push({
      toolRecordId: c.id,
      name: c.name ?? undefined,
      emails: c.email ? [c.email] : [],
      phones: c.phone ? [c.phone] : [],
      createdAt: isoOf(c.created_at ? c.created_at * 1000 : undefined),
      fields: fieldsOf(c, ['id', 'name', 'email', 'phone', 'created_at', 'type']),
    });
  }
  const conversations = conversationsOf(tool, found, ['conversation']);

  const messages: DossierMessage[] = [];
  const attachments: AttachmentSource[] = [];
  for (const record of await recordsOf(input, 'conversation')) {
    const v = conversationSchema.parse(record.data);
    const conversationId = `${tool}:${v.id}`;
    const parts = [
      ...(v.source ? [{ ...v.source, part_type: 'comment', created_at: v.created_at }] : []),
      ...(v.conversation_parts?.conversation_parts ?? []),
    ];
    for (const p of parts) {
      const files = p.attachments ?? [];
      if (!p.body && files.length === 0) continue;
      const messageId = `${tool}:${v.id}/${p.id}`;
      const byCustomer = CUSTOMER_TYPES.has(p.author?.type ?? '') && contactIds.has(p.author?.id ?? '');
      messages.push({
        id: messageId,
        conversationId,
        tool,
        toolRecordId: p.id,
        author: {
          name: p.author?.name ?? undefined,
          email: p.author?.email || undefined,
          toolRecordId: p.author?.id ?? undefined,
        },
        fromCustomer: byCustomer && p.part_type !== 'note',
        internal: p.part_type === 'note',
        sentAt: isoOf(p.created_at ? p.created_at * 1000 : undefined) ?? new Date(0).toISOString(),
        text: bodyText(p.body),
      });
      files.forEach((a, index) =>
        attachments.push({
          id: `${tool}:attachment/${p.id}/${index}`,
          messageId,
          conversationId,
          tool,
          originalName: a.name,
          contentType: a.content_type ?? 'application/octet-stream',
          open: () => download(a.url),
        }),
      );
    }
  }
  return { profiles, conversations, messages, attachments };
};

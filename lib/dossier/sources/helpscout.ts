/**
 * Help Scout (Mailbox API v2): the customer records (profile, with their emails and phones), the
 * conversations `find` gave by role, every thread of each conversation (`GET
 * /v2/conversations/{id}/threads`, all pages), and the threads' attachments from the attachment data
 * endpoint. Thread types: `customer` is the customer's, `note` an internal note, `message` (and chat,
 * phone) an agent's; `lineitem` threads are status changes without a body and are left out.
 */
import { z } from 'zod';
import type { DossierMessage, Profile } from '../dossier-schema';
import type { AttachmentSource } from '../types';
import { bodyText } from './html-text';
import { jsonBase64File } from './json-attachment';
import { conversationsOf, fieldsOf, isoOf, type DossierSource } from './types';

const customerSchema = z
  .object({
    id: z.number(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    createdAt: z.string().nullish(),
    _embedded: z
      .object({
        emails: z.array(z.object({ value: z.string() }).passthrough()).default([]),
        phones: z.array(z.object({ value: z.string() }).passthrough()).default([]),
      })
      .partial()
      .optional(),
  })
  .passthrough();

const person = z
  .object({
    id: z.number().nullish(),
    type: z.string().nullish(),
    email: z.string().nullish(),
    first: z.string().nullish(),
    last: z.string().nullish(),
  })
  .passthrough();

const threadSchema = z.object({
  id: z.number(),
  type: z.string(),
  body: z.string().nullish(),
  createdAt: z.string().nullish(),
  createdBy: person.nullish(),
  _embedded: z
    .object({
      attachments: z
        .array(z.object({ id: z.number(), filename: z.string(), mimeType: z.string().nullish() }).passthrough())
        .default([]),
    })
    .partial()
    .nullish(),
});
const threadsPageSchema = z.object({
  _embedded: z
    .object({ threads: z.array(threadSchema) })
    .partial()
    .optional(),
  page: z.object({ totalPages: z.number() }).partial().optional(),
});

export const helpscoutSource: DossierSource = async ({ tool, ctx, found }) => {
  const profiles: Profile[] = [];
  for (const item of found.items.filter((i) => i.kind === 'contact')) {
    const { data: c } = await ctx.http.request('GET', `/v2/customers/${item.id}`, {
      schema: customerSchema,
      allow404: true,
    });
    if (!c) continue;
    profiles.push({
      toolRecordId: String(c.id),
      name: [c.firstName, c.lastName].filter(Boolean).join(' ') || undefined,
      emails: (c._embedded?.emails ?? []).map((e) => e.value),
      phones: (c._embedded?.phones ?? []).map((p) => p.value),
      createdAt: isoOf(c.createdAt),
      fields: fieldsOf(c, ['id', 'firstName', 'lastName', 'createdAt', '_embedded', '_links']),
    });
  }
  const customerIds = new Set(found.items.filter((i) => i.kind === 'contact').map((i) => Number(i.id)));
  const conversations = conversationsOf(tool, found, ['conversation']);

  const messages: DossierMessage[] = [];
  const attachments: AttachmentSource[] = [];
  for (const conversation of conversations) {
    const id = conversation.toolRecordId;
    for (let page = 1, total = 1; page <= total; page += 1) {
      const { data } = await ctx.http.request('GET', `/v2/conversations/${id}/threads`, {
        query: page > 1 ? { page } : undefined,
        schema: threadsPageSchema,
        allow404: true,
      });
      total = data?.page?.totalPages ?? 1;
      for (const t of data?._embedded?.threads ?? []) {
        if (t.type === 'lineitem') continue;
        const by = t.createdBy;
        const messageId = `${tool}:${id}/${t.id}`;
        const fromCustomer =
          t.type === 'customer' && (by?.id === undefined || by.id === null || customerIds.has(by.id));
        messages.push({
          id: messageId,
          conversationId: conversation.id,
          tool,
          toolRecordId: String(t.id),
          author: {
            name: [by?.first, by?.last].filter(Boolean).join(' ') || undefined,
            email: by?.email ?? undefined,
            toolRecordId: by?.id === undefined || by.id === null ? undefined : String(by.id),
          },
          fromCustomer,
          internal: t.type === 'note',
          sentAt: isoOf(t.createdAt) ?? new Date(0).toISOString(),
          text: bodyText(t.body),
        });
        for (const a of t._embedded?.attachments ?? [])
          attachments.push({
            id: `${tool}:attachment/${a.id}`,
            messageId,
            conversationId: conversation.id,
            tool,
            originalName: a.filename,
            contentType: a.mimeType ?? 'application/octet-stream',
            open: jsonBase64File(ctx, `/v2/conversations/${id}/attachments/${a.id}/data`, 'base64'),
          });
      }
    }
  }
  return { profiles, conversations, messages, attachments };
};

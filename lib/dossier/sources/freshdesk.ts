/**
 * Freshdesk: the customer's contact records (profile), their tickets (from `find`), each ticket's
 * conversations as `collect` returned them (`private` ones are internal notes; `incoming` ones or
 * those by the contact are the customer's), and the attachments, streamed from `attachment_url`.
 */
import { z } from 'zod';
import type { DossierMessage, Profile } from '../dossier-schema';
import type { AttachmentSource } from '../types';
import { conversationsOf, fieldsOf, isoOf, type DossierSource } from './types';

const contactSchema = z
  .object({
    id: z.number(),
    name: z.string().nullish(),
    email: z.string().nullish(),
    phone: z.string().nullish(),
    mobile: z.string().nullish(),
    other_emails: z.array(z.string()).nullish(),
    created_at: z.string().nullish(),
  })
  .passthrough();

const conversationSchema = z.object({
  id: z.number(),
  body_text: z.string().nullish(),
  incoming: z.boolean().default(false),
  private: z.boolean().default(false),
  user_id: z.number().nullish(),
  from_email: z.string().nullish(),
  created_at: z.string(),
  attachments: z
    .array(
      z.object({ id: z.number(), name: z.string(), content_type: z.string().nullish(), attachment_url: z.string() }),
    )
    .default([]),
});

export const freshdeskSource: DossierSource = async ({ tool, ctx, found, collect, download }) => {
  const records = await collect();
  const contactIds = found.items.filter((i) => i.kind === 'contact').map((i) => i.id);
  const profiles: Profile[] = [];
  for (const id of contactIds) {
    const { data: c } = await ctx.http.request('GET', `/api/v2/contacts/${id}`, {
      schema: contactSchema,
      allow404: true,
    });
    if (!c) continue;
    profiles.push({
      toolRecordId: String(c.id),
      name: c.name ?? undefined,
      emails: [c.email, ...(c.other_emails ?? [])].filter((e): e is string => Boolean(e)),
      phones: [c.phone, c.mobile].filter((p): p is string => Boolean(p)),
      createdAt: isoOf(c.created_at),
      fields: fieldsOf(c, ['id', 'name', 'email', 'other_emails', 'phone', 'mobile', 'created_at']),
    });
  }
  const customerIds = new Set(contactIds.map(Number));
  const customerEmails = new Set(profiles.flatMap((p) => p.emails.map((e) => e.toLowerCase())));

  const conversations = conversationsOf(tool, found, ['ticket']);

  const messages: DossierMessage[] = [];
  const attachments: AttachmentSource[] = [];
  for (const record of records.filter((r) => r.kind === 'ticket-conversations')) {
    for (const c of z.array(conversationSchema).parse(record.data)) {
      const messageId = `${tool}:${record.id}/${c.id}`;
      const byCustomer =
        (c.user_id !== null && c.user_id !== undefined && customerIds.has(c.user_id)) ||
        (c.from_email ? customerEmails.has(c.from_email.toLowerCase()) : false);
      messages.push({
        id: messageId,
        conversationId: `${tool}:${record.id}`,
        tool,
        toolRecordId: String(c.id),
        author: { email: c.from_email ?? undefined, toolRecordId: c.user_id ? String(c.user_id) : undefined },
        fromCustomer: !c.private && byCustomer,
        internal: c.private,
        sentAt: isoOf(c.created_at) ?? new Date(0).toISOString(),
        text: c.body_text ?? '',
      });
      for (const a of c.attachments)
        attachments.push({
          id: `${tool}:attachment/${a.id}`,
          messageId,
          conversationId: `${tool}:${record.id}`,
          tool,
          originalName: a.name,
          contentType: a.content_type ?? 'application/octet-stream',
          open: () => download(a.attachment_url),
        });
    }
  }
  return { profiles, conversations, messages, attachments };
};

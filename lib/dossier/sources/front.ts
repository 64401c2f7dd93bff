/**
 * Front: the customer's contact (profile, with its handles), their conversations (from `find`), each
 * conversation's messages as `collect` returned them (inbound messages from one of the customer's
 * handles are theirs; Front keeps internal comments apart, and `collect` does not read them), and the
 * attachments, streamed from their download URLs.
 */
import { z } from 'zod';
import type { DossierMessage, Profile } from '../dossier-schema';
import type { AttachmentSource } from '../types';
import { conversationsOf, fieldsOf, isoOf, type DossierSource } from './types';

const contactSchema = z
  .object({
    id: z.string(),
    name: z.string().nullish(),
    handles: z.array(z.object({ handle: z.string(), source: z.string() })).default([]),
  })
  .passthrough();

const messageSchema = z.object({
  id: z.string(),
  type: z.string().nullish(),
  is_inbound: z.boolean(),
  created_at: z.number(),
  author: z
    .object({
      id: z.string(),
      email: z.string().nullish(),
      first_name: z.string().nullish(),
      last_name: z.string().nullish(),
    })
    .nullish(),
  recipients: z.array(z.object({ handle: z.string(), role: z.string(), name: z.string().nullish() })).default([]),
  text: z.string().nullish(),
  attachments: z
    .array(z.object({ id: z.string(), filename: z.string(), url: z.string(), content_type: z.string().nullish() }))
    .default([]),
});

export const frontSource: DossierSource = async ({ tool, ctx, found, collect, download }) => {
  const records = await collect();
  const profiles: Profile[] = [];
  for (const item of found.items.filter((i) => i.kind === 'contact')) {
    const { data: c } = await ctx.http.request('GET', `/contacts/${encodeURIComponent(item.id)}`, {
      schema: contactSchema,
      allow404: true,
    });
    if (!c) continue;
    profiles.push({
      toolRecordId: c.id,
      name: c.name ?? undefined,
      emails: c.handles.filter((h) => h.source === 'email').map((h) => h.handle),
      phones: c.handles.filter((h) => h.source === 'phone').map((h) => h.handle),
      fields: fieldsOf(c, ['id', 'name', 'handles', '_links']),
    });
  }
  const handles = new Set(profiles.flatMap((p) => [...p.emails, ...p.phones].map((h) => h.toLowerCase())));

  const conversations = conversationsOf(tool, found, ['conversation']);

  const messages: DossierMessage[] = [];
  const attachments: AttachmentSource[] = [];
  for (const record of records.filter((r) => r.kind === 'conversation-messages')) {
    for (const m of z.array(messageSchema).parse(record.data)) {
      const from = m.recipients.find((r) => r.role === 'from');
      const messageId = `${tool}:${record.id}/${m.id}`;
      const agentName = [m.author?.first_name, m.author?.last_name].filter(Boolean).join(' ');
      messages.push({
        id: messageId,
        conversationId: `${tool}:${record.id}`,
        tool,
        toolRecordId: m.id,
        author: m.author
          ? { name: agentName || undefined, email: m.author.email ?? undefined, toolRecordId: m.author.id }
          : { name: from?.name ?? undefined, email: from?.handle },
        fromCustomer: m.is_inbound && from !== undefined && handles.has(from.handle.toLowerCase()),
        internal: false,
        sentAt: isoOf(m.created_at * 1000) ?? new Date(0).toISOString(),
        text: m.text ?? '',
      });
      for (const a of m.attachments)
        attachments.push({
          id: `${tool}:attachment/${a.id}`,
          messageId,
          conversationId: `${tool}:${record.id}`,
          tool,
          originalName: a.filename,
          contentType: a.content_type ?? 'application/octet-stream',
          open: () => download(a.url),
        });
    }
  }
  return { profiles, conversations, messages, attachments };
};

/**
 * Outlook (Microsoft Graph): every message `find` gave, read with the fields the dossier needs
 * (`GET /users/{mailbox}/messages/{id}?$select=…`: body, sender, recipients, dates, conversation),
 * grouped into conversations by Graph's `conversationId`. Attachments are listed per message
 * (`GET …/messages/{id}/attachments?$select=id,name,contentType,size`, without their bytes) and each
 * file is streamed from `…/attachments/{id}/$value` when the ZIP writes it, never decoded from
 * `contentBytes`. Link attachments (files on OneDrive) have no bytes here: they are named as missing.
 */
import { z } from 'zod';
import type { DossierConversation, DossierMessage } from '../dossier-schema';
import type { AttachmentSource } from '../types';
import { bodyText } from './html-text';
import { isoOf, joinThread, unavailable, type DossierSource } from './types';

const SELECT =
  'id,subject,body,from,toRecipients,ccRecipients,sentDateTime,receivedDateTime,hasAttachments,conversationId';

const recipient = z.object({
  emailAddress: z.object({ name: z.string().nullish(), address: z.string().nullish() }).nullish(),
});
const messageSchema = z.object({
  id: z.string(),
  subject: z.string().nullish(),
  body: z.object({ contentType: z.string().nullish(), content: z.string().nullish() }).nullish(),
  from: recipient.nullish(),
  toRecipients: z.array(recipient).nullish(),
  ccRecipients: z.array(recipient).nullish(),
  sentDateTime: z.string().nullish(),
  receivedDateTime: z.string().nullish(),
  hasAttachments: z.boolean().nullish(),
  conversationId: z.string().nullish(),
});
const attachmentsSchema = z.object({
  value: z.array(
    z.object({
      '@odata.type': z.string().optional(),
      id: z.string(),
      name: z.string().nullish(),
      contentType: z.string().nullish(),
    }),
  ),
});

const addresses = (list: z.infer<typeof recipient>[] | null | undefined) =>
  (list ?? []).map((r) => r.emailAddress?.address?.toLowerCase()).filter((a): a is string => Boolean(a));

export const outlookSource: DossierSource = async ({ tool, ctx, found, identities, download, baseUrl }) => {
  const own = new Set(identities.filter((i) => i.kind === 'email').map((i) => i.value.trim().toLowerCase()));
  const mailbox = `/users/${encodeURIComponent(ctx.connection.account)}`;
  const conversations = new Map<string, DossierConversation>();
  const messages: DossierMessage[] = [];
  const attachments: AttachmentSource[] = [];

  for (const item of found.items.filter((i) => i.kind === 'message')) {
    const path = `${mailbox}/messages/${encodeURIComponent(item.id)}`;
    const { data: m } = await ctx.http.request('GET', path, {
      query: { $select: SELECT },
      schema: messageSchema,
      allow404: true,
    });
    if (!m) continue;
    const sender = addresses(m.from ? [m.from] : []);
    const fromCustomer = sender.some((a) => own.has(a));
    const role = fromCustomer
      ? 'author'
      : addresses(m.toRecipients).some((a) => own.has(a))
        ? 'recipient'
        : addresses(m.ccRecipients).some((a) => own.has(a))
          ? 'cc'
          : item.role;
    const at = isoOf(m.sentDateTime ?? m.receivedDateTime);
    const threadId = m.conversationId ?? m.id;
    const conversationId = joinThread(conversations, {
      tool,
      threadId,
      subject: m.subject ?? undefined,
      role,
      at,
      held: item.held,
    });
    const messageId = `${tool}:${m.id}`;
    const content = m.body?.content ?? '';
    messages.push({
      id: messageId,
      conversationId,
      tool,
      toolRecordId: m.id,
      author: { name: m.from?.emailAddress?.name ?? undefined, email: sender[0] },
      fromCustomer,
      internal: false,
      sentAt: at ?? new Date(0).toISOString(),
      text: m.body?.contentType?.toLowerCase() === 'html' ? bodyText(content) : content,
    });
    if (!m.hasAttachments) continue;
    const { data: list } = await ctx.http.request('GET', `${path}/attachments`, {
      query: { $select: 'id,name,contentType,size' },
      schema: attachmentsSchema,
      allow404: true,
    });
    for (const a of list?.value ?? []) {
      const isLink = a['@odata.type'] === '#microsoft.graph.referenceAttachment';
      attachments.push({
        id: `${tool}:attachment/${m.id}/${a.id}`,
        messageId,
        conversationId,
        tool,
        originalName: a.name ?? 'attachment',
        contentType: a.contentType ?? 'application/octet-stream',
        open: isLink
          ? unavailable(
              'Outlook: a link to a file stored elsewhere (OneDrive or SharePoint), not a file in the message',
            )
          : () => download(`${baseUrl}${path}/attachments/${encodeURIComponent(a.id)}/$value`),
      });
    }
  }
  return {
    profiles: [],
    conversations: [...conversations.values()],
    messages,
    attachments,
    recordCount: messages.length,
  };
};

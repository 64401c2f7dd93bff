/**
 * Gmail (the shared support mailbox): every message `find` gave, read with `format=full` (see
 * gmail-payload.ts for why not raw MIME), grouped into conversations by thread. The customer's
 * messages are those From one of their addresses; the role is read from the headers (From: author,
 * To: recipient, Cc: cc). Attachments come from `messages.attachments.get` one at a time, when the ZIP
 * writes them. A mailbox has no customer profile.
 */
import { z } from 'zod';
import type { DossierConversation, DossierMessage } from '../dossier-schema';
import type { AttachmentSource } from '../types';
import { base64Chunks, decodeBase64Text } from './base64-chunks';
import { addressesOf, displayNameOf, gmailMessageSchema, readPayload } from './gmail-payload';
import { htmlToText } from './html-text';
import { jsonBase64File } from './json-attachment';
import { isoOf, joinThread, type DossierSource } from './types';

const base = '/gmail/v1/users/me';
const dataSchema = z.object({ data: z.string() });

export const gmailSource: DossierSource = async ({ tool, ctx, found, identities }) => {
  const own = new Set(identities.filter((i) => i.kind === 'email').map((i) => i.value.trim().toLowerCase()));
  const conversations = new Map<string, DossierConversation>();
  const messages: DossierMessage[] = [];
  const attachments: AttachmentSource[] = [];

  for (const item of found.items.filter((i) => i.kind === 'message')) {
    const { data: m } = await ctx.http.request('GET', `${base}/messages/${encodeURIComponent(item.id)}`, {
      query: { format: 'full' },
      schema: gmailMessageSchema,
      allow404: true,
    });
    if (!m) continue;
    const read = readPayload(m.payload);
    let text = read.text;
    for (const part of read.textParts) {
      const { data } = await ctx.http.request(
        'GET',
        `${base}/messages/${encodeURIComponent(m.id)}/attachments/${encodeURIComponent(part.attachmentId)}`,
        { schema: dataSchema },
      );
      const body = decodeBase64Text(data!.data, part.charset);
      text = [text, part.html ? htmlToText(body) : body].filter(Boolean).join('\n\n');
    }
    const from = read.headers.get('from');
    const sender = addressesOf(from);
    const role = sender.some((a) => own.has(a))
      ? 'author'
      : addressesOf(read.headers.get('to')).some((a) => own.has(a))
        ? 'recipient'
        : addressesOf(read.headers.get('cc')).some((a) => own.has(a))
          ? 'cc'
          : item.role;
    const at = isoOf(m.internalDate ? Number(m.internalDate) : read.headers.get('date'));
    const conversationId = joinThread(conversations, {
      tool,
      threadId: m.threadId,
      subject: read.headers.get('subject'),
      role,
      at,
      held: item.held,
    });
    const messageId = `${tool}:${m.threadId}/${m.id}`;
    messages.push({
      id: messageId,
      conversationId,
      tool,
      toolRecordId: m.id,
      author: { name: displayNameOf(from), email: sender[0] },
      fromCustomer: sender.some((a) => own.has(a)),
      internal: false,
      sentAt: at ?? new Date(0).toISOString(),
      text,
    });
    for (const file of read.files) {
      const inline = file.data;
      attachments.push({
        id: `${tool}:attachment/${m.id}/${file.partId}`,
        messageId,
        conversationId,
        tool,
        originalName: file.name,
        contentType: file.contentType,
        open: file.attachmentId
          ? jsonBase64File(
              ctx,
              `${base}/messages/${encodeURIComponent(m.id)}/attachments/${encodeURIComponent(file.attachmentId)}`,
              'base64url',
            )
          : async function* () {
              yield* base64Chunks(inline ?? '', 'base64url');
            },
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

/**
 * Reads a Gmail message as `users.messages.get?format=full` returns it: Gmail has already parsed the
 * MIME into a tree of parts (headers, mimeType, filename, body with base64url `data` or an
 * `attachmentId`). We walk that tree: text/plain bodies are the message's text (text/html only when no
 * plain part exists, converted to text), parts with a file name or an `attachmentId` are attachments.
 * Why not `format=raw` with a MIME parser (postal-mime): the raw message carries every attachment
 * inline, so each message would be held whole in memory (a 25 MB message as ~34 MB of base64 text)
 * before the ZIP sees a byte; with `format=full` the bodies are small and each file is fetched on its
 * own, when the ZIP writes it.
 */
import { z } from 'zod';
import { decodeBase64Text } from './base64-chunks';
import { htmlToText } from './html-text';

export interface GmailPart {
  partId?: string;
  mimeType?: string;
  filename?: string;
  headers?: { name: string; value: string }[];
  body?: { size?: number; data?: string; attachmentId?: string };
  parts?: GmailPart[];
}

export const gmailPartSchema: z.ZodType<GmailPart> = z.lazy(() =>
  z.object({
    partId: z.string().optional(),
    mimeType: z.string().optional(),
    filename: z.string().optional(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
    body: z
      .object({ size: z.number().optional(), data: z.string().optional(), attachmentId: z.string().optional() })
      .optional(),
    parts: z.array(gmailPartSchema).optional(),
  }),
);

export const gmailMessageSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  labelIds: z.array(z.string()).optional(),
  internalDate: z.string().optional(),
  payload: gmailPartSchema.optional(),
});
export type GmailMessage = z.infer<typeof gmailMessageSchema>;

export interface GmailFile {
  partId: string;
  name: string;
  contentType: string;
  /** Fetched with `attachments.get` … */
  attachmentId?: string;
  /** … or small enough to be inline in the part (base64url). */
  data?: string;
}

export interface ReadMessage {
  headers: Map<string, string>;
  text: string;
  files: GmailFile[];
  /** Text bodies Gmail moved behind an attachmentId (very large ones): fetched like files, read as text. */
  textParts: { attachmentId: string; charset: string; html: boolean }[];
}

export function header(part: GmailPart | undefined, name: string): string | undefined {
  return part?.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

export function charsetOf(part: GmailPart): string {
  const type = header(part, 'Content-Type') ?? '';
  return /charset="?([^";\s]+)"?/i.exec(type)?.[1] ?? 'utf-8';
}

const isAttachment = (part: GmailPart) =>
  Boolean(part.filename) || /^\s*attachment/i.test(header(part, 'Content-Disposition') ?? '');

export function readPayload(payload: GmailPart | undefined): ReadMessage {
  const plain: string[] = [];
  const html: string[] = [];
  const files: GmailFile[] = [];
  const textParts: ReadMessage['textParts'] = [];
  const walk = (part: GmailPart) => {
    const type = (part.mimeType ?? '').toLowerCase();
    if (part.parts?.length) {
      part.parts.forEach(walk);
      return;
    }
    if (!isAttachment(part) && (type === 'text/plain' || type === 'text/html')) {
      if (part.body?.data)
        (type === 'text/plain' ? plain : html).push(decodeBase64Text(part.body.data, charsetOf(part)));
      else if (part.body?.attachmentId)
        textParts.push({ attachmentId: part.body.attachmentId, charset: charsetOf(part), html: type === 'text/html' });
      return;
    }
    if (part.body?.attachmentId || part.body?.data)
      files.push({
        partId: part.partId ?? String(files.length),
        name: part.filename || `part-${part.partId ?? files.length}`,
        contentType: part.mimeType || 'application/octet-stream',
        attachmentId: part.body.attachmentId,
        data: part.body.attachmentId ? undefined : part.body.data,
      });
  };
  if (payload) walk(payload);
  const headers = new Map((payload?.headers ?? []).map((h) => [h.name.toLowerCase(), h.value]));
  const text = plain.length ? plain.join('\n\n') : html.map(htmlToText).join('\n\n');
  return { headers, text, files, textParts };
}

/** The addresses in an address header (From, To, Cc), lower-cased. */
export function addressesOf(value: string | undefined): string[] {
  return [...(value ?? '').matchAll(/[^\s<>,;:"()]+@[^\s<>,;:"()]+/g)].map((m) => m[0].toLowerCase());
}

/** The display name in a From header ("Lotte Visser <lotte@…>"), when there is one. */
export function displayNameOf(value: string | undefined): string | undefined {
  const name = /^\s*"?([^"<]*?)"?\s*</.exec(value ?? '')?.[1]?.trim();
  return name || undefined;
}

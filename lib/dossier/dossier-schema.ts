/**
 * The dossier's data model: everything held about one customer, from every connected tool and from
 * the register, as one versioned, documented document (`dossier.json`). The JSON Schema shipped in
 * the ZIP (`dossier.schema.json`) is generated from these zod schemas, so the two cannot drift.
 * Times are ISO 8601 strings (UTC): readable by people and by every common tool.
 */
import { z } from 'zod';

/** Bump the major version when a field changes meaning or disappears; the minor when one is added. */
export const DOSSIER_SCHEMA_VERSION = '1.0.0';

const isoTime = z.iso.datetime().describe('A moment in time, ISO 8601 in UTC (e.g. 2026-03-01T09:30:00Z).');
const dossierId = z.string().min(1).describe('Identifier within this dossier: `<tool>:<the tool’s own id>`.');
const toolId = z.string().min(1).describe('The tool this record comes from (e.g. zendesk, gmail, helpscout).');

export const scopeSchema = z
  .enum(['access', 'portability'])
  .describe(
    'access: GDPR Art. 15, a copy of everything held. portability: GDPR Art. 20, only what the customer provided ' +
      '(their messages, profile and attachments; no internal notes, no agent messages, no register records).',
  );
export type DossierScope = z.infer<typeof scopeSchema>;

export const subjectIdentitySchema = z.object({
  kind: z.enum(['email', 'phone', 'handle']).describe('What kind of identifier this is.'),
  value: z.string().min(1).describe('The identifier, normalised (lower-cased email, E.164 phone, channel:handle).'),
});

export const profileSchema = z
  .object({
    toolRecordId: z.string().describe('The id of the customer’s record (user, contact, customer) in the tool.'),
    name: z.string().optional().describe('The name the tool holds for the customer.'),
    emails: z.array(z.string()).describe('Email addresses the tool holds for the customer.'),
    phones: z.array(z.string()).describe('Phone numbers the tool holds for the customer.'),
    createdAt: isoTime.optional().describe('When the tool created the customer’s record.'),
    fields: z
      .record(z.string(), z.string())
      .describe('Every other field of the record as the tool returns it (locale, time zone, tags, …), as text.'),
  })
  .describe('The customer’s profile as one tool holds it.');
export type Profile = z.infer<typeof profileSchema>;

export const toolSectionSchema = z
  .object({
    tool: toolId,
    label: z.string().describe('The tool’s name for people (e.g. Zendesk).'),
    account: z.string().optional().describe('The connected account (subdomain, mailbox, workspace).'),
    collectedAt: isoTime.describe('When the data was read from the tool.'),
    status: z
      .enum(['complete', 'failed'])
      .describe('complete: everything the tool returned is in this dossier; failed: the tool could not be read.'),
    error: z.string().optional().describe('Why the tool could not be read, for people.'),
    profiles: z.array(profileSchema).describe('The customer’s records in this tool (usually one).'),
    processing: z
      .object({
        regions: z.array(z.string()).describe('Where the tool processes data (ISO country codes or EU).'),
        legalGround: z.string().describe('The ground for transfers outside the EU (adequacy, dpf, sccs, none, eu).'),
      })
      .optional()
      .describe('Tool metadata: where this tool processes the data and on which ground (GDPR Art. 15(1)(c), 15(2)).'),
    recordCount: z.number().int().nonnegative().describe('How many records the tool returned for this customer.'),
  })
  .describe('One connected tool: its metadata and the customer’s profile there.');
export type ToolSection = z.infer<typeof toolSectionSchema>;

export const conversationSchema = z
  .object({
    id: dossierId,
    tool: toolId,
    toolRecordId: z.string().describe('The conversation’s id in the tool (ticket, thread, conversation).'),
    subject: z.string().optional().describe('The subject line.'),
    role: z
      .enum(['requester', 'cc', 'author', 'recipient', 'contact'])
      .optional()
      .describe('How the customer takes part: requester, in CC, author, recipient, contact.'),
    status: z.string().optional().describe('The conversation’s status in the tool (open, closed, …).'),
    createdAt: isoTime.optional().describe('When the conversation started.'),
    updatedAt: isoTime.optional().describe('When the conversation last changed.'),
    retentionDueAt: isoTime.optional().describe('When it is due for deletion under the retention policy.'),
    held: z.boolean().describe('True while the conversation is kept on purpose (a legal duty to retain).'),
  })
  .describe('A conversation (ticket, email thread, chat) the customer takes part in.');
export type DossierConversation = z.infer<typeof conversationSchema>;

export const messageSchema = z
  .object({
    id: dossierId,
    conversationId: z.string().describe('The `id` of the conversation this message belongs to.'),
    tool: toolId,
    toolRecordId: z.string().describe('The message’s (comment’s, thread’s) id in the tool.'),
    author: z
      .object({
        name: z.string().optional().describe('The author’s name as the tool shows it.'),
        email: z.string().optional().describe('The author’s email address, when the tool gives it.'),
        toolRecordId: z.string().optional().describe('The author’s id in the tool.'),
      })
      .describe('Who wrote the message.'),
    fromCustomer: z.boolean().describe('True when the customer wrote this message.'),
    internal: z.boolean().describe('True for an internal note that the customer never saw.'),
    sentAt: isoTime.describe('When the message was sent or written.'),
    text: z.string().describe('The message as plain text.'),
  })
  .describe('One message in a conversation.');
export type DossierMessage = z.infer<typeof messageSchema>;

export const attachmentSchema = z
  .object({
    id: dossierId,
    messageId: z.string().describe('The `id` of the message the file was attached to.'),
    conversationId: z.string().describe('The `id` of the conversation.'),
    tool: toolId,
    originalName: z.string().describe('The file name as the tool holds it.'),
    size: z.number().int().nonnegative().describe('Size in bytes.'),
    contentType: z.string().describe('The media type (MIME type) the tool gives.'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of the file’s bytes, lower-case hex.'),
    path: z.string().describe('Where the file is in this ZIP (under attachments/).'),
  })
  .describe('A file attached to a message; its bytes are in the ZIP.');
export type DossierAttachment = z.infer<typeof attachmentSchema>;

export const missingAttachmentSchema = z
  .object({
    id: dossierId,
    messageId: z.string().describe('The `id` of the message the file was attached to.'),
    tool: toolId,
    originalName: z.string().describe('The file name as the tool lists it.'),
    reason: z.string().describe('Why the file is not in the ZIP, for people.'),
  })
  .describe('A file the tool lists but would not hand over: named so the copy is honest about what it lacks.');

export const holdEntrySchema = z
  .object({
    id: z.string().describe('The hold’s id in the register.'),
    tool: z.string().describe('The tool holding the kept item.'),
    itemKind: z.string().describe('What is kept (conversation, message, contact, attachment).'),
    itemToolRecordId: z.string().describe('The kept item’s id in the tool.'),
    reason: z.string().describe('Why it is kept.'),
    legalGround: z.string().describe('The legal ground for keeping it (e.g. a statutory retention duty).'),
    by: z.string().describe('Who placed the hold.'),
    since: isoTime.describe('Kept since.'),
    until: isoTime.optional().describe('Kept until (absent: until released).'),
  })
  .describe('An item kept despite erasure or retention, and why.');

export const retentionEntrySchema = z
  .object({
    tool: z.string().describe('The tool holding the item.'),
    itemKind: z.string().describe('The item kind.'),
    itemToolRecordId: z.string().describe('The item’s id in the tool.'),
    firstSeen: isoTime.describe('When PrivacyDesk first saw the item.'),
    retentionDueAt: isoTime.optional().describe('When it is due for deletion (absent: no policy applies yet).'),
    held: z.boolean().describe('True while a hold keeps it.'),
  })
  .describe('How long an item is kept (GDPR Art. 15(1)(d)).');

export const requestEntrySchema = z
  .object({
    id: z.string().describe('The request’s id in the register.'),
    kind: z.enum(['access', 'erasure', 'portability']).describe('Which right was exercised.'),
    receivedAt: isoTime.describe('When the request was received.'),
    deadline: isoTime.describe('When it must be answered (GDPR Art. 12(3)).'),
    status: z.enum(['open', 'extended', 'closed']).describe('Its state.'),
    closedAt: isoTime.optional().describe('When it was answered.'),
  })
  .describe('A data-subject request made by or for this customer.');

export const auditEntrySchema = z
  .object({
    at: isoTime.describe('When it happened.'),
    action: z.string().describe('What was done (e.g. hold.added, request.access.closed).'),
    tool: z.string().optional().describe('The tool it concerned.'),
    count: z.number().int().nonnegative().optional().describe('How many items it concerned.'),
    result: z.enum(['ok', 'failed', 'partial']).describe('How it ended.'),
    detail: z.string().optional().describe('More detail, without personal data.'),
  })
  .describe('An entry of the audit log about this customer.');

export const registerSectionSchema = z
  .object({
    holds: z.array(holdEntrySchema),
    retention: z.array(retentionEntrySchema),
    requests: z.array(requestEntrySchema),
    audit: z.array(auditEntrySchema),
  })
  .describe('What PrivacyDesk’s own register holds about the customer (access scope only).');

export const dossierSchema = z
  .object({
    schemaVersion: z.literal(DOSSIER_SCHEMA_VERSION).describe('Version of this format (semantic versioning).'),
    generatedAt: isoTime.describe('When this dossier was produced.'),
    scope: scopeSchema,
    language: z.enum(['en', 'nl']).describe('Language of index.html.'),
    masking: z
      .object({
        applied: z.boolean().describe('True when other people’s personal data was masked (GDPR Art. 15(4)).'),
        masked: z.number().int().nonnegative().describe('How many values were masked.'),
      })
      .describe('Masking of other people’s personal data.'),
    subject: z
      .object({
        customerId: z.string().describe('The customer’s id in PrivacyDesk’s register.'),
        name: z.string().optional().describe('The customer’s name.'),
        identities: z.array(subjectIdentitySchema).describe('The customer’s email addresses, phone numbers, handles.'),
      })
      .describe('The person this dossier is about.'),
    tools: z.array(toolSectionSchema).describe('Every connected tool that was asked.'),
    conversations: z.array(conversationSchema),
    messages: z.array(messageSchema),
    attachments: z.array(attachmentSchema),
    missingAttachments: z.array(missingAttachmentSchema),
    register: registerSectionSchema.optional(),
  })
  .describe('PrivacyDesk dossier: what is held about one person (GDPR Art. 15 / Art. 20).');
export type Dossier = z.infer<typeof dossierSchema>;

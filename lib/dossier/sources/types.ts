/**
 * A dossier source turns what a connector's `collect` returned (records as the tool gives them) into
 * the dossier's records. One file per tool, like the connectors; tools without one get the generic
 * source, which lists the conversations found without their messages.
 */
import type { ConnectorContext } from '../../connectors/define-connector';
import { ConnectorError } from '../../connectors/errors';
import type { Found, Identity } from '../../connectors/types';
import type { DossierConversation, DossierMessage, Profile } from '../dossier-schema';
import type { AttachmentSource } from '../types';

export interface CollectedRecord {
  id: string;
  kind: string;
  data: unknown;
}

export interface SourceInput {
  tool: string;
  ctx: ConnectorContext;
  /** The customer's identities (to tell their messages from others' in a shared mailbox). */
  identities: Identity[];
  /** The tool's API base URL (files linked relative to it). */
  baseUrl: string;
  found: Found;
  /**
   * The connector's `collect` (records as the tool returns them). Lazy: a source that reads the tool
   * itself (Gmail and Outlook, to keep attachments out of the records) never calls it.
   */
  collect(): Promise<CollectedRecord[]>;
  /** Streams a file the tool links to (with the tool's auth, under its rate limit). */
  download(url: string): AsyncIterable<Uint8Array>;
}

export interface ToolCollection {
  profiles: Profile[];
  conversations: DossierConversation[];
  messages: DossierMessage[];
  attachments: AttachmentSource[];
  /** How many records the tool returned; by default the items found plus the messages. */
  recordCount?: number;
}

export type DossierSource = (input: SourceInput) => Promise<ToolCollection>;

/** Records of one kind from the connector's `collect`. */
export async function recordsOf(input: SourceInput, kind: string): Promise<CollectedRecord[]> {
  return (await input.collect()).filter((r) => r.kind === kind);
}

export const isoOf = (value: string | number | null | undefined): string | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
};

/** A record's remaining fields as text, for the profile's `fields`. */
export function fieldsOf(record: Record<string, unknown>, skip: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (skip.includes(key) || value === null || value === undefined) continue;
    out[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

/** The conversations a connector found (of the given kinds), as dossier records: id, subject, role, hold. */
export function conversationsOf(tool: string, found: Found, kinds: readonly string[]): DossierConversation[] {
  return found.items
    .filter((i) => kinds.includes(i.kind))
    .map((i) => ({
      id: `${tool}:${i.id}`,
      tool,
      toolRecordId: i.id,
      subject: i.title,
      role: i.role,
      updatedAt: isoOf(i.updatedAt),
      held: i.held,
    }));
}

/** A file the tool lists but cannot hand over: its reason shows in `missingAttachments`. */
export function unavailable(reason: string): () => AsyncIterable<Uint8Array> {
  return () => ({
    [Symbol.asyncIterator]: () => ({
      next: () => Promise.reject(new ConnectorError({ status: 0, retryable: false, userMessage: reason })),
    }),
  });
}

/**
 * A mail message (Gmail, Outlook) joins its thread's conversation: the first message creates it; later
 * ones widen its dates, mark it held if any message is, and make the customer its author if they wrote
 * any message of it.
 */
export function joinThread(
  conversations: Map<string, DossierConversation>,
  message: {
    tool: string;
    threadId: string;
    subject: string | undefined;
    role: DossierConversation['role'];
    at: string | undefined;
    held: boolean;
  },
): string {
  const { tool, threadId, subject, role, at, held } = message;
  const id = `${tool}:${threadId}`;
  const known = conversations.get(id);
  if (!known) {
    conversations.set(id, { id, tool, toolRecordId: threadId, subject, role, createdAt: at, updatedAt: at, held });
    return id;
  }
  known.held ||= held;
  if (at && (!known.updatedAt || at > known.updatedAt)) known.updatedAt = at;
  if (at && (!known.createdAt || at < known.createdAt)) known.createdAt = at;
  if (role === 'author') known.role = 'author';
  return id;
}

/**
 * The contract every site adapter fulfils: how to recognise a tool's conversation page and how to read the
 * open conversation (customer identities and messages) from its DOM. Adapters are plain functions over a
 * `Document`, free of React and of browser-extension APIs, so they run unchanged in happy-dom tests.
 */

/** The tools the panel understands, plus the generic reader the user starts on any other page. */
export type ToolId =
  'gmail' | 'outlook' | 'zendesk' | 'freshdesk' | 'helpscout' | 'front' | 'intercom' | 'meta' | 'generic';

export interface Customer {
  name: string;
  emails: string[];
  phones: string[];
  /** Social or channel handles (Instagram @name, Messenger profile id, WhatsApp number as handle, …). */
  handles: string[];
}

export interface ConversationMessage {
  /** The id the tool's API uses for this message when the page shows it, else a stable page-local id. */
  id: string;
  author: string;
  authorEmail?: string;
  fromCustomer: boolean;
  /** ISO 8601; null when the page shows no readable time for the message. */
  sentAt: string | null;
  /** Plain text (never HTML): scripts, styles and bidirectional control characters are removed. */
  text: string;
  /** An internal note that the customer never saw. */
  internal?: boolean;
}

export interface Conversation {
  tool: ToolId;
  /** The id the tool's API uses (Gmail hex thread id, Zendesk ticket id, Front cnv_…, …). */
  conversationId: string;
  url: string;
  subject: string;
  customer: Customer;
  messages: ConversationMessage[];
}

export type ReadFailureReason = 'layout-not-recognised' | 'no-conversation-open';

export type ReadResult =
  | { ok: true; conversation: Conversation }
  | {
      ok: false;
      reason: ReadFailureReason;
      /** Text for "Copy diagnostics": site, adapter version, failed selectors. Never page content. */
      diagnostics: string;
      failed: string[];
    };

export interface SelectorSpec {
  selector: string;
  /** How many elements the selector finds on the adapter's main fixture (checked by a test). */
  fixtureCount: number;
  /** A required selector that finds nothing makes the layout "not recognised". Default true. */
  required?: boolean;
}

export interface SliceOptions {
  /** Work at most this long before giving the page back (default 8 ms, well under the 50 ms long-task line). */
  sliceMs?: number;
  /** How to give the page back between slices (default `setTimeout(0)`). */
  yieldToPage?: () => Promise<void>;
  /** Checked after each pause: when false the read stops and resolves to null (the page moved on). */
  isCurrent?: () => boolean;
}

export interface HealthCheck {
  ok: boolean;
  failed: string[];
}

export interface SiteAdapter {
  id: ToolId;
  label: string;
  /** Bumped whenever selectors change; shown in diagnostics. */
  version: string;
  /** Content-script match patterns; empty for the generic reader (started via activeTab). */
  matches: readonly string[];
  /** Conversation URLs this adapter reads (tested against `isConversationUrl`). */
  exampleUrls: readonly string[];
  /** URLs of the same site that are not a single conversation (lists, settings). */
  nonConversationUrls: readonly string[];
  isConversationUrl(url: string): boolean;
  readConversation(doc: Document, url: string): ReadResult;
  /** The same read in slices of a few milliseconds, for long threads; null when cancelled via `isCurrent`. */
  readConversationInSlices(doc: Document, url: string, options?: SliceOptions): Promise<ReadResult | null>;
  selectors: Readonly<Record<string, SelectorSpec>>;
  healthCheck(doc: Document): HealthCheck;
}

import { buildDiagnostics } from './diagnostics';
import { MessageCollector, mergeCustomer, type MessageParts } from './read-thread';
import type {
  Customer,
  HealthCheck,
  ReadFailureReason,
  ReadResult,
  SelectorSpec,
  SiteAdapter,
  SliceOptions,
  ToolId,
} from './site-adapter';
import { yieldToPage as defaultYield } from './yield-to-page';

/** What an adapter finds on the page before reading messages: the conversation and its message elements. */
export interface Located {
  conversationId: string;
  subject: string;
  elements: Element[];
  parts: MessageParts;
  /** Identities shown outside the messages (customer sidebar, thread header). */
  customer?: Partial<Customer>;
  /** The agent's own addresses, never the customer's. */
  agentEmails?: readonly string[];
}

export type LocateOutcome = Located | { failed: string[]; reason?: ReadFailureReason };

export interface AdapterSpec<S extends string> {
  id: ToolId;
  label: string;
  version: string;
  matches: readonly string[];
  exampleUrls: readonly string[];
  nonConversationUrls: readonly string[];
  isConversationUrl(url: URL): boolean;
  selectors: Readonly<Record<S, SelectorSpec>>;
  /** Called only on a conversation URL whose required selectors all found something. */
  locate(doc: Document, url: URL): LocateOutcome;
}

/**
 * Turns an adapter's declarative parts into a `SiteAdapter`: URL parsing, the selector health check, the
 * personal-data-free diagnostics and the (optionally sliced) message loop are shared, so each site file holds
 * only its selectors and how to find the conversation's parts.
 */
export function defineAdapter<S extends string>(spec: AdapterSpec<S>): SiteAdapter {
  const selectors: Readonly<Record<string, SelectorSpec>> = spec.selectors;
  const parse = (url: string): URL | null => {
    try {
      return new URL(url);
    } catch {
      return null;
    }
  };
  // Existence only (querySelector stops at the first match): this runs on every re-read of long threads.
  const healthCheck = (doc: Document): HealthCheck => {
    const failed = Object.entries(selectors)
      .filter(([, s]) => s.required !== false && doc.querySelector(s.selector) === null)
      .map(([name]) => name);
    return { ok: failed.length === 0, failed };
  };
  const fail = (doc: Document, reason: ReadFailureReason, failed: string[]): ReadResult => {
    const counts: Record<string, number> = {};
    for (const [name, s] of Object.entries(selectors)) counts[name] = doc.querySelectorAll(s.selector).length;
    const diagnostics = buildDiagnostics({
      site: spec.id,
      label: spec.label,
      version: spec.version,
      reason,
      failed,
      selectors,
      counts,
    });
    return { ok: false, reason, failed, diagnostics };
  };
  const start = (doc: Document, url: string): { located: Located; url: URL } | ReadResult => {
    const parsed = parse(url);
    if (!parsed || !spec.isConversationUrl(parsed)) return fail(doc, 'no-conversation-open', []);
    const health = healthCheck(doc);
    if (!health.ok) return fail(doc, 'layout-not-recognised', health.failed);
    const located = spec.locate(doc, parsed);
    if ('failed' in located) return fail(doc, located.reason ?? 'layout-not-recognised', located.failed);
    if (located.elements.length === 0) return fail(doc, 'layout-not-recognised', ['messages']);
    return { located, url: parsed };
  };
  const finish = (located: Located, url: URL, collector: MessageCollector): ReadResult => ({
    ok: true,
    conversation: {
      tool: spec.id,
      conversationId: located.conversationId,
      url: url.href,
      subject: located.subject,
      customer: mergeCustomer(collector.customer(), located.customer ?? {}, located.agentEmails),
      messages: collector.messages,
    },
  });
  return {
    id: spec.id,
    label: spec.label,
    version: spec.version,
    matches: spec.matches,
    exampleUrls: spec.exampleUrls,
    nonConversationUrls: spec.nonConversationUrls,
    selectors,
    healthCheck,
    isConversationUrl: (url) => {
      const parsed = parse(url);
      return parsed !== null && spec.isConversationUrl(parsed);
    },
    readConversation(doc, url) {
      const started = start(doc, url);
      if ('ok' in started) return started;
      const collector = new MessageCollector(started.located.parts);
      started.located.elements.forEach((el, index) => collector.add(el, index));
      return finish(started.located, started.url, collector);
    },
    async readConversationInSlices(doc, url, options: SliceOptions = {}) {
      const sliceMs = options.sliceMs ?? 8;
      const yieldToPage = options.yieldToPage ?? defaultYield;
      const isCurrent = options.isCurrent ?? (() => true);
      const started = start(doc, url);
      if ('ok' in started) return started;
      const collector = new MessageCollector(started.located.parts);
      let sliceStart = performance.now();
      const { elements } = started.located;
      for (let index = 0; index < elements.length; index++) {
        if (performance.now() - sliceStart >= sliceMs) {
          await yieldToPage();
          if (!isCurrent()) return null;
          sliceStart = performance.now();
        }
        collector.add(elements[index]!, index);
      }
      return finish(started.located, started.url, collector);
    },
  };
}

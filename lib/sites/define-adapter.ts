import { buildDiagnostics } from './diagnostics';
import type { Conversation, HealthCheck, ReadResult, SelectorSpec, SiteAdapter, ToolId } from './site-adapter';

/** What an adapter's own read step returns: the conversation, or the names of selectors that failed. */
export type ReadOutcome =
  Conversation | { failed: string[]; reason?: 'layout-not-recognised' | 'no-conversation-open' };

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
  read(doc: Document, url: URL): ReadOutcome;
}

function countAll(doc: Document, selectors: Readonly<Record<string, SelectorSpec>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, spec] of Object.entries(selectors)) counts[name] = doc.querySelectorAll(spec.selector).length;
  return counts;
}

/**
 * Turns an adapter's declarative parts into a `SiteAdapter`: URL parsing, the selector health check and the
 * personal-data-free diagnostics are shared, so each site file holds only its selectors and how to read them.
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
  const fail = (
    doc: Document,
    reason: 'layout-not-recognised' | 'no-conversation-open',
    failed: string[],
  ): ReadResult => ({
    ok: false,
    reason,
    failed,
    diagnostics: buildDiagnostics({
      site: spec.id,
      label: spec.label,
      version: spec.version,
      reason,
      failed,
      selectors,
      counts: countAll(doc, selectors),
    }),
  });
  const isConversationUrl = (url: string): boolean => {
    const parsed = parse(url);
    return parsed !== null && spec.isConversationUrl(parsed);
  };
  return {
    id: spec.id,
    label: spec.label,
    version: spec.version,
    matches: spec.matches,
    exampleUrls: spec.exampleUrls,
    nonConversationUrls: spec.nonConversationUrls,
    selectors,
    healthCheck,
    isConversationUrl,
    readConversation(doc, url) {
      const parsed = parse(url);
      if (!parsed || !spec.isConversationUrl(parsed)) return fail(doc, 'no-conversation-open', []);
      const health = healthCheck(doc);
      if (!health.ok) return fail(doc, 'layout-not-recognised', health.failed);
      const outcome = spec.read(doc, parsed);
      if ('failed' in outcome) return fail(doc, outcome.reason ?? 'layout-not-recognised', outcome.failed);
      return { ok: true, conversation: outcome };
    },
  };
}

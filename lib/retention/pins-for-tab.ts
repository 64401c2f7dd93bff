/**
 * What the background answers a content script that asks for its list-view pins: the due states of the
 * tool's items from the last run (tool ids and states only; held items never pinned), and nothing at all
 * when the asking tab does not show that tool's site.
 */
import type { RetentionSummary } from './types';

export interface PinState {
  toolId: string;
  state: 'due' | 'overdue';
}

export function pinsForTab(
  summary: RetentionSummary | null,
  tool: string,
  tabUrl: string | undefined,
  toolOfUrl: (url: string) => string | undefined,
): PinState[] {
  // Only our own content script in a tab reaches here (sender guard); it gets only its own tool's pins.
  if (!summary || tabUrl === undefined || toolOfUrl(tabUrl) !== tool) return [];
  const seen = new Set<string>();
  const out: PinState[] = [];
  for (const item of summary.items) {
    if (item.tool !== tool || item.held || seen.has(item.toolId)) continue;
    // A conversation's row is pinned for the conversation itself, not for its messages or attachments.
    if (item.kind !== 'conversation') continue;
    seen.add(item.toolId);
    out.push({ toolId: item.toolId, state: item.state });
  }
  return out;
}

/**
 * The tool whose site a URL belongs to, by the site adapters' match patterns. Hand-written because WXT's
 * MatchPattern checks `instanceof Location`, a global service workers do not have (ReferenceError there).
 * Patterns are `https://host/path` with `*` as a host prefix wildcard (`*.zendesk.com`) and a path glob.
 */
export function toolOfUrl(
  url: string,
  sites: readonly { tool: string; matches: readonly string[] }[],
): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const fits = (pattern: string): boolean => {
    const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
    if (!m) return false;
    const [, scheme, host, path] = m as unknown as [string, string, string, string];
    if (scheme !== '*' ? parsed.protocol !== `${scheme}:` : !/^https?:$/.test(parsed.protocol)) return false;
    const hostOk = host.startsWith('*.')
      ? parsed.hostname === host.slice(2) || parsed.hostname.endsWith(host.slice(1))
      : host === '*' || parsed.hostname === host;
    const glob = new RegExp(
      `^${path
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return hostOk && glob.test(parsed.pathname + parsed.search);
  };
  return sites.find((s) => s.matches.some(fits))?.tool;
}

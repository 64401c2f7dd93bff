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

import type { ReadResult, SiteAdapter } from '@/lib/sites/site-adapter';
import { watchConversation, type WatchContext } from '@/lib/sites/watch-conversation';

export interface OpenConversation {
  result: ReadResult;
  /**
   * Names this read: the watcher emits only when the conversation's content key changes, so each emitted read gets
   * a new one. Cheaper than hashing every message text again in the panel.
   */
  readKey: string;
}

/** The open conversation as the watcher reads it, for whoever listens (the panel, the early findings scan). */
export interface ConversationFeed {
  /** The latest read, null until the first one is in. */
  readonly current: OpenConversation | null;
  subscribe(listener: (open: OpenConversation) => void): () => void;
  stop(): void;
}

/**
 * Starts reading the open conversation now (and again after navigation and DOM changes). The panel bundle starts
 * this before the panel's UI modules initialise, so reading the thread and detection in the background overlap
 * with that (measured with `npm run bench:page`: the findings showed ~1.4 s after load when reading waited for
 * the UI). `onRead` sees every read first, in the task the read finished in.
 */
export function startConversationFeed(
  ctx: WatchContext,
  adapter: SiteAdapter,
  onRead?: (open: OpenConversation) => void,
): ConversationFeed {
  let current: OpenConversation | null = null;
  const listeners = new Set<(open: OpenConversation) => void>();
  let reads = 0;
  const watcher = watchConversation(ctx, adapter, {
    onChange: (result) => {
      reads += 1;
      const open = { result, readKey: `${adapter.id}:${reads}` };
      current = open;
      onRead?.(open);
      for (const listener of listeners) listener(open);
    },
  });
  // Read now rather than after the first debounce: the page is parsed by the time this runs.
  watcher.refresh();
  return {
    get current() {
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop() {
      listeners.clear();
      watcher.stop();
    },
  };
}

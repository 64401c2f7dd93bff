import { startTransition, useEffect, useState } from 'react';
import type { SiteAdapter } from '@/lib/sites/site-adapter';
import type { WatchContext } from '@/lib/sites/watch-conversation';
import { startConversationFeed, type ConversationFeed, type OpenConversation } from './conversation-feed';

export type { OpenConversation } from './conversation-feed';

/**
 * The conversation open in the page now (re-read on in-app navigation and DOM changes); null until read. With a
 * `feed` already started (the panel bundle starts one before the UI loads) its reads are shown; without one the
 * hook starts its own.
 */
export function useOpenConversation(
  ctx: WatchContext,
  adapter: SiteAdapter,
  feed?: ConversationFeed,
): OpenConversation | null {
  const [open, setOpen] = useState<OpenConversation | null>(() => feed?.current ?? null);
  useEffect(() => {
    const source = feed ?? startConversationFeed(ctx, adapter);
    // In a task of its own: the read that just finished already used up this one.
    const show = (next: OpenConversation) => ctx.setTimeout(() => startTransition(() => setOpen(next)), 0);
    const unsubscribe = source.subscribe(show);
    if (source.current) setOpen(source.current);
    return () => {
      unsubscribe();
      if (!feed) source.stop();
    };
  }, [ctx, adapter, feed]);
  return open;
}

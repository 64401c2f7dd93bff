import { startTransition, useEffect, useState } from 'react';
import type { WatchContext } from '@/lib/sites/watch-conversation';
import type { ConversationFeed, OpenConversation } from './conversation-feed';

export type { OpenConversation } from './conversation-feed';

/**
 * The conversation open in the page now (re-read on in-app navigation and DOM changes); null until read. The feed
 * is the reader's (entrypoints/reader.content starts it before the UI loads, lib/panel/conversation-feed.ts): the
 * UI script does not carry the reading code.
 */
export function useOpenConversation(ctx: WatchContext, feed: ConversationFeed): OpenConversation | null {
  const [open, setOpen] = useState<OpenConversation | null>(() => feed.current);
  useEffect(() => {
    // In a task of its own: the read that just finished already used up this one.
    const show = (next: OpenConversation) => ctx.setTimeout(() => startTransition(() => setOpen(next)), 0);
    const unsubscribe = feed.subscribe(show);
    if (feed.current) setOpen(feed.current);
    return unsubscribe;
  }, [ctx, feed]);
  return open;
}

import { startTransition, useEffect, useState } from 'react';
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

/** The conversation open in the page now (re-read on in-app navigation and DOM changes); null until read. */
export function useOpenConversation(ctx: WatchContext, adapter: SiteAdapter): OpenConversation | null {
  const [open, setOpen] = useState<OpenConversation | null>(null);
  useEffect(() => {
    let reads = 0;
    const watcher = watchConversation(ctx, adapter, {
      onChange: (result) => {
        reads += 1;
        const readKey = `${adapter.id}:${reads}`;
        // In a task of its own: the read that just finished already used up this one.
        ctx.setTimeout(() => startTransition(() => setOpen({ result, readKey })), 0);
      },
    });
    // The panel mounts once the page is parsed: read now rather than after the first debounce.
    watcher.refresh();
    return () => watcher.stop();
  }, [ctx, adapter]);
  return open;
}

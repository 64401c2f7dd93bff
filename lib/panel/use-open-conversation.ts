import { startTransition, useEffect, useState } from 'react';
import type { ReadResult, SiteAdapter } from '@/lib/sites/site-adapter';
import { watchConversation, type WatchContext } from '@/lib/sites/watch-conversation';

/** The conversation open in the page now (re-read on in-app navigation and DOM changes); null until read. */
export function useOpenConversation(ctx: WatchContext, adapter: SiteAdapter): ReadResult | null {
  const [result, setResult] = useState<ReadResult | null>(null);
  useEffect(() => {
    const watcher = watchConversation(ctx, adapter, { onChange: (next) => startTransition(() => setResult(next)) });
    // The panel mounts once the page is parsed: read now rather than after the first debounce.
    watcher.refresh();
    return () => watcher.stop();
  }, [ctx, adapter]);
  return result;
}

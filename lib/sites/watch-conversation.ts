import { sameRead } from './same-read';
import type { ReadResult, SiteAdapter } from './site-adapter';
import { yieldToPage } from './yield-to-page';

const WATCHED_ATTRIBUTES = [
  'data-thread-perm-id',
  'data-legacy-thread-id',
  'data-legacy-message-id',
  'data-ticket-id',
  'data-conversation-id',
  'data-comment-id',
  'data-message-id',
  'data-part-id',
  'data-test-id',
  'data-testid',
  'hidden',
  'aria-hidden',
  'value',
];

/** Our own elements are named `privacydesk-…` (see lib/panel/mount-panel). */
const isOwnNode = (node: Node): boolean =>
  node.nodeType === 1 && (node as Element).localName.startsWith('privacydesk-');

/** A DOM change that only adds or removes the extension's own elements, or happens inside one of them. */
function isOwnMutation(record: MutationRecord): boolean {
  if (isOwnNode(record.target)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every(isOwnNode);
}

/** The part of WXT's `ContentScriptContext` the watcher uses (so tests can pass a stand-in). */
export interface WatchContext {
  onInvalidated(callback: () => void): void;
  setTimeout(handler: () => void, timeout?: number): number;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: (event: Event) => void): void;
}

export interface WatchOptions {
  document?: Document;
  window?: Window;
  /** The page's current URL; defaults to `location.href` of the window. */
  getUrl?: () => string;
  /** Called with each read whose conversation (id + message ids + texts hash) differs from the last one. */
  onChange(result: ReadResult, url: string): void;
  debounceMs?: number;
  /** Longest stretch of reading before giving the page back (see `SliceOptions.sliceMs`). */
  sliceMs?: number;
}

export interface ConversationWatcher {
  /** Re-read now (skips the debounce); the emit rules still apply. */
  refresh(): void;
  stop(): void;
  /** Increases on every navigation; exposed for tests and diagnostics. */
  readonly generation: number;
}

/**
 * Keeps the open conversation up to date: re-reads after in-app navigation (`wxt:locationchange`) and after
 * DOM changes (MutationObserver, debounced), and emits only real changes. Reads run in slices of a few
 * milliseconds so a 1,000-message thread never blocks the page; a generation counter makes sure a read started
 * for one conversation is dropped when the URL switched meanwhile, so the panel never shows a mix of two
 * conversations. Everything is tied to the content-script context and stops when it is invalidated.
 */
export function watchConversation(ctx: WatchContext, adapter: SiteAdapter, options: WatchOptions): ConversationWatcher {
  const doc = options.document ?? document;
  const win = options.window ?? window;
  const getUrl = options.getUrl ?? (() => win.location.href);
  const debounceMs = options.debounceMs ?? 150;
  let generation = 0;
  let currentUrl = getUrl();
  let lastRead: ReadResult | null = null;
  let timer: number | undefined;
  let stopped = false;

  /** A new URL starts a new generation: reads begun before it are dropped and the next read always emits. */
  const urlChanged = (): boolean => {
    const now = getUrl();
    if (now === currentUrl) return false;
    currentUrl = now;
    generation += 1;
    lastRead = null;
    return true;
  };

  let running = false;
  let dirty = false;

  const schedule = (): void => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(read, debounceMs);
  };

  function read(): void {
    timer = undefined;
    if (stopped) return;
    // One read at a time; DOM changes during a read are picked up by one more read after it.
    if (running) {
      dirty = true;
      return;
    }
    running = true;
    dirty = false;
    urlChanged();
    const startedFor = generation;
    const url = currentUrl;
    // After every pause: still the same page? A navigation meanwhile makes this read stale.
    const isCurrent = (): boolean => {
      if (stopped) return false;
      urlChanged();
      return startedFor === generation;
    };
    const slices = {
      sliceMs: options.sliceMs,
      yieldToPage,
      isCurrent,
    };
    adapter.readConversationInSlices(doc, url, slices).then(
      (read) => {
        running = false;
        if (stopped) return;
        // The page navigated while we read: this result may belong to the previous conversation. Drop it
        // and read the conversation that is open now.
        if (read === null || !isCurrent()) {
          schedule();
          return;
        }
        if (!sameRead(lastRead, read)) {
          lastRead = read;
          options.onChange(read, url);
        }
        if (dirty) schedule();
      },
      (error: unknown) => {
        running = false;
        // Only the error's name: its message could quote page content.
        // No retry loop: the next DOM change or navigation schedules a new read.
        console.error('PrivacyDesk: reading the conversation failed', error instanceof Error ? error.name : 'error');
      },
    );
  }

  // Attributes that mark conversations, messages and visibility; hover classes and inline styles change all the
  // time and are left out so they do not trigger reads.
  // The extension's own elements (the panel's host, appended when it mounts) are no change to the conversation:
  // on a 1,000-message thread the re-read they caused competed with the first findings (`npm run bench:page`).
  const observer = new MutationObserver((records) => {
    if (!records.every(isOwnMutation)) schedule();
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  ctx.addEventListener(win, 'wxt:locationchange', () => {
    urlChanged();
    schedule();
  });

  const stop = (): void => {
    stopped = true;
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
  ctx.onInvalidated(stop);
  schedule();

  return {
    refresh: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      read();
    },
    stop,
    get generation() {
      return generation;
    },
  };
}

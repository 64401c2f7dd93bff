import { contentScriptMatches } from '@/lib/sites/host-patterns';
import { markPhase } from '@/lib/panel/phase-mark';
import { panelMounted } from '@/lib/panel/panel-element';
import { shareMessenger, startPanel, takePanelBoot } from '@/lib/panel/page-handoff';
import { yieldToPage } from '@/lib/sites/yield-to-page';
import type { OpenConversation } from '@/lib/panel/conversation-feed';
import type { Conversation } from '@/lib/sites/site-adapter';

/**
 * The panel's reader: what reads the conversation and sends it to the background for detection. Two ways in:
 * - on the tools' pages it is a content script run once the document is parsed (document_idle); the panel's small
 *   document_start script (entrypoints/panel.content) has left a boot (its context and the reserved margin), and
 *   the thread is read at once with the site's adapter;
 * - on any other page it is the generic reader: the popup injects it into the current tab when the user asks
 *   (activeTab + scripting), so a webshop's order screen or a CRM can be read.
 * The panel's UI is a script of its own (entrypoints/panel-ui.content), which mounts the panel once the first read
 * is in (lib/panel/page-handoff.ts): compiled as one bundle the two were one long task.
 *
 * Everything else is imported dynamically, in steps: the bundler keeps those modules in this one file but
 * initialises each only when its import runs, and a step runs in a task of its own. Measured with
 * scripts/page/profile.ts and `npm run bench:page`: initialising the zod protocol and the adapters at once was one
 * long task on a loaded machine; in steps the page gets its turn in between.
 */

/**
 * What reads the conversation: initialised first, in one step, so reading can start as soon as the page is
 * parsed (it needs no schemas).
 */
const READER_STEP = () =>
  Promise.all([
    import('@/lib/sites/registry'),
    import('@/lib/sites/site-for-url'),
    import('@/lib/panel/conversation-feed'),
  ]);

/**
 * What sends the texts for detection (the zod protocol): initialised meanwhile, in a few steps, each a task of
 * its own (the zod schemas of the register and of erasure each took 20–50 ms on a loaded machine and have a step
 * to themselves; the small modules share one). Measured with `npm run bench:page`: with these before the reader,
 * the thread was read ~0.2 s after the page's load event, because every step waits behind the page's own tasks.
 */
const MESSAGING_STEPS: readonly (() => Promise<unknown>)[] = [
  () => import('@/lib/register/schemas'),
  () => import('@/lib/register/messages'),
  () => Promise.all([import('@/lib/messaging/panel-messages'), import('@/lib/messaging/connection-messages')]),
  () => import('@/lib/messaging/erasure-messages'),
  () =>
    Promise.all([
      import('@/lib/messaging/export-messages'),
      import('@/lib/messaging/retention-messages'),
      import('@/lib/messaging/protocol'),
      import('@/lib/messaging/messenger'),
      import('@/lib/panel/findings-scan'),
    ]),
];

/** Reading a thread takes a few hundred slices at most; the panel does not wait longer than this for the first read. */
const FIRST_READ_WAIT_MS = 1500;

/** Each step in a task of its own; they resume ahead of other queued tasks (lib/sites/yield-to-page.ts). */
async function runSteps(steps: readonly (() => Promise<unknown>)[]): Promise<void> {
  for (const step of steps) {
    await yieldToPage();
    await step();
  }
}

export default defineContentScript({
  // On the tools' pages Chromium injects it once the document is parsed (no fetch: manifest content scripts are
  // handed to the page's process with the extension); elsewhere the popup injects it as the generic reader.
  // document_idle rather than document_end: evaluated in a task of its own, not inside the parser's last task,
  // which on a 1,000-message thread already holds the page's first layout (`npm run bench:page`).
  matches: [...contentScriptMatches],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  // WXT's legacy "script started" window.postMessage: 22–34 ms on the 1,000-message thread, measured with marks
  // around it (the custom event WXT also sends is what its contexts listen to), and the page's own message
  // listeners would receive it.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const boot = takePanelBoot();
    if (panelMounted(document)) return;
    markPhase('bundle');
    // Reading and what sends the texts are on the way to the findings: their steps resume ahead of other tasks.
    await yieldToPage();
    const [{ genericAdapter }, { adapterForUrl }, { startConversationFeed }] = await READER_STEP();
    const adapter = boot ? adapterForUrl(location.href) : genericAdapter;
    if (!adapter) {
      boot?.space.release();
      return;
    }
    const panelCtx = boot?.ctx ?? ctx;
    // The protocol initialises while the page parses and the thread is read; the early scan waits for it.
    let scanAhead: ((conversation: Conversation, key: string) => void) | null = null;
    let unscanned: OpenConversation | null = null;
    const messaging = runSteps(MESSAGING_STEPS)
      .then(() => Promise.all([import('@/lib/panel/findings-scan'), import('@/lib/messaging/messenger')]))
      .then(([scan, { sendMessage }]) => {
        shareMessenger({ sendMessage });
        scanAhead = scan.scanAhead;
        if (unscanned?.result.ok) scanAhead(unscanned.result.conversation, unscanned.readKey);
        unscanned = null;
        markPhase('messaging-ready');
      });
    // On the tools' pages this bundle is imported while the page still parses: the thread is read once it is parsed.
    if (document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
      // In a task of our own, not inside the page's DOMContentLoaded task (which also holds its first layout).
      await yieldToPage();
    }
    if (panelCtx.isInvalid) return;
    markPhase('parsed');
    // Reading the thread and detection in the background start as soon as both can; they overlap with loading the UI.
    const feed = startConversationFeed(panelCtx, adapter, (open) => {
      if (!scanAhead) unscanned = open;
      else if (open.result.ok) scanAhead(open.result.conversation, open.readKey);
    });
    // The reading slices and the scan's start come first; the UI initialises while the background detects.
    await new Promise<void>((resolve) => {
      if (feed.current) return resolve();
      const unsubscribe = feed.subscribe(() => {
        unsubscribe();
        resolve();
      });
      setTimeout(resolve, FIRST_READ_WAIT_MS);
    });
    await messaging;
    markPhase('first-read');
    if (panelCtx.isInvalid || panelMounted(document)) return;
    startPanel({ ctx: panelCtx, adapter, feed, ...(boot ? { space: boot.space } : {}) });
  },
});

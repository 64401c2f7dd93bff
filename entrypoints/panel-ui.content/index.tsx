import css from '@/components/panel/privacy-panel.css?inline';
import { onPanelStart } from '@/lib/panel/page-handoff';
import { markPhase } from '@/lib/panel/phase-mark';
import { warmPanelText } from '@/lib/panel/text-warmup';
import { contentScriptMatches } from '@/lib/sites/host-patterns';

/**
 * The panel's UI on the tool's page: Preact, the components and their hooks. A content script of its own, apart
 * from the reader (entrypoints/reader.content), so Chromium compiles the two in separate tasks: as one bundle its
 * compile was one long task before its first line ran (`npm run bench:page`). It mounts the panel once the reader
 * has the first read of the conversation (lib/panel/page-handoff.ts) and sends its messages through the reader's
 * messenger (a build plugin, scripts/page/page-bundle-plugins.ts, points the messenger module at it), so it carries
 * no copy of the message schemas. The generic reader injects both scripts (components/popup/popup-app.tsx).
 * Its CSS is inlined so no style sheet has to be web-accessible.
 *
 * The modules initialise in steps, each a task of its own (the bundler keeps them in this file but initialises each
 * when its import runs).
 */
const UI_STEPS: readonly (() => Promise<unknown>)[] = [
  () => Promise.all([import('react'), import('react-dom/client'), import('@/components/panel/forget-dialog')]),
  () =>
    Promise.all([
      import('@/components/panel/findings-list'),
      import('@/entrypoints/panel.content/panel-app'),
      import('@/lib/panel/mount-panel'),
    ]),
  // No Intl on the page: its first use loads ICU's locale data in one long task (see lib/panel/format-date.ts and
  // lib/panel/country-label.ts).
];

/** A task of its own, queued behind what is already queued (the page's tasks, the background's answers). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export default defineContentScript({
  // Same pages as the reader; wxt.config.ts keeps the two in separate manifest entries (separate tasks).
  matches: [...contentScriptMatches],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  // WXT's legacy "script started" window.postMessage: see entrypoints/reader.content.
  noScriptStartedPostMessage: true,
  main() {
    // While the page still loads: the panel's text styles laid out once, unseen (lib/panel/text-warmup.ts).
    const dropWarmup = warmPanelText(document, css);
    onPanelStart((start) => {
      void (async () => {
        for (const step of UI_STEPS) {
          await nextTask();
          await step();
        }
        markPhase('ui-ready');
        await nextTask();
        if (start.ctx.isInvalid) return dropWarmup();
        const { mountPanel } = await import('@/lib/panel/mount-panel');
        await mountPanel(start.ctx, start.adapter, {
          css,
          feed: start.feed,
          ...(start.space ? { space: start.space } : {}),
        });
        markPhase('mounted');
        dropWarmup();
      })();
    });
  },
});

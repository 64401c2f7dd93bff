import { browser } from 'wxt/browser';
import { offerPanelBoot } from '@/lib/panel/page-handoff';
import { markPhase } from '@/lib/panel/phase-mark';
import { PANEL_WIDTH_PX, reserveSpace } from '@/lib/panel/reserved-space';
import { contentScriptMatches } from '@/lib/sites/host-patterns';

/**
 * On the tools' own pages: a small bootstrap. It runs at document_start only to make room for the panel before
 * the page's first layout (a later relayout of a long thread costs hundreds of milliseconds), and to wake the
 * background, which warms up the detection engine while the page loads. The panel itself is the reader's content
 * script (entrypoints/reader.content), which Chromium injects once the document is parsed and which takes the
 * boot left here. Measured (`npm run bench:page`): importing that bundle from here, as a web-accessible module,
 * took 0.3–1 s from this script to its first line on a loaded page (fetched and compiled while the page parsed);
 * injected by Chromium it needs no fetch. Personal-data detection never runs on the page (lib/panel/use-findings.ts).
 */
export default defineContentScript({
  matches: [...contentScriptMatches],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  // WXT's legacy "script started" window.postMessage: 22–34 ms on the 1,000-message thread, measured with marks
  // around it (the custom event WXT also sends is what its contexts listen to), and the page's own message
  // listeners would receive it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const space = reserveSpace(document);
    space.set(PANEL_WIDTH_PX);
    ctx.onInvalidated(() => space.release());
    // Wakes the service worker, which closes the port once the engine is warm; no data crosses
    // (see entrypoints/background/panel-handlers.ts).
    try {
      const port = browser.runtime.connect({ name: 'privacydesk.wake' });
      port.onDisconnect.addListener(() => void browser.runtime.lastError);
      ctx.onInvalidated(() => port.disconnect());
    } catch {
      /* the extension was reloaded: this script is stale */
    }
    // The reader's content script takes this once the document is parsed (see entrypoints/reader.content).
    offerPanelBoot({ ctx, space });
    markPhase('bootstrap');
  },
});

import { browser } from 'wxt/browser';
import { offerPanelBoot } from '@/lib/panel/boot';
import { PANEL_WIDTH_PX, reserveSpace } from '@/lib/panel/reserved-space';
import { contentScriptMatches } from '@/lib/sites/host-patterns';

/** The panel bundle (React, the site adapters, the panel UI): the reader's content script, web-accessible. */
const PANEL_BUNDLE = '/content-scripts/reader.js';

/**
 * On the tools' own pages: a small bootstrap. It runs at document_start only to make room for the panel before
 * the page's first layout (a later relayout of a long thread costs hundreds of milliseconds), and to wake the
 * background, which warms up the detection engine while the page loads. Measured (`npm run bench:page`): a
 * content script carrying React, zod, the adapters and the detection engine took ~0.6 s to evaluate, in one long
 * task before the page could even parse; so the panel itself is a dynamic import of the panel bundle (the same
 * file the popup injects as the generic reader), evaluated in tasks of its own while the page parses. Importing it
 * only after DOMContentLoaded put its loading after the page's first layout: the findings showed ~0.3 s later. Personal-data
 * detection never runs here: the panel sends the texts to the background (see lib/panel/use-findings.ts).
 */
export default defineContentScript({
  matches: [...contentScriptMatches],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
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
    // The panel bundle is fetched and initialised while the page parses; it waits for the parsed document
    // before it reads the conversation (see entrypoints/reader.content).
    offerPanelBoot({ ctx, space });
    import(/* @vite-ignore */ browser.runtime.getURL(PANEL_BUNDLE)).catch((error: unknown) =>
      console.error('PrivacyDesk: the panel could not load', error instanceof Error ? error.name : 'error'),
    );
  },
});

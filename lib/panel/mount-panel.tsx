import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PanelApp } from '@/entrypoints/panel.content/panel-app';
import { startListPins } from '@/lib/retention/list-pins-runner';
import type { SiteAdapter } from '@/lib/sites/site-adapter';
import { yieldToPage } from '@/lib/sites/yield-to-page';
import type { ConversationFeed } from './conversation-feed';
import { reserveSpace, type ReservedSpace } from './reserved-space';

export const PANEL_ELEMENT = 'privacydesk-panel';

/** A fixed, fully contained box at the right edge; its width follows the panel (see ReservedSpace below). */
const HOST_STYLE =
  'position:fixed;top:0;right:0;width:0;height:100vh;z-index:2147483646;display:block;contain:strict;overflow:hidden';

/** Mounts the privacy panel for `adapter` in a shadow root at the end of <body> (once per page). */
export async function mountPanel(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  options: { css?: string; space?: ReservedSpace; feed?: ConversationFeed } = {},
): Promise<void> {
  if (document.querySelector(PANEL_ELEMENT)) return;
  const { css } = options;
  const pageSpace = options.space ?? reserveSpace(document);
  ctx.onInvalidated(() => pageSpace.release());
  ctx.onInvalidated(() => options.feed?.stop());
  // The host is a fixed, fully contained box as wide as the panel: what happens inside the panel never
  // makes the browser lay out the tool's page again (on a 1,000-message thread that costs seconds).
  const space: ReservedSpace = {
    set(widthPx) {
      pageSpace.set(widthPx);
      ui.shadowHost.style.width = `${Math.round(widthPx)}px`;
    },
    release: () => pageSpace.release(),
  };
  const ui = await createShadowRootUi<Root>(ctx, {
    name: PANEL_ELEMENT,
    position: 'inline',
    // After <body>, not inside it, and fixed and contained before it is attached: inserting the host into a
    // 1,000-message body made the browser lay the whole thread out again (~0.2 s, `npm run bench:page`).
    anchor: 'html',
    append: 'last',
    // Our own :host reset (in privacy-panel.css) is not !important, so the host's inline style below applies.
    inheritStyles: true,
    ...(css ? { css } : {}),
    onMount(container) {
      const root = createRoot(container);
      // The first render in a task of its own, apart from attaching the host and its style sheet: together they
      // were one long task (~70–130 ms on a loaded machine, `npm run bench:page`).
      void yieldToPage().then(() => {
        if (ctx.isValid) root.render(<PanelApp ctx={ctx} adapter={adapter} space={space} feed={options.feed} />);
      });
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.shadowHost.style.cssText = HOST_STYLE;
  ui.mount();
  // "Due" pins on the tool's list views (nothing where no row finder exists), after the panel's first renders.
  ctx.setTimeout(() => startListPins(ctx, adapter.id), 500);
}

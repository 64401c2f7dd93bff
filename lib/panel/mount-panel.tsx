import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PanelApp } from '@/entrypoints/panel.content/panel-app';
import { startListPins } from '@/lib/retention/list-pins-runner';
import type { SiteAdapter } from '@/lib/sites/site-adapter';
import { yieldToPage } from '@/lib/sites/yield-to-page';
import type { ConversationFeed } from './conversation-feed';
import { PANEL_ELEMENT, panelMounted } from './panel-element';
import { reserveSpace, type ReservedSpace } from './reserved-space';

/** The host fills the dock (lib/panel/reserved-space.ts), which is fixed, contained and as wide as the panel. */
const HOST_STYLE = 'display:block;width:100%;height:100%;margin:0;padding:0;border:0';

/** Mounts the privacy panel for `adapter` in a shadow root in the panel's dock (once per page). */
export async function mountPanel(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  options: { css?: string; space?: ReservedSpace; feed: ConversationFeed },
): Promise<void> {
  if (panelMounted(document)) return;
  const { css } = options;
  const space = options.space ?? reserveSpace(document);
  ctx.onInvalidated(() => space.release());
  ctx.onInvalidated(() => options.feed.stop());
  const ui = await createShadowRootUi<Root>(ctx, {
    name: PANEL_ELEMENT,
    position: 'inline',
    // In the dock, not in <body>: inserting the host into a 1,000-message body made the browser lay the whole thread
    // out again (~0.2 s, `npm run bench:page`); see lib/panel/reserved-space.ts for the dock itself.
    anchor: space.dock,
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

import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PanelApp } from '@/entrypoints/panel.content/panel-app';
import type { SiteAdapter } from '@/lib/sites/site-adapter';
import { reserveSpace } from './reserved-space';

export const PANEL_ELEMENT = 'privacydesk-panel';

/** Mounts the privacy panel for `adapter` in a shadow root at the end of <body> (once per page). */
export async function mountPanel(ctx: ContentScriptContext, adapter: SiteAdapter, css?: string): Promise<void> {
  if (document.querySelector(PANEL_ELEMENT)) return;
  const space = reserveSpace(document);
  ctx.onInvalidated(() => space.release());
  const ui = await createShadowRootUi<Root>(ctx, {
    name: PANEL_ELEMENT,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    ...(css ? { css } : {}),
    onMount(container) {
      const root = createRoot(container);
      root.render(<PanelApp ctx={ctx} adapter={adapter} space={space} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
}

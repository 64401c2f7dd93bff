import { createRoot, type Root } from 'react-dom/client';
import '@/components/panel/privacy-panel.css';
import { contentScriptMatches } from '@/lib/sites/host-patterns';
import { PanelApp } from './panel-app';
import { reserveSpace } from '@/lib/panel/reserved-space';

export default defineContentScript({
  matches: [...contentScriptMatches],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    const space = reserveSpace(document);
    ctx.onInvalidated(() => space.release());
    const ui = await createShadowRootUi<Root>(ctx, {
      name: 'privacydesk-panel',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const root = createRoot(container);
        root.render(<PanelApp url={location.href} space={space} />);
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    ui.mount();
  },
});

import { createRoot, type Root } from 'react-dom/client';
import '@/components/panel/privacy-panel.css';
import { reserveSpace } from '@/lib/panel/reserved-space';
import { contentScriptMatches } from '@/lib/sites/host-patterns';
import { siteAdapters } from '@/lib/sites/registry';
import { PanelApp } from './panel-app';

export default defineContentScript({
  matches: [...contentScriptMatches],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    const url = new URL(location.href);
    const adapter = siteAdapters.find((a) => a.matches.some((m) => new MatchPattern(m).includes(url)));
    if (!adapter) return;
    const space = reserveSpace(document);
    ctx.onInvalidated(() => space.release());
    const ui = await createShadowRootUi<Root>(ctx, {
      name: 'privacydesk-panel',
      position: 'inline',
      anchor: 'body',
      append: 'last',
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
  },
});

import '@/components/panel/privacy-panel.css';
import { mountPanel } from '@/lib/panel/mount-panel';
import { PANEL_WIDTH_PX, reserveSpace } from '@/lib/panel/reserved-space';
import { startListPins } from '@/lib/retention/list-pins-runner';
import { contentScriptMatches } from '@/lib/sites/host-patterns';
import { siteAdapters } from '@/lib/sites/registry';

/**
 * On the tools' own pages: the panel with the site's adapter. It starts at document_start only to make
 * room for the panel before the page's first layout (on a long thread a later relayout costs hundreds
 * of milliseconds); the panel itself mounts once the body exists.
 */
export default defineContentScript({
  matches: [...contentScriptMatches],
  cssInjectionMode: 'ui',
  runAt: 'document_start',
  async main(ctx) {
    const url = new URL(location.href);
    const adapter = siteAdapters.find((a) => a.matches.some((m) => new MatchPattern(m).includes(url)));
    if (!adapter) return;
    const space = reserveSpace(document);
    space.set(PANEL_WIDTH_PX);
    if (document.readyState === 'loading') {
      await new Promise<void>((resolve) =>
        document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
      );
    }
    startListPins(ctx, adapter.id); // "due" pins on the tool's list views (no-op where no row finder exists)
    await mountPanel(ctx, adapter, { space });
  },
});

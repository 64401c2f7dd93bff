import '@/components/panel/privacy-panel.css';
import { mountPanel } from '@/lib/panel/mount-panel';
import { contentScriptMatches } from '@/lib/sites/host-patterns';
import { siteAdapters } from '@/lib/sites/registry';

/** On the tools' own pages: the panel with the site's adapter. */
export default defineContentScript({
  matches: [...contentScriptMatches],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    const url = new URL(location.href);
    const adapter = siteAdapters.find((a) => a.matches.some((m) => new MatchPattern(m).includes(url)));
    if (adapter) await mountPanel(ctx, adapter);
  },
});

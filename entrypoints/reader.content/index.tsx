import css from '@/components/panel/privacy-panel.css?inline';
import { mountPanel } from '@/lib/panel/mount-panel';
import { genericAdapter } from '@/lib/sites/registry';

/**
 * The generic reader: not in the manifest; the popup injects it into the current tab when the user asks
 * (activeTab + scripting), so any other page (a webshop's order screen, a CRM) can be read too. Its CSS
 * is inlined so no file has to be web-accessible to every site.
 */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    await mountPanel(ctx, genericAdapter, { css });
  },
});

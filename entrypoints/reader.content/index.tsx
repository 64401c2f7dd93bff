import css from '@/components/panel/privacy-panel.css?inline';
import { takePanelBoot } from '@/lib/panel/boot';

/**
 * The panel bundle. Two ways in:
 * - on the tools' pages the panel's small content script (entrypoints/panel.content) imports this file once the
 *   page is parsed and leaves a boot (its context and the reserved margin): the panel mounts with the site's
 *   adapter;
 * - on any other page it is the generic reader: not in the manifest's content scripts; the popup injects it into
 *   the current tab when the user asks (activeTab + scripting), so a webshop's order screen or a CRM can be read.
 * Its CSS is inlined so no style sheet has to be web-accessible.
 *
 * Everything else is imported dynamically, in steps: the bundler keeps those modules in this one file but
 * initialises each only when its import runs, and a step runs in a task of its own. Measured with
 * scripts/page/profile.ts and `npm run bench:page`: initialising React, the zod protocol, the adapters and the
 * panel at once was one task of ~0.7 s on a loaded machine; in steps the page gets its turn in between.
 */
const STEPS: readonly (() => Promise<unknown>)[] = [
  () => import('react'),
  () => import('react-dom/client'),
  () => import('@/lib/register/schemas'),
  () => import('@/lib/register/messages'),
  () => import('@/lib/messaging/panel-messages'),
  () => import('@/lib/messaging/connection-messages'),
  () => import('@/lib/messaging/erasure-messages'),
  () => import('@/lib/messaging/export-messages'),
  () => import('@/lib/messaging/retention-messages'),
  () => import('@/lib/messaging/protocol'),
  () => import('@/lib/messaging/messenger'),
  () => import('@/lib/sites/registry'),
  () => import('@/lib/sites/site-for-url'),
  () => import('@/components/panel/forget-dialog'),
  () => import('@/components/panel/findings-list'),
  () => import('@/entrypoints/panel.content/panel-app'),
  () => import('@/lib/panel/mount-panel'),
  // Intl loads its locale data on first use (country names for the transfer notice, dates): in a task of its own.
  async () => new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' }).of('US'),
  async () => new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium' }).format(0),
];

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const boot = takePanelBoot();
    for (const step of STEPS) {
      await nextTask();
      await step();
    }
    const [{ mountPanel }, { genericAdapter }, { adapterForUrl }] = await Promise.all([
      import('@/lib/panel/mount-panel'),
      import('@/lib/sites/registry'),
      import('@/lib/sites/site-for-url'),
    ]);
    if (boot) {
      const adapter = adapterForUrl(location.href);
      if (adapter) await mountPanel(boot.ctx, adapter, { css, space: boot.space });
      else boot.space.release();
      return;
    }
    await mountPanel(ctx, genericAdapter, { css });
  },
});

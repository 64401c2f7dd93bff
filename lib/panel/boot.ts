/**
 * The hand-over from the panel's small document_start content script (entrypoints/panel.content) to the panel
 * bundle (entrypoints/reader.content, the content script Chromium runs once the document is parsed). Both run in the
 * extension's isolated world, so a global keyed by a registered symbol is private to the extension: the page
 * cannot see it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ReservedSpace } from './reserved-space';

export interface PanelBoot {
  /** The document_start script's context: the panel lives and dies with it. */
  ctx: ContentScriptContext;
  /** The margin already reserved for the panel before the page's first layout. */
  space: ReservedSpace;
}

const KEY = Symbol.for('privacydesk.panel-boot');
type Holder = { [KEY]?: PanelBoot };

export function offerPanelBoot(boot: PanelBoot): void {
  (globalThis as Holder)[KEY] = boot;
}

/** The boot left by the panel's content script (once), or null when the user started the generic reader. */
export function takePanelBoot(): PanelBoot | null {
  const holder = globalThis as Holder;
  const boot = holder[KEY] ?? null;
  delete holder[KEY];
  return boot;
}

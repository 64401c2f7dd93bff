/**
 * The panel's elements in the tool's page. The dock is a fixed, fully contained box in the margin reserved for the
 * panel (lib/panel/reserved-space.ts), attached as the last child of `<html>` at document_start; the panel's host
 * (a shadow root, lib/panel/mount-panel.tsx) is attached inside it. Kept apart so the panel bundle's entry can check
 * for them without initialising the UI.
 */
export const PANEL_ELEMENT = 'privacydesk-panel';
export const DOCK_ELEMENT = 'privacydesk-dock';

/**
 * Whether the panel is already on the page (the popup can inject the generic reader into a tab that has one).
 * Only `<html>`'s own children and the docks' are looked at: `document.querySelector` walked the whole
 * 1,000-message thread for an element that is not there, inside the task that evaluates the panel bundle
 * (`npm run bench:page`).
 */
export function panelMounted(doc: Document): boolean {
  if ([...doc.documentElement.children].some((child) => child.localName === PANEL_ELEMENT)) return true;
  const dock = dockOf(doc);
  return !!dock && [...dock.children].some((el) => el.localName === PANEL_ELEMENT);
}

/** The panel's dock, when the bootstrap script reserved one (the tools' pages; not the generic reader's). */
export function dockOf(doc: Document): Element | undefined {
  return [...doc.documentElement.children].find((child) => child.localName === DOCK_ELEMENT);
}

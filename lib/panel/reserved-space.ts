/**
 * The panel never covers the tool's own controls: while it is shown, the page's root element gets
 * a right margin as wide as the panel (or its collapsed tab), through an adopted style sheet that
 * is removed again when the content script is invalidated. No element of the page is changed.
 *
 * The panel sits in a dock: a fixed, fully contained box in that margin, attached as the last child of `<html>` as
 * soon as the space is reserved (on the tools' pages at document_start, while the document is still empty).
 * Measured by tracing `npm run bench:page`'s page: attaching the panel's host to `<html>` once the 1,000-message
 * thread was parsed made the browser lay out the whole page again (22–87 ms, partial layout impossible: the host's
 * parent was the document's root). Inside the contained dock the panel's own layout stays inside it.
 */
import { DOCK_ELEMENT } from './panel-element';

export const PANEL_WIDTH_PX = 320;
export const TAB_WIDTH_PX = 32;

const DOCK_STYLE =
  'position:fixed;top:0;right:0;height:100vh;z-index:2147483646;display:block;contain:strict;overflow:hidden;' +
  'margin:0;padding:0;border:0;';

export interface ReservedSpace {
  /** Where the panel's host goes (attached to the document with the space). */
  readonly dock: HTMLElement;
  set(widthPx: number): void;
  /**
   * While a dialog of the panel is open the dock covers the whole window (the dialog's backdrop is fixed inside the
   * contained dock, which would otherwise clip it to the panel's width); the page's margin does not change.
   */
  cover(on: boolean): void;
  release(): void;
}

export function reserveSpace(doc: Document): ReservedSpace {
  const sheet = new CSSStyleSheet();
  const dock = doc.createElement(DOCK_ELEMENT);
  dock.style.cssText = `${DOCK_STYLE}width:0`;
  doc.documentElement.append(dock);
  let adopted = false;
  let current = -1;
  let covering = false;
  const sizeDock = () => (dock.style.width = covering ? '100vw' : `${Math.max(0, current)}px`);
  return {
    dock,
    set(widthPx) {
      const width = Math.max(0, Math.round(widthPx));
      if (width === current) return;
      current = width;
      // No transition: on a long thread every animated frame would lay out the whole page again.
      sheet.replaceSync(`html { margin-right: ${width}px !important; }`);
      sizeDock();
      if (!adopted) {
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        adopted = true;
      }
    },
    cover(on) {
      if (on === covering) return;
      covering = on;
      sizeDock();
    },
    release() {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      dock.remove();
      adopted = false;
      current = -1;
    },
  };
}

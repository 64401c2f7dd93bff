/**
 * The panel never covers the tool's own controls: while it is shown, the page's root element gets
 * a right margin as wide as the panel (or its collapsed tab), through an adopted style sheet that
 * is removed again when the content script is invalidated. No element of the page is changed.
 */
export const PANEL_WIDTH_PX = 320;
export const TAB_WIDTH_PX = 32;

export interface ReservedSpace {
  set(widthPx: number): void;
  release(): void;
}

export function reserveSpace(doc: Document): ReservedSpace {
  const sheet = new CSSStyleSheet();
  let adopted = false;
  let current = -1;
  return {
    set(widthPx) {
      const width = Math.max(0, Math.round(widthPx));
      if (width === current) return;
      current = width;
      // No transition: on a long thread every animated frame would lay out the whole page again.
      sheet.replaceSync(`html { margin-right: ${width}px !important; }`);
      if (!adopted) {
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        adopted = true;
      }
    },
    release() {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      adopted = false;
      current = -1;
    },
  };
}

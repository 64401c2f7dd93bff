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
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return {
    set(widthPx) {
      sheet.replaceSync(
        `html { margin-right: ${Math.max(0, Math.round(widthPx))}px !important; transition: margin-right 120ms ease; }`,
      );
    },
    release() {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

/**
 * Shows a finding in the page without changing the page's DOM: finds the value in the page's text
 * nodes (across node boundaries), scrolls it into view and paints it with the CSS Custom Highlight
 * API (`CSS.highlights`, `::highlight(privacydesk-finding)`). Hand-written: no library maps plain
 * text back to DOM ranges for highlights.
 */
const HIGHLIGHT_NAME = 'privacydesk-finding';

interface TextSpan {
  node: Text;
  start: number;
}

function collectText(root: Node): { text: string; spans: TextSpan[] } {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      const parent = node.parentElement;
      if (!parent || parent.closest('script,style,noscript,template')) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const spans: TextSpan[] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    spans.push({ node: node as Text, start: text.length });
    text += (node as Text).data;
  }
  return { text, spans };
}

/** The text node holding `offset`; a start prefers the node that begins there, an end the one that ends there. */
function locate(spans: TextSpan[], offset: number, edge: 'start' | 'end'): { node: Text; offset: number } | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (!span) break;
    const end = span.start + span.node.data.length;
    const before = edge === 'start' ? offset < span.start : offset <= span.start;
    const after = edge === 'start' ? offset >= end : offset > end;
    if (before) hi = mid - 1;
    else if (after) lo = mid + 1;
    else return { node: span.node, offset: offset - span.start };
  }
  return undefined;
}

/** A Range over the n-th occurrence of `value` in the text under `root`, or null. */
export function findTextRange(root: Node, value: string, occurrence = 0): Range | null {
  if (!value) return null;
  const { text, spans } = collectText(root);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(value, at + 1);
    if (at < 0) return null;
  }
  const start = locate(spans, at, 'start');
  const end = locate(spans, at + value.length, 'end');
  if (!start || !end) return null;
  const doc = root.ownerDocument ?? (root as Document);
  const range = doc.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

/** Paints `range` with the finding highlight (replacing the previous one) and scrolls it into view. */
export function showRange(doc: Document, range: Range): boolean {
  const win = doc.defaultView as unknown as {
    Highlight?: new (...ranges: Range[]) => unknown;
    CSS?: { highlights?: HighlightRegistry };
  } | null;
  const registry = win?.CSS?.highlights;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (!registry || !win?.Highlight) return false;
  ensureHighlightStyle(doc);
  registry.set(HIGHLIGHT_NAME, new win.Highlight(range));
  return true;
}

export function clearHighlight(doc: Document): void {
  const registry = (doc.defaultView?.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  registry?.delete(HIGHLIGHT_NAME);
}

const styled = new WeakSet<Document>();
function ensureHighlightStyle(doc: Document): void {
  if (styled.has(doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`::highlight(${HIGHLIGHT_NAME}) { background-color: #ffd33d; color: #1b1f24; }`);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  styled.add(doc);
}

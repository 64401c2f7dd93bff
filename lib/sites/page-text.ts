/**
 * Reading text out of someone else's page safely. Hand-written rather than `innerText` because happy-dom (tests)
 * has no layout and `textContent` includes the source of <script>/<style>; we walk the tree ourselves, skip
 * non-content elements, keep line breaks for block elements and strip bidirectional control characters
 * (U+202A–U+202E, U+2066–U+2069) so hostile text cannot reorder what the panel shows. Nothing here ever
 * produces or inserts HTML.
 */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'BUTTON', 'SELECT']);
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Collapses runs of spaces, keeps at most one blank line, trims. */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/[ \t\f\v\u00A0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** True when the element or one of its ancestors is hidden by attribute or inline style. */
export function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (isHiddenElement(node)) return true;
  return false;
}

export interface PlainTextOptions {
  /** Elements matching this selector are left out (e.g. quoted history). */
  exclude?: string;
  /** Leave out hidden elements. Default true. */
  skipHidden?: boolean;
}

/** Elements under root (root included) that `keep(el)` picks from those matching the selector: one query, not one test per element. */
function elementsWhere(root: Element, selector: string, keep: (el: Element) => boolean = () => true): Set<Element> {
  const out = new Set<Element>();
  if (root.matches(selector) && keep(root)) out.add(root);
  for (const el of Array.from(root.querySelectorAll(selector))) if (keep(el)) out.add(el);
  return out;
}

/** What can hide an element by attribute or inline style (checked in full by isHiddenElement). */
const MAYBE_HIDDEN = '[hidden],[aria-hidden],[style]';

/**
 * The plain text of an element, as a reader would see it. Hidden and excluded elements are found with one query
 * each rather than tested one by one during the walk (measured with scripts/page/profile.ts on a 1,000-message
 * thread: the per-element attribute reads were about a third of reading it).
 */
export function plainText(root: Element | null | undefined, options: PlainTextOptions = {}): string {
  if (!root) return '';
  const skipHidden = options.skipHidden ?? true;
  const hidden = skipHidden ? elementsWhere(root, MAYBE_HIDDEN, isHiddenElement) : null;
  const excluded = options.exclude ? elementsWhere(root, options.exclude) : null;
  const parts: string[] = [];
  const walk = (node: Node): void => {
    const type = node.nodeType;
    if (type === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (type !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (hidden?.has(el) || excluded?.has(el)) return;
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return normaliseWhitespace(stripBidiControls(parts.join('')));
}

/** One-line text of a small element (names, subjects). */
export function lineText(el: Element | null | undefined): string {
  return plainText(el).replace(/\s+/g, ' ').trim();
}

/** Attribute value without bidi controls, trimmed; '' when missing. */
export function attr(el: Element | null | undefined, name: string): string {
  return stripBidiControls(el?.getAttribute(name) ?? '').trim();
}

const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}$/i;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/** The e-mail addresses and phone numbers of the mailto: and tel: links under root, in one query. */
export function linkIdentities(root: ParentNode): { emails: string[]; phones: string[] } {
  const emails: string[] = [];
  const phones: string[] = [];
  for (const a of Array.from(root.querySelectorAll('a[href^="mailto:" i], a[href^="tel:" i]'))) {
    const href = a.getAttribute('href') ?? '';
    if (href.slice(0, 4).toLowerCase() === 'tel:') {
      const number = stripBidiControls(href.slice('tel:'.length)).replace(/[\s()-]/g, '');
      if (/^\+?\d{6,15}$/.test(number)) phones.push(number);
      continue;
    }
    const raw = href.slice('mailto:'.length).split('?')[0] ?? '';
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      /* keep raw */
    }
    for (const part of decoded.split(',')) {
      const email = stripBidiControls(part).trim().toLowerCase();
      if (isEmail(email)) emails.push(email);
    }
  }
  return { emails: unique(emails), phones: unique(phones) };
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

import { i18n } from '#i18n';
import { PII_TYPES } from '@/lib/pii/types';
import { dockOf } from './panel-element';

/**
 * One line in each of the panel's text styles, laid out unseen in the panel's dock while the page is still loading,
 * so the panel's own first layout (after the page's load event) does not pay alone for what a renderer does the
 * first time it lays out text in a new face and size (font data, shaping caches, the style sheet's rules).
 * Measured: in a fresh Chromium renderer the panel's first style and layout took 22-67 ms without such a sample and
 * 14-31 ms after one. On `npm run bench:page`'s 1,000-message thread (8 loads each, untraced, same build otherwise):
 * the longest animation frame after load 83-206 ms (median 165) without, 65-102 ms (median 81) with; loads with a
 * long task after load 5 of 8 without, 1 of 8 with; none was added before load. Only the panel's own labels,
 * digits and mask dots are in it, never page content.
 *
 * Laid out in a task of its own, queued now: inside the task that evaluates the UI script (with its first i18n
 * lookups and the style sheet's parse) it made that task the one `npm run bench:page`'s traces attributed to the
 * extension. Returns a function that takes the sample away, or keeps it from being laid out (the panel calls it once
 * it has mounted).
 */
export function warmPanelText(doc: Document, css: string): () => void {
  let drop: (() => void) | null = null;
  const timer = setTimeout(() => {
    const dock = dockOf(doc);
    if (dock) drop = layOutSample(doc, dock, css);
  }, 0);
  return () => {
    clearTimeout(timer);
    drop?.();
  };
}

function layOutSample(doc: Document, dock: Element, css: string): () => void {
  const host = doc.createElement('privacydesk-warmup');
  // Laid out (visibility, unlike display: none, keeps the boxes) but never painted or hit.
  host.style.cssText =
    'all:initial;position:absolute;top:0;left:0;width:320px;height:0;visibility:hidden;contain:strict';
  const root = host.attachShadow({ mode: 'open' });
  const el = (tag: string, className: string, text?: string, parent: Node = root): HTMLElement => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  };
  el('style', '').textContent = css;
  // Not the panel's own <aside>: the UI contract's landmark stays unique on the page.
  const panel = el('div', 'pd-panel');
  const header = el('div', 'pd-header', undefined, panel);
  el('h2', 'pd-title', i18n.t('panel.title'), header);
  el('button', 'pd-icon-button', '⟩', header);
  el('p', 'pd-muted pd-small', i18n.t('panel.scanning'), panel);
  el('h3', 'pd-section-title', i18n.t('panel.findingsTitle'), panel);
  el('p', 'pd-customer-name', i18n.t('panel.messagesTitle'), panel);
  el('p', 'pd-badge', '0123456789', panel);
  el('button', 'pd-button', i18n.t('panel.keep'), panel);
  el('button', 'pd-link-button', '0123456789', panel);
  el('p', 'pd-finding-summary', PII_TYPES.map((type) => i18n.t(`piiType.${type}`)).join(' · '), panel);
  const finding = el('button', 'pd-finding-button', undefined, panel);
  el('span', 'pd-finding-type', i18n.t('piiType.EMAIL'), finding);
  el('span', 'pd-finding-value', '•••• 0123456789 @.', finding);
  const message = el('div', 'pd-message', undefined, panel);
  el('span', 'pd-message-meta', '0123456789 ·', message);
  el('button', 'pd-keep', i18n.t('panel.keep'), message);
  dock.appendChild(host);
  return () => host.remove();
}

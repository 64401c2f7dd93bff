import { defineAdapter } from '../define-adapter';
import { attr, lineText, linkIdentities } from '../page-text';
import { isoFromAttribute } from '../parse-date';

/**
 * Front (app.frontapp.com). Front's class names are `<component>__<StyledPart>-<hash>`: the component prefix
 * is stable, the hash changes per deploy, so selectors match `[class*="component__StyledPart"]`. The open
 * conversation is the viewer `[class*="viewer__StyledViewerDiv"][data-testid="viewer-<id>"]`, the subject
 * `[data-searchable-subject="true"]` (markers used by a public Front content script, see SOURCES.md).
 * The API id is `cnv_<base36>` — in the URL when present, otherwise derived from the viewer's numeric id.
 */
const CNV_IN_PATH = /\/(cnv_[a-z0-9]+)(?:\/|$)/;

function conversationIdFrom(url: URL, doc: Document): string | null {
  const fromPath = CNV_IN_PATH.exec(url.pathname)?.[1];
  if (fromPath) return fromPath;
  const viewer = attr(doc.querySelector('[class*="viewer__StyledViewerDiv"]'), 'data-testid');
  const numeric = /^viewer-(\d+)$/.exec(viewer)?.[1];
  return numeric ? `cnv_${BigInt(numeric).toString(36)}` : null;
}

export default defineAdapter({
  id: 'front',
  label: 'Front',
  version: '1.0.0',
  matches: ['https://app.frontapp.com/*'],
  exampleUrls: [
    'https://app.frontapp.com/open/cnv_55c8c149',
    'https://app.frontapp.com/inboxes/teammates/1234/inbox/open/cnv_2fk8x1t',
    'https://app.frontapp.com/inboxes/shared/support/open/cnv_9zz0a1/message/msg_1a2b3c',
  ],
  nonConversationUrls: ['https://app.frontapp.com/inboxes/teammates/1234/inbox', 'https://app.frontapp.com/settings/'],
  isConversationUrl: (url) =>
    url.hostname === 'app.frontapp.com' && (CNV_IN_PATH.test(url.pathname) || /\/open\/\d+(?:\/|$)/.test(url.pathname)),
  selectors: {
    header: { selector: '[class*="conversationHeader__StyledContainer"]', fixtureCount: 1 },
    viewer: { selector: '[class*="viewer__StyledViewerDiv"]', fixtureCount: 1 },
    subject: { selector: '[data-searchable-subject="true"]', fixtureCount: 1 },
    messages: { selector: '[class*="messageViewer__StyledMessage"][data-message-id]', fixtureCount: 3 },
    sender: { selector: '[class*="messageViewerHeader__StyledSender"]', fixtureCount: 3 },
    body: { selector: '[class*="messageViewer__StyledBody"]', fixtureCount: 3 },
    contact: { selector: '[class*="contactDetails__StyledContainer"]', fixtureCount: 1, required: false },
  },
  locate(doc, url) {
    const conversationId = conversationIdFrom(url, doc);
    if (!conversationId) return { failed: ['viewer'] };
    const viewer = doc.querySelector('[class*="viewer__StyledViewerDiv"]') ?? doc;
    const contact = doc.querySelector('[class*="contactDetails__StyledContainer"]');
    const senderOf = (el: Element) => el.querySelector('[class*="messageViewerHeader__StyledSender"]');
    return {
      conversationId,
      subject: lineText(doc.querySelector('[data-searchable-subject="true"]')),
      elements: Array.from(viewer.querySelectorAll('[class*="messageViewer__StyledMessage"][data-message-id]')),
      customer: contact
        ? {
            name: lineText(contact.querySelector('[class*="contactDetails__StyledName"]')),
            ...linkIdentities(contact),
          }
        : {},
      parts: {
        id: (el) => attr(el, 'data-message-id'),
        author: (el) => lineText(senderOf(el)),
        authorEmail: (el) => attr(senderOf(el), 'data-email'),
        fromCustomer: (el) => attr(el, 'data-is-inbound') === 'true',
        internal: (el) => attr(el, 'data-type') === 'comment',
        sentAt: (el) => isoFromAttribute(el.querySelector('time[datetime]')?.getAttribute('datetime')),
        body: (el) => el.querySelector('[class*="messageViewer__StyledBody"]'),
      },
    };
  },
});

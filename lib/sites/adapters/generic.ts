import { defineAdapter } from '../define-adapter';
import { lineText, linkIdentities, normaliseWhitespace, plainText, stripBidiControls } from '../page-text';

/**
 * The generic reader for any other page. It has no match patterns: the panel starts it from the toolbar
 * button (activeTab). It reads the user's selection when there is one, otherwise the page's visible text, plus
 * the page's mailto: and tel: links. The conversation id is the page address without query or fragment, so
 * tokens in URLs are not stored.
 */
export default defineAdapter({
  id: 'generic',
  label: 'This page',
  version: '1.0.0',
  matches: [],
  exampleUrls: ['https://forum.example.nl/t/bestelling-kwijt/8812', 'http://intranet.local/crm/klant?id=12'],
  nonConversationUrls: ['chrome://extensions/', 'about:blank', 'file:///home/user/export.html'],
  isConversationUrl: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  selectors: {
    body: { selector: 'body', fixtureCount: 1 },
  },
  locate(doc, url) {
    const selection = normaliseWhitespace(stripBidiControls(doc.getSelection?.()?.toString() ?? ''));
    // A selection is text, not an element: it is held in a detached element that never enters the page.
    const holder = doc.createElement('div');
    holder.textContent = selection;
    const source = selection ? holder : doc.body;
    if (!plainText(source)) return { failed: [], reason: 'no-conversation-open' };
    return {
      conversationId: `${url.origin}${url.pathname}`,
      subject: lineText(doc.querySelector('title')) || lineText(doc.querySelector('h1')),
      elements: [source],
      customer: linkIdentities(doc),
      parts: {
        id: () => (selection ? 'selection' : 'page'),
        author: () => '',
        fromCustomer: () => true,
        sentAt: () => null,
        body: (el) => el,
      },
    };
  },
});

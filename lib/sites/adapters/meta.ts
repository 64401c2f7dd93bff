import { defineAdapter } from '../define-adapter';
import { attr, lineText } from '../page-text';
import { isoFromAttribute } from '../parse-date';

/**
 * Meta Business Suite inbox (business.facebook.com/latest/inbox/…), Facebook Messenger and Instagram Direct
 * threads of a Page. Meta's class names are generated, so the reader relies on ARIA roles and attributes: the
 * open thread is `[role="main"] [role="log"]` with one `[role="row"]` per message. The thread is chosen by
 * `selected_item_id` in the URL (the id the Graph API's conversation endpoints use for the participant), and
 * the channel by `thread_type`. Markers are the fixture's documented assumptions (SOURCES.md).
 */
function selectedItem(url: URL): string | null {
  const id = url.searchParams.get('selected_item_id');
  return id && /^[\w.-]+$/.test(id) ? id : null;
}

export default defineAdapter({
  id: 'meta',
  label: 'Meta Business Suite',
  version: '1.0.0',
  matches: ['https://business.facebook.com/latest/inbox/*'],
  exampleUrls: [
    'https://business.facebook.com/latest/inbox/all/?asset_id=109876543210&selected_item_id=100012345678901&thread_type=FB_MESSAGE',
    'https://business.facebook.com/latest/inbox/instagram_direct?asset_id=109876543210&selected_item_id=17841400000000001&thread_type=IG_MESSAGE',
  ],
  nonConversationUrls: [
    'https://business.facebook.com/latest/inbox/all?asset_id=1',
    'https://business.facebook.com/latest/home?asset_id=109876543210',
  ],
  isConversationUrl: (url) =>
    url.hostname === 'business.facebook.com' && url.pathname.startsWith('/latest/inbox') && selectedItem(url) !== null,
  selectors: {
    thread: { selector: '[role="main"] [role="log"]', fixtureCount: 1 },
    rows: { selector: '[role="main"] [role="log"] [role="row"]', fixtureCount: 3 },
    text: { selector: '[role="row"] [data-testid="message-text"]', fixtureCount: 3 },
    header: { selector: '[role="main"] [data-testid="thread-header"]', fixtureCount: 1, required: false },
  },
  locate(doc, url) {
    const conversationId = selectedItem(url);
    const log = doc.querySelector('[role="main"] [role="log"]');
    if (!conversationId || !log) return { failed: ['thread'] };
    // The page keeps the log of the last thread while the next one loads: read it only if it is this one.
    if (attr(log, 'data-thread-id') && attr(log, 'data-thread-id') !== conversationId) {
      return { failed: [], reason: 'no-conversation-open' };
    }
    const header = doc.querySelector('[role="main"] [data-testid="thread-header"]');
    const customerName = lineText(header?.querySelector('[data-testid="participant-name"]'));
    const handle = lineText(header?.querySelector('[data-testid="participant-handle"]'));
    const fromPage = (el: Element) => attr(el, 'data-from') === 'page';
    return {
      conversationId,
      subject: customerName,
      elements: Array.from(log.querySelectorAll('[role="row"]')),
      customer: { name: customerName, handles: handle ? [handle] : [] },
      parts: {
        id: (el, index) => attr(el, 'data-message-id') || `${conversationId}#${index}`,
        author: (el) => (fromPage(el) ? lineText(el.querySelector('[data-testid="sender-name"]')) : customerName),
        fromCustomer: (el) => !fromPage(el),
        sentAt: (el) => isoFromAttribute(el.querySelector('time[datetime]')?.getAttribute('datetime')),
        body: (el) => el.querySelector('[data-testid="message-text"]'),
      },
    };
  },
});

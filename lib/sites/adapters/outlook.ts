import { defineAdapter } from '../define-adapter';
import { attr, lineText } from '../page-text';
import { parseDisplayedDate } from '../parse-date';

/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com). The reading pane is
 * `[data-app-section="ConversationContainer"]` and each message body `div[aria-label="Message body"]`
 * (markers used by public Outlook content scripts, see SOURCES.md). The conversation id is the item id in the
 * URL (`…/id/<REST id, URL-encoded>`), the id Microsoft Graph's mail API accepts. The signed-in account is
 * read from Microsoft's account control (`#mectrl_currentAccount_secondary`).
 */
const ITEM_PATH = /^\/mail\/(?:[^/]+\/)*(?:id|read)\/([^/?#]+)/;

function itemId(url: URL): string | null {
  const raw = ITEM_PATH.exec(url.pathname)?.[1];
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export default defineAdapter({
  id: 'outlook',
  label: 'Outlook on the web',
  version: '1.0.0',
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  exampleUrls: [
    'https://outlook.office.com/mail/inbox/id/AAQkAGI2ZjE4ZDM0LTk1YjktNGQ2Yy1hZTc0LTExMjM0NTY3ODkwAAQAJq1nN7dm7kWvW1pb%2BkvS4g%3D',
    'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM3ZmYAZS1kNwA3NC1hZDYwLTAwAi0wMAoAEAAbbQ%3D%3D',
    'https://outlook.office365.com/mail/deeplink/read/AAMkAGI2ZjE4ZDM0AAA%3D',
  ],
  nonConversationUrls: [
    'https://outlook.office.com/mail/inbox',
    'https://outlook.live.com/mail/0/',
    'https://outlook.office.com/calendar/view/week',
  ],
  isConversationUrl: (url) => /^outlook\.(?:office|office365|live)\.com$/.test(url.hostname) && itemId(url) !== null,
  selectors: {
    container: { selector: '[data-app-section="ConversationContainer"]', fixtureCount: 1 },
    messages: { selector: '[data-app-section="ConversationContainer"] [data-testid="message-item"]', fixtureCount: 2 },
    body: { selector: 'div[aria-label="Message body"]', fixtureCount: 2 },
    sender: { selector: '[data-testid="SenderPersona"] span[title]', fixtureCount: 2 },
    subject: {
      selector: '[data-app-section="ConversationContainer"] [role="heading"]',
      fixtureCount: 1,
      required: false,
    },
    account: { selector: '#mectrl_currentAccount_secondary', fixtureCount: 1, required: false },
    actions: { selector: '[aria-label="Message actions"]', fixtureCount: 2, required: false },
  },
  locate(doc, url) {
    const conversationId = itemId(url);
    if (!conversationId) return { failed: [], reason: 'no-conversation-open' };
    const container = doc.querySelector('[data-app-section="ConversationContainer"]');
    if (!container) return { failed: ['container'] };
    const me = lineText(doc.querySelector('#mectrl_currentAccount_secondary')).toLowerCase();
    const senderOf = (el: Element) => el.querySelector('[data-testid="SenderPersona"] span[title]');
    const emailOf = (el: Element) => attr(senderOf(el), 'title').toLowerCase();
    const elements = Array.from(container.querySelectorAll('[data-testid="message-item"]'));
    // Without the signed-in address, the thread's first sender is taken for the customer.
    const first = elements[0] ? emailOf(elements[0]) : '';
    return {
      conversationId,
      subject: lineText(container.querySelector('[role="heading"]')),
      elements,
      agentEmails: me ? [me] : [],
      parts: {
        id: (el, index) => attr(el, 'data-item-id') || `${conversationId}#${index}`,
        author: (el) => lineText(senderOf(el)),
        authorEmail: emailOf,
        fromCustomer: (el) => (me ? emailOf(el) !== me : emailOf(el) === first),
        sentAt: (el) => parseDisplayedDate(attr(el.querySelector('[data-testid="SentReceivedSavedTime"]'), 'title')),
        body: (el) => el.querySelector('div[aria-label="Message body"]'),
      },
    };
  },
});

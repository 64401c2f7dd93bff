import { defineAdapter } from '../define-adapter';
import { attr, isHidden, lineText } from '../page-text';
import { parseDisplayedDate } from '../parse-date';
import { gmailHexThreadId } from '../gmail-thread-id';

/**
 * Gmail (mail.google.com). Markers as gmail.js and InboxSDK-era extensions read them (see
 * tests/fixtures/sites/gmail/SOURCES.md): the subject `h2.hP` carries `data-thread-perm-id="thread-f:<decimal>"`
 * and `data-legacy-thread-id="<hex>"`; each message is `div.adn` with `data-legacy-message-id="<hex>"`, the
 * sender `span.gD[email][name]`, the time `span.g3[title]` and the body `div.a3s`.
 * The Gmail API's thread id is the hex form: `data-legacy-thread-id`, or the decimal of `thread-f:` in hex.
 */

const HEX_ID = /^[0-9a-f]{12,}$/;

/** The signed-in account, from the account button's label "Google Account: Name (address)". */
function accountEmail(doc: Document): string | null {
  const label = attr(doc.querySelector('a[aria-label^="Google Account"]'), 'aria-label');
  const match = /\(([^()\s]+@[^()\s]+)\)/.exec(label);
  return match?.[1]?.toLowerCase() ?? null;
}

export default defineAdapter({
  id: 'gmail',
  label: 'Gmail',
  version: '1.0.0',
  matches: ['https://mail.google.com/*'],
  exampleUrls: [
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmlPdqrJwFzhgxBHwxQr',
    'https://mail.google.com/mail/u/1/#label/Klanten/FMfcgzQXJWDsKmlPdqrJwFzhgxBHwxQr',
    'https://mail.google.com/mail/u/0/#search/iban/FMfcgzQXJWDsKmlPdqrJwFzhgxBHwxQr',
    'https://mail.google.com/mail/u/0/#all/18c5e4f2a9b3d701',
  ],
  nonConversationUrls: [
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/p2',
    'https://mail.google.com/mail/u/0/#settings/general',
    'https://mail.google.com/mail/u/0/#search/iban',
  ],
  isConversationUrl: (url) =>
    url.hostname === 'mail.google.com' && !url.hash.startsWith('#settings') && /\/[A-Za-z0-9_-]{16,}$/.test(url.hash),
  selectors: {
    main: { selector: 'div[role="main"]', fixtureCount: 1 },
    subject: { selector: 'h2.hP', fixtureCount: 1 },
    threadId: { selector: 'h2.hP[data-thread-perm-id], h2.hP[data-legacy-thread-id]', fixtureCount: 1 },
    messages: { selector: 'div.adn[data-legacy-message-id]', fixtureCount: 4 },
    sender: { selector: 'div.adn span.gD[email]', fixtureCount: 4 },
    body: { selector: 'div.adn div.a3s', fixtureCount: 4 },
    time: { selector: 'div.adn span.g3[title]', fixtureCount: 4, required: false },
    account: { selector: 'a[aria-label^="Google Account"]', fixtureCount: 1, required: false },
  },
  locate(doc) {
    // Gmail keeps earlier threads in the DOM, hidden: only the visible subject counts.
    const subjectEl = Array.from(doc.querySelectorAll('h2.hP')).find((el) => !isHidden(el));
    if (!subjectEl) return { failed: [], reason: 'no-conversation-open' };
    const legacy = attr(subjectEl, 'data-legacy-thread-id');
    const conversationId = HEX_ID.test(legacy) ? legacy : gmailHexThreadId(attr(subjectEl, 'data-thread-perm-id'));
    if (!conversationId) return { failed: ['threadId'] };
    const scope = subjectEl.closest('div[role="main"]') ?? doc;
    const elements = Array.from(scope.querySelectorAll('div.adn[data-legacy-message-id]'));
    const me = accountEmail(doc);
    const senderOf = (el: Element) => el.querySelector('span.gD[email]');
    const emailOf = (el: Element) => attr(senderOf(el), 'email').toLowerCase();
    // Without the account address, the thread's first sender is taken for the customer.
    const firstSender = elements[0] ? emailOf(elements[0]) : '';
    return {
      conversationId,
      subject: lineText(subjectEl),
      elements,
      agentEmails: me ? [me] : [],
      parts: {
        id: (el) => attr(el, 'data-legacy-message-id'),
        author: (el) => attr(senderOf(el), 'name') || lineText(senderOf(el)),
        authorEmail: emailOf,
        fromCustomer: (el) => (me ? emailOf(el) !== me : emailOf(el) === firstSender),
        sentAt: (el) => parseDisplayedDate(attr(el.querySelector('span.g3[title]'), 'title')),
        body: (el) => el.querySelector('div.a3s'),
        exclude: '.gmail_quote',
        skip: isHidden,
      },
    };
  },
});

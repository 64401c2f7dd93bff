import { defineAdapter } from '../define-adapter';
import { attr, lineText, linkIdentities } from '../page-text';
import { isoFromAttribute, parseDisplayedDate } from '../parse-date';

/**
 * Help Scout (secure.helpscout.net/conversation/<id>/<number>). The first number in the URL is the id the
 * Mailbox API uses; the second is the number shown to people. Threads are `article.thread` with a type class
 * (`customer`, `message`, `note`) and `id="thread-<threadId>"`; the body is
 * `section.js-thread-content section.messageBody` (markers read by helpscout-thread-hider); the subject is `[data-cy="EditableTextarea"]` next to
 * `[data-cy="ConversationHeader.Actions"]` (Toggl Track's Help Scout integration). See SOURCES.md.
 */
const CONVERSATION_PATH = /^\/conversation\/(\d+)(?:\/|$)/;

export default defineAdapter({
  id: 'helpscout',
  label: 'Help Scout',
  version: '1.0.0',
  matches: ['https://secure.helpscout.net/*'],
  exampleUrls: [
    'https://secure.helpscout.net/conversation/2712345678/88/',
    'https://secure.helpscout.net/conversation/1353459485/2675457?folderId=2834514',
  ],
  nonConversationUrls: [
    'https://secure.helpscout.net/mailbox/25135/',
    'https://secure.helpscout.net/customer/12079468/',
  ],
  isConversationUrl: (url) => url.hostname === 'secure.helpscout.net' && CONVERSATION_PATH.test(url.pathname),
  selectors: {
    threads: { selector: 'article.thread[id^="thread-"]', fixtureCount: 3 },
    body: { selector: 'article.thread section.js-thread-content section.messageBody', fixtureCount: 3 },
    meta: { selector: 'article.thread section.threadHeader', fixtureCount: 3 },
    subject: { selector: '[data-cy="EditableTextarea"]', fixtureCount: 1, required: false },
    headerActions: { selector: '[data-cy="ConversationHeader.Actions"]', fixtureCount: 1, required: false },
    customerCard: { selector: '[data-cy="customer-card"]', fixtureCount: 1, required: false },
  },
  locate(doc, url) {
    const card = doc.querySelector('[data-cy="customer-card"]');
    const nameOf = (el: Element) => el.querySelector('section.threadHeader .name');
    return {
      conversationId: CONVERSATION_PATH.exec(url.pathname)?.[1] ?? '',
      subject: lineText(doc.querySelector('[data-cy="EditableTextarea"]')),
      elements: Array.from(doc.querySelectorAll('article.thread[id^="thread-"]')),
      customer: card
        ? {
            name: lineText(card.querySelector('[data-cy="customer-name"]')),
            ...linkIdentities(card),
          }
        : {},
      parts: {
        id: (el) => attr(el, 'id').replace(/^thread-/, ''),
        author: (el) => lineText(nameOf(el)),
        authorEmail: (el) => attr(nameOf(el), 'data-email'),
        fromCustomer: (el) => el.classList.contains('customer'),
        internal: (el) => el.classList.contains('note'),
        sentAt: (el) => {
          const time = el.querySelector('section.threadHeader time');
          return isoFromAttribute(time?.getAttribute('datetime')) ?? parseDisplayedDate(attr(time, 'title'));
        },
        body: (el) => el.querySelector('section.js-thread-content section.messageBody'),
      },
    };
  },
});

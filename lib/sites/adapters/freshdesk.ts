import { defineAdapter } from '../define-adapter';
import { attr, lineText, linkIdentities } from '../page-text';
import { isoFromAttribute } from '../parse-date';

/**
 * Freshdesk agent portal (*.freshdesk.com/a/tickets/<id>). Each conversation entry carries `data-album`
 * (the marker freshdesk-mint-navigator walks) inside `.ticket-details__item`; the subject is
 * `.ticket-subject-heading` and the ticket number `.breadcrumb__item.active` (Toggl Track's Freshdesk
 * integration); the rest of the markers are the fixture's documented assumptions (tests/fixtures/sites/freshdesk/SOURCES.md). The ticket id is the URL's.
 */
const TICKET_PATH = /^\/a\/tickets\/(\d+)(?:\/|$)/;

export default defineAdapter({
  id: 'freshdesk',
  label: 'Freshdesk',
  version: '1.0.0',
  matches: ['https://*.freshdesk.com/a/*'],
  exampleUrls: ['https://fietsenhuis.freshdesk.com/a/tickets/311', 'https://acme.freshdesk.com/a/tickets/98012/'],
  nonConversationUrls: [
    'https://fietsenhuis.freshdesk.com/a/tickets/filters/all_tickets',
    'https://fietsenhuis.freshdesk.com/a/contacts/12',
  ],
  isConversationUrl: (url) => url.hostname.endsWith('.freshdesk.com') && TICKET_PATH.test(url.pathname),
  selectors: {
    conversation: { selector: '[data-test-id="ticket-conversation"]', fixtureCount: 1 },
    entries: { selector: '[data-album]', fixtureCount: 3 },
    author: { selector: '[data-album] [data-test-id="conversation-author"]', fixtureCount: 3 },
    body: { selector: '[data-album] [data-test-id="conversation-body"]', fixtureCount: 3 },
    time: { selector: '[data-album] time[datetime]', fixtureCount: 3, required: false },
    subject: { selector: '.ticket-subject-heading', fixtureCount: 1, required: false },
    ticketNumber: { selector: '.breadcrumb__item.active', fixtureCount: 1, required: false },
    requester: { selector: '[data-test-id="requester-info"]', fixtureCount: 1, required: false },
  },
  locate(doc, url) {
    const ticketId = TICKET_PATH.exec(url.pathname)?.[1] ?? '';
    // The breadcrumb shows the ticket on screen ("#311"); after navigating it may still be the previous one.
    const shown = lineText(doc.querySelector('.breadcrumb__item.active')).replace(/^#/, '');
    if (shown && shown !== ticketId) return { failed: [], reason: 'no-conversation-open' };
    const root = doc.querySelector('[data-test-id="ticket-conversation"]');
    if (!root || (attr(root, 'data-ticket-id') && attr(root, 'data-ticket-id') !== ticketId)) {
      return { failed: ['conversation'], reason: 'no-conversation-open' };
    }
    const requester = doc.querySelector('[data-test-id="requester-info"]');
    const authorOf = (el: Element) => el.querySelector('[data-test-id="conversation-author"]');
    return {
      conversationId: ticketId,
      subject: lineText(doc.querySelector('.ticket-subject-heading')),
      elements: Array.from(root.querySelectorAll('[data-album]')),
      customer: requester
        ? {
            name: lineText(requester.querySelector('[data-test-id="requester-name"]')),
            ...linkIdentities(requester),
          }
        : {},
      parts: {
        id: (el) => attr(el, 'data-album'),
        author: (el) => lineText(authorOf(el)),
        authorEmail: (el) => attr(authorOf(el), 'data-email'),
        // Freshdesk marks the requester's entries "incoming"; replies and notes are the agents'.
        fromCustomer: (el) => el.classList.contains('incoming'),
        internal: (el) => el.classList.contains('private-note'),
        sentAt: (el) => isoFromAttribute(el.querySelector('time[datetime]')?.getAttribute('datetime')),
        body: (el) => el.querySelector('[data-test-id="conversation-body"]'),
      },
    };
  },
});

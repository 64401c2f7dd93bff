import { defineAdapter } from '../define-adapter';
import { attr, lineText, linkIdentities, stripBidiControls } from '../page-text';
import { isoFromAttribute } from '../parse-date';

/**
 * Zendesk agent workspace (*.zendesk.com/agent/tickets/<id>). Each open ticket tab is a pane
 * `[data-ticket-id="<id>"]`; its log `[data-test-id="omni-log-container"]` holds one
 * `article[data-test-id="omni-log-comment-item"]` per comment with the sender, the message
 * (`[data-test-id="omni-log-item-message"]` whose `type` is `end-user`, `agent` or `internal`) and
 * `time[data-test-id="timestamp-relative"][datetime]`. Only the pane of the ticket in the URL is read, so a
 * second open tab never mixes in. Sources: tests/fixtures/sites/zendesk/SOURCES.md.
 */

const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;

export default defineAdapter({
  id: 'zendesk',
  label: 'Zendesk',
  version: '1.0.0',
  matches: ['https://*.zendesk.com/agent/*'],
  exampleUrls: [
    'https://fietsenhuis.zendesk.com/agent/tickets/4821',
    'https://acme.zendesk.com/agent/tickets/311/events',
  ],
  nonConversationUrls: [
    'https://fietsenhuis.zendesk.com/agent/filters/360001',
    'https://fietsenhuis.zendesk.com/agent/users/9001/requested_tickets',
    'https://fietsenhuis.zendesk.com/agent/tickets/new/1',
  ],
  isConversationUrl: (url) => url.hostname.endsWith('.zendesk.com') && TICKET_PATH.test(url.pathname),
  selectors: {
    pane: { selector: '[data-ticket-id]', fixtureCount: 2 },
    log: { selector: '[data-test-id="omni-log-container"]', fixtureCount: 2 },
    comments: { selector: 'article[data-test-id="omni-log-comment-item"]', fixtureCount: 5 },
    sender: { selector: '[data-test-id="omni-log-item-sender"]', fixtureCount: 5 },
    message: { selector: '[data-test-id="omni-log-item-message"]', fixtureCount: 5 },
    time: { selector: 'time[data-test-id="timestamp-relative"][datetime]', fixtureCount: 5, required: false },
    subject: { selector: 'input[data-test-id="omni-header-subject"]', fixtureCount: 2, required: false },
    requesterEmail: { selector: '[data-test-id="customer-context-email"]', fixtureCount: 1, required: false },
  },
  locate(doc, url) {
    const ticketId = TICKET_PATH.exec(url.pathname)?.[1] ?? '';
    const pane = doc.querySelector(`[data-ticket-id="${ticketId}"], [data-side-conversations-anchor-id="${ticketId}"]`);
    if (!pane) return { failed: ['pane'], reason: 'no-conversation-open' };
    const context = pane.querySelector('[data-test-id="customer-context"]');
    const subjectInput = pane.querySelector<HTMLInputElement>(
      'input[data-test-id="omni-header-subject"], input[aria-label="Subject"]',
    );
    const messageOf = (article: Element) => article.querySelector('[data-test-id="omni-log-item-message"]');
    const senderOf = (article: Element) => article.querySelector('[data-test-id="omni-log-item-sender"]');
    return {
      conversationId: ticketId,
      subject: stripBidiControls(subjectInput?.getAttribute('value') ?? subjectInput?.value ?? '').trim(),
      elements: Array.from(pane.querySelectorAll('article[data-test-id="omni-log-comment-item"]')),
      customer: context
        ? {
            name: lineText(context.querySelector('[data-test-id="customer-context-name"]')),
            ...linkIdentities(context),
          }
        : {},
      parts: {
        id: (article, index) => attr(article, 'data-comment-id') || `${ticketId}-${index}`,
        author: (article) => lineText(senderOf(article)?.querySelector('strong') ?? senderOf(article)),
        fromCustomer: (article) => attr(messageOf(article), 'type') === 'end-user',
        internal: (article) =>
          attr(messageOf(article), 'type') === 'internal' ||
          article.querySelector('[data-test-id="omni-log-internal-note-tag"]') !== null,
        sentAt: (article) => isoFromAttribute(article.querySelector('time[datetime]')?.getAttribute('datetime')),
        body: (article) => article.querySelector('[data-test-id="omni-log-message-content"]') ?? messageOf(article),
      },
    };
  },
});

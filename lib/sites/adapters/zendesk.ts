import { defineAdapter } from '../define-adapter';
import { attr, lineText, mailtoAddresses, plainText, stripBidiControls, telNumbers, unique } from '../page-text';
import { isoFromAttribute } from '../parse-date';
import type { ConversationMessage } from '../site-adapter';

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
  read(doc, url) {
    const ticketId = TICKET_PATH.exec(url.pathname)?.[1] ?? '';
    const pane = doc.querySelector(`[data-ticket-id="${ticketId}"], [data-side-conversations-anchor-id="${ticketId}"]`);
    if (!pane) return { failed: ['pane'], reason: 'no-conversation-open' };
    const messages: ConversationMessage[] = [];
    const emails: string[] = [];
    const phones: string[] = [];
    let customerName = '';
    Array.from(pane.querySelectorAll('article[data-test-id="omni-log-comment-item"]')).forEach((article, index) => {
      const message = article.querySelector('[data-test-id="omni-log-item-message"]');
      const type = attr(message, 'type');
      const internal =
        type === 'internal' || article.querySelector('[data-test-id="omni-log-internal-note-tag"]') !== null;
      const fromCustomer = type === 'end-user';
      const sender = article.querySelector('[data-test-id="omni-log-item-sender"]');
      const author = lineText(sender?.querySelector('strong') ?? sender);
      const content = article.querySelector('[data-test-id="omni-log-message-content"]') ?? message;
      if (fromCustomer && content) {
        customerName ||= author;
        emails.push(...mailtoAddresses(content));
        phones.push(...telNumbers(content));
      }
      messages.push({
        id: attr(article, 'data-comment-id') || `${ticketId}-${index}`,
        author,
        fromCustomer,
        sentAt: isoFromAttribute(article.querySelector('time[datetime]')?.getAttribute('datetime')),
        text: plainText(content),
        ...(internal ? { internal: true } : {}),
      });
    });
    if (messages.length === 0) return { failed: ['comments'] };
    const context = pane.querySelector('[data-test-id="customer-context"]');
    if (context) {
      emails.unshift(...mailtoAddresses(context));
      phones.unshift(...telNumbers(context));
    }
    const subjectInput = pane.querySelector<HTMLInputElement>(
      'input[data-test-id="omni-header-subject"], input[aria-label="Subject"]',
    );
    return {
      tool: 'zendesk',
      conversationId: ticketId,
      url: url.href,
      subject: stripBidiControls(subjectInput?.getAttribute('value') ?? subjectInput?.value ?? '').trim(),
      customer: {
        name: lineText(context?.querySelector('[data-test-id="customer-context-name"]')) || customerName,
        emails: unique(emails),
        phones: unique(phones),
        handles: [],
      },
      messages,
    };
  },
});

import { defineAdapter } from '../define-adapter';
import { attr, lineText, linkIdentities } from '../page-text';
import { isoFromAttribute } from '../parse-date';

/**
 * Intercom inbox (app.intercom.com, app.eu.intercom.com, app.au.intercom.com). The conversation id is the
 * number after `/conversation/` in the URL, the same id the REST API uses; parts carry ids like
 * `user-message-<conversation>-<part>` (the `#part_id=` links Intercom shares). The conversation element carries
 * `data-conversation-id` and its header `[data-intercom-target="conversation-card-header"]` with
 * `.conversation__card__title__text` (Toggl Track's Intercom integration); the part markers are the fixture's
 * documented assumptions (tests/fixtures/sites/intercom/SOURCES.md).
 */
const CONVERSATION_PATH = /^\/a\/(?:inbox|apps)\/[^/]+\/inbox\/(?:.+\/)?conversation\/(\d+)(?:\/|$)/;

export default defineAdapter({
  id: 'intercom',
  label: 'Intercom',
  version: '1.0.0',
  matches: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  exampleUrls: [
    'https://app.eu.intercom.com/a/inbox/abc123/inbox/conversation/215469380263515',
    'https://app.intercom.com/a/inbox/bqo45ebi/inbox/shared/all/conversation/1234',
    'https://app.intercom.com/a/apps/abc123/inbox/inbox/conversation/15929788631',
  ],
  nonConversationUrls: [
    'https://app.intercom.com/a/inbox/bqo45ebi/inbox/shared/all',
    'https://app.eu.intercom.com/a/apps/abc123/users/segments/active',
  ],
  isConversationUrl: (url) =>
    /^app\.(?:eu\.|au\.)?intercom\.com$/.test(url.hostname) && CONVERSATION_PATH.test(url.pathname),
  selectors: {
    stream: { selector: '[data-conversation-id] [data-testid="conversation-stream"]', fixtureCount: 1 },
    parts: { selector: '[data-part-id]', fixtureCount: 3 },
    author: { selector: '[data-part-id] [data-testid="part-author"]', fixtureCount: 3 },
    body: { selector: '[data-part-id] [data-testid="part-body"]', fixtureCount: 3 },
    title: {
      selector: '[data-intercom-target="conversation-card-header"] .conversation__card__title__text',
      fixtureCount: 1,
      required: false,
    },
    details: { selector: '[data-testid="contact-details"]', fixtureCount: 1, required: false },
  },
  locate(doc, url) {
    const conversationId = CONVERSATION_PATH.exec(url.pathname)?.[1] ?? '';
    const root = doc.querySelector(`[data-conversation-id="${conversationId}"]`);
    if (!root) return { failed: ['stream'], reason: 'no-conversation-open' };
    const details = doc.querySelector('[data-testid="contact-details"]');
    const authorType = (el: Element) => attr(el, 'data-author-type');
    return {
      conversationId,
      subject: lineText(root.querySelector('.conversation__card__title__text')),
      elements: Array.from(root.querySelectorAll('[data-part-id]')),
      customer: details
        ? {
            name: lineText(details.querySelector('[data-testid="contact-name"]')),
            ...linkIdentities(details),
          }
        : {},
      parts: {
        id: (el) => attr(el, 'data-part-id'),
        author: (el) => lineText(el.querySelector('[data-testid="part-author"]')),
        fromCustomer: (el) => authorType(el) === 'user' || authorType(el) === 'lead',
        internal: (el) => attr(el, 'data-part-type') === 'note',
        sentAt: (el) => isoFromAttribute(el.querySelector('time[datetime]')?.getAttribute('datetime')),
        body: (el) => el.querySelector('[data-testid="part-body"]'),
      },
    };
  },
});

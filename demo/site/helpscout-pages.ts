/**
 * Help Scout's conversation page rendered from the Help Scout stand-in, with the markers of
 * tests/fixtures/sites/helpscout/conversation.html (what lib/sites/adapters/helpscout.ts reads):
 * secure.helpscout.net/conversation/<id>/<number>/, article.thread.customer|message, the customer card.
 */
import { AGENT } from '../desk/core/seed-model';
import type { HelpScoutStandIn } from '../desk/helpscout';
import { html, lines } from './html';
import { page } from './layout';

const STYLE = `
.bar { background: #1f2d3d; }
.convo { display: flex; gap: 16px; align-items: flex-start; }
#mainCol { flex: 1; min-width: 0; }
article.thread { background: #fff; border: 1px solid #d6dde3; border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
article.thread.customer { border-left: 3px solid #3197d6; }
[data-cy="EditableTextarea"] { font: 600 18px/1.4 inherit; }
aside#sidebar { width: 220px; }
`;

export function helpscoutConversationUrl(helpscout: HelpScoutStandIn, id: number): string | undefined {
  const conversation = helpscout.conversations.get(id);
  return conversation && `https://secure.helpscout.net/conversation/${id}/${conversation.number}/`;
}

export function helpscoutConversationPage(helpscout: HelpScoutStandIn, id: number): string | undefined {
  const conversation = helpscout.conversations.get(id);
  if (!conversation) return undefined;
  const customer = helpscout.customers.get(conversation.customerId);
  const customerName = customer ? `${customer.firstName} ${customer.lastName}`.trim() : 'Customer';
  const threads = conversation.threads.map((thread) => {
    const fromCustomer = thread.type === 'customer';
    const name = fromCustomer ? customerName : AGENT.name;
    return html`<article class="thread ${fromCustomer ? 'customer' : 'message'}" id="thread-${thread.id}">
      <section class="js-thread-content">
        <section class="messageBodyWrap">
          <section class="message">
            <section class="threadHeader">
              <section class="meta">
                <span class="name" data-email="${thread.authorEmail}"><strong>${name}</strong></span>
                <time
                  class="muted"
                  datetime="${new Date(thread.createdAt).toISOString()}"
                  title="${new Date(thread.createdAt).toUTCString()}"
                >
                  · ${new Date(thread.createdAt).toUTCString()}</time
                >
              </section>
            </section>
            <section class="messageBody">
              <p>${lines(thread.body)}</p>
              ${thread.attachments.map((a) => html`<p class="muted">Attachment: ${a.filename}</p>`)}
            </section>
          </section>
        </section>
      </section>
    </article>`;
  });
  const card = customer
    ? html`<div data-cy="customer-card" class="card">
        <div><strong data-cy="customer-name">${customerName}</strong></div>
        <div><a href="mailto:${customer.email}">${customer.email}</a></div>
        ${customer.phone ? html`<div><a href="tel:${customer.phone.replace(/\s/g, '')}">${customer.phone}</a></div>` : ''}
      </div>`
    : '';
  const body = html`<div id="wrap" class="app">
    <header class="bar"><strong>Help Scout</strong><span>Acme Support mailbox</span></header>
    <div class="content convo">
      <div id="mainCol">
        <div class="convo-header" data-cy="ConversationHeader">
          <span data-cy="Text" class="muted">#${conversation.number} · ${conversation.status}</span>
          <div data-cy="EditableTextarea">${conversation.subject}</div>
          <div data-cy="ConversationHeader.Actions"><button type="button">Close</button></div>
        </div>
        <div id="tkContent" class="threads">${threads}</div>
      </div>
      <aside id="sidebar">${card}</aside>
    </div>
  </div>`;
  return page({ title: `#${conversation.number} ${conversation.subject} - Help Scout`, style: STYLE, body });
}

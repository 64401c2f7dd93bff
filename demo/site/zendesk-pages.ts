/**
 * Zendesk agent workspace pages rendered from the Zendesk stand-in's state, with the markers of
 * tests/fixtures/sites/zendesk/conversation.html (what lib/sites/adapters/zendesk.ts reads) and the views
 * table of the retention row finder (tr[data-test-id="generic-table-row"] linking to /agent/tickets/<id>).
 */
import type { ZendeskStandIn } from '../desk/zendesk';
import type { ZdTicket, ZdUser } from '../desk/zendesk/model';
import { html, lines, type SafeHtml } from './html';
import { page } from './layout';

const STYLE = `
.bar { background: #03363d; }
.ticket-layout { display: flex; gap: 16px; align-items: flex-start; }
.ticket-main { flex: 1; min-width: 0; }
input[data-test-id="omni-header-subject"] { font: 600 18px/1.4 inherit; width: 100%; box-sizing: border-box; border: 1px solid #d8dcde; border-radius: 4px; padding: 4px 8px; }
article[data-test-id="omni-log-comment-item"] { background: #fff; border: 1px solid #d8dcde; border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
[type="agent"] { border-left: 3px solid #1f73b7; padding-left: 8px; }
[type="end-user"] { border-left: 3px solid #87929d; padding-left: 8px; }
aside[data-test-id="customer-context"] { width: 220px; background: #fff; border: 1px solid #d8dcde; border-radius: 6px; padding: 10px 14px; }
.tags span { display: inline-block; background: #e9ebed; border-radius: 3px; padding: 0 6px; margin-right: 4px; font-size: 12px; }
`;

function header(current?: number): SafeHtml {
  return html`<header class="bar" data-test-id="header-toolbar">
    <strong>Acme Support</strong>
    <a href="/agent/filters/360001">Views</a>
    <div role="tablist">
      ${current ? html`<div role="tab" data-selected="true" data-entity-id="${current}">#${current}</div>` : ''}
    </div>
  </header>`;
}

function userLabel(user: ZdUser | undefined): string {
  return user?.name ?? 'Unknown user';
}

export function zendeskTicketPage(zendesk: ZendeskStandIn, id: number): string | undefined {
  const ticket = zendesk.tickets.get(id);
  if (!ticket || ticket.deletedAt) return undefined;
  const requester = zendesk.users.get(ticket.requesterId);
  const comments = ticket.comments.map((comment) => {
    const author = zendesk.users.get(comment.authorId);
    const type = author?.role === 'agent' ? 'agent' : 'end-user';
    return html`<article
      data-test-id="omni-log-comment-item"
      data-comment-id="${comment.id}"
      aria-label="Comment by ${userLabel(author)}"
    >
      <span data-test-id="omni-log-item-sender"
        ><a href="/agent/users/${comment.authorId}"><strong>${userLabel(author)}</strong></a></span
      >
      <span class="muted"> · </span>
      <time data-test-id="timestamp-relative" datetime="${new Date(comment.createdAt).toISOString()}" class="muted"
        >${new Date(comment.createdAt).toUTCString()}</time
      >
      <div data-test-id="omni-log-item-message" type="${type}">
        <div data-test-id="omni-log-message-content"><p>${lines(comment.body)}</p></div>
        ${comment.attachments.map((a) => html`<div class="muted">Attachment: <a href="/attachments/token/att${a.id}/?name=${a.fileName}">${a.fileName}</a></div>`)}
      </div>
    </article>`;
  });
  const context = requester
    ? html`<aside data-test-id="customer-context" aria-label="Customer context">
        <div data-test-id="customer-context-name"><strong>${requester.name}</strong></div>
        <div data-test-id="customer-context-email"><a href="mailto:${requester.email}">${requester.email}</a></div>
        ${requester.phone ? html`<div data-test-id="customer-context-phone"><a href="tel:${requester.phone.replace(/\s/g, '')}">${requester.phone}</a></div>` : ''}
      </aside>`
    : '';
  const body = html`<div class="app" id="root">
    ${header(ticket.id)}
    <main data-test-id="main-panes" class="content">
      <section
        data-ticket-id="${ticket.id}"
        data-side-conversations-anchor-id="${ticket.id}"
        class="ticket omni-conversation-pane ticket-layout"
      >
        <div class="ticket-main">
          <input data-test-id="omni-header-subject" aria-label="Subject" value="${ticket.subject}" />
          <p class="muted">
            Ticket #${ticket.id} · status ${ticket.status} · updated
            ${new Date(ticket.updatedAt).toISOString().slice(0, 10)}
          </p>
          <p class="tags">${ticket.tags.map((t) => html`<span>${t}</span>`)}</p>
          <div data-test-id="omni-log-container" role="log" aria-label="Conversation">${comments}</div>
        </div>
        ${context}
      </section>
    </main>
  </div>`;
  return page({ title: `${ticket.subject} – Ticket #${ticket.id} – Acme – Zendesk`, style: STYLE, body });
}

/** A view listing every live ticket (newest first), as the agent workspace's table. */
export function zendeskViewPage(zendesk: ZendeskStandIn): string {
  const tickets = [...zendesk.tickets.values()]
    .filter((t): t is ZdTicket => !t.deletedAt)
    .sort((a, b) => b.updatedAt - a.updatedAt);
  const rows = tickets.map(
    (t) =>
      html`<tr data-test-id="generic-table-row">
        <td>${t.status}</td>
        <td><a href="/agent/tickets/${t.id}">${t.subject}</a></td>
        <td>${userLabel(zendesk.users.get(t.requesterId))}</td>
        <td>${new Date(t.updatedAt).toISOString().slice(0, 10)}</td>
      </tr>`,
  );
  const body = html`<div class="app" id="root">
    ${header()}
    <main class="content">
      <h1>All tickets</h1>
      <table data-test-id="generic-table">
        <thead>
          <tr>
            <th>Status</th>
            <th>Subject</th>
            <th>Requester</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </main>
  </div>`;
  return page({ title: 'All tickets – Views – Acme – Zendesk', style: STYLE, body });
}

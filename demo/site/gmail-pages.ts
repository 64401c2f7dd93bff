/**
 * Gmail's web app rendered from the Gmail stand-in's mailbox, with the markers of
 * tests/fixtures/sites/gmail/conversation.html (what lib/sites/adapters/gmail.ts reads) and the thread list of
 * the retention row finder (tr.zA rows with data-legacy-thread-id). The thread to show is named by the URL
 * fragment, which never reaches the server: the page holds every thread hidden and a small script of ours
 * shows the one in `#inbox/<token>` (on load and on hashchange), as Gmail keeps earlier threads in its DOM.
 */
import type { GmailStandIn } from '../desk/gmail';
import { AGENT } from '../desk/core/seed-model';
import { html, lines } from './html';
import { page } from './layout';

type GmMessage = GmailStandIn['messages'] extends Map<string, infer M> ? M : never;

/** The URL token for a thread (Gmail's own tokens are opaque; the adapter reads the id from the page). */
export function gmailThreadToken(threadId: string): string {
  return `FMfcgzDemo${threadId}`;
}

export function gmailThreadUrl(threadId: string): string {
  return `https://mail.google.com/mail/u/0/#inbox/${gmailThreadToken(threadId)}`;
}

const STYLE = `
.bar { background: #f2f6fc; color: #202124; }
.bar a { color: #1a73e8; }
h2.hP { font: 400 22px/1.4 inherit; margin: 8px 0 16px; }
div.adn { background: #fff; border-bottom: 1px solid #e0e0e0; padding: 12px 16px; }
span.gD { font-weight: 600; }
span.g3 { float: right; color: #5f6368; font-size: 12px; }
div.a3s { margin-top: 8px; }
tr.zA td { cursor: pointer; }
`;

const SHOW_THREAD = `
(function () {
  function show() {
    var match = /\\/([A-Za-z0-9_-]{16,})$/.exec(location.hash);
    var token = match ? match[1] : '';
    var found = false;
    document.querySelectorAll('[data-thread-token]').forEach(function (el) {
      var on = el.getAttribute('data-thread-token') === token;
      el.hidden = !on;
      if (on) found = true;
    });
    document.getElementById('thread-list').hidden = found;
  }
  window.addEventListener('hashchange', show);
  show();
})();
`;

function sender(from: string): { name: string; email: string } {
  const match = /^(.*?)\s*<([^>]+)>$/.exec(from);
  return match ? { name: match[1] ?? '', email: match[2] ?? '' } : { name: from, email: from };
}

const displayed = (at: number) =>
  new Date(at).toLocaleString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });

/** Threads in the mailbox (not trashed), newest first. */
export function gmailThreads(gmail: GmailStandIn): { id: string; messages: GmMessage[] }[] {
  const byThread = new Map<string, GmMessage[]>();
  for (const m of gmail.messages.values()) {
    if (m.labelIds.has('TRASH')) continue;
    byThread.set(m.threadId, [...(byThread.get(m.threadId) ?? []), m]);
  }
  return [...byThread.entries()]
    .map(([id, messages]) => ({ id, messages: messages.sort((a, b) => a.internalDate - b.internalDate) }))
    .sort((a, b) => b.messages.at(-1)!.internalDate - a.messages.at(-1)!.internalDate);
}

export function gmailAppPage(gmail: GmailStandIn): string {
  const threads = gmailThreads(gmail);
  const list = threads.map(({ id, messages }) => {
    const first = sender(messages[0]!.from);
    return html`<tr class="zA" role="row">
      <td>${first.name}</td>
      <td>
        <a href="#inbox/${gmailThreadToken(id)}"
          ><span class="bog" data-legacy-thread-id="${id}">${messages[0]!.subject}</span></a
        >
      </td>
      <td>${new Date(messages.at(-1)!.internalDate).toISOString().slice(0, 10)}</td>
    </tr>`;
  });
  const views = threads.map(
    ({ id, messages }) =>
      html`<div class="nH if" data-thread-token="${gmailThreadToken(id)}" hidden>
        <div class="ha">
          <h2
            class="hP"
            data-thread-perm-id="thread-f:${BigInt(`0x${id}`).toString()}"
            data-legacy-thread-id="${id}"
            tabindex="-1"
          >
            ${messages[0]!.subject}
          </h2>
        </div>
        <div role="list">
          ${messages.map((m) => {
            const from = sender(m.from);
            return html`<div role="listitem" class="h7">
              <div class="adn ads" data-legacy-message-id="${m.id}">
                <div class="gE iv gt">
                  <span class="qu" role="gridcell"
                    ><span class="gD" email="${from.email}" name="${from.name}">${from.name}</span></span
                  >
                  <span class="g3" title="${displayed(m.internalDate)}">${displayed(m.internalDate)}</span>
                </div>
                <div class="ii gt">
                  <div class="a3s aiL">
                    <div dir="ltr">${lines(m.body)}</div>
                    ${m.attachments.map((a) => html`<div class="muted">Attachment: ${a.name}</div>`)}
                  </div>
                </div>
              </div>
            </div>`;
          })}
        </div>
      </div>`,
  );
  const body = html`<div class="nH app">
    <header class="bar" role="banner">
      <strong>Acme Mail</strong>
      <input aria-label="Search mail" name="q" />
      <a class="gb_A" aria-label="Google Account: ${AGENT.name} (${gmail.mailbox})" href="#inbox">${AGENT.name}</a>
    </header>
    <div role="navigation"><a href="#inbox" title="Inbox">Inbox</a></div>
    <div class="nH bkK content" role="main">
      <table id="thread-list" aria-label="Inbox">
        <tbody>
          ${list}
        </tbody>
      </table>
      ${views}
    </div>
  </div>`;
  return page({ title: `Inbox - ${gmail.mailbox} - Acme Mail`, style: STYLE, body, script: SHOW_THREAD });
}

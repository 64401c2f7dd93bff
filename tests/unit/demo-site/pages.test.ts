import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { createDesk, type DemoDesk } from '../../../demo/desk';
import { gmailThreadUrl, helpscoutConversationUrl, renderPage } from '../../../demo/site';
import { gmailThreads } from '../../../demo/site/gmail-pages';
import gmail from '@/lib/sites/adapters/gmail';
import helpscout from '@/lib/sites/adapters/helpscout';
import zendesk from '@/lib/sites/adapters/zendesk';
import { gmailThreadRows, zendeskViewRows } from '@/lib/retention/row-finders';

interface ZdState {
  tickets: { id: number; requester: string; subject: string }[];
}
interface GmState {
  mailbox: string;
  messages: { id: string; threadId: string; from: string }[];
}
interface HsState {
  customers: { id: number; email: string }[];
  conversations: { id: number; customer: number | string; subject: string }[];
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function render(desk: DemoDesk, url: string): string {
  const html = renderPage(desk.tools, new URL(url));
  if (html === undefined) throw new Error(`no page for ${url}`);
  return html;
}

/** Loads the page in a happy-dom window with its own scripts running, as Chromium would. */
async function openWithScripts(html: string, url: string) {
  const window = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  return window;
}

describe('demo desk pages are rendered from the desk state and read by the site adapters', () => {
  const desk = createDesk({ seed: 42 });
  const state = desk.state() as { zendesk: ZdState; gmail: GmState; helpscout: HsState };

  it('a Zendesk ticket page: the adapter reads the ticket id, subject and requester of that ticket', () => {
    expect(state.zendesk.tickets.length).toBeGreaterThan(3);
    for (const ticket of state.zendesk.tickets.slice(0, 4)) {
      const url = `https://acme.zendesk.com/agent/tickets/${ticket.id}`;
      const result = zendesk.readConversation(parse(render(desk, url)), url);
      if (!result.ok) throw new Error(result.diagnostics);
      expect(result.conversation.conversationId).toBe(String(ticket.id));
      expect(result.conversation.subject).toBe(ticket.subject);
      expect(result.conversation.customer.emails).toContain(ticket.requester);
      expect(result.conversation.messages.some((m) => m.fromCustomer)).toBe(true);
      expect(result.conversation.messages.some((m) => !m.fromCustomer)).toBe(true);
    }
  });

  it('a Gmail thread named by the URL fragment: the script shows it and the adapter reads that thread only', async () => {
    const threads = gmailThreads(desk.tools.gmail);
    expect(threads.length).toBeGreaterThan(2);
    const [first, second] = threads;
    const url = gmailThreadUrl(first!.id);
    const window = await openWithScripts(render(desk, url), url);
    const doc = window.document as unknown as Document;
    const read = gmail.readConversation(doc, url);
    if (!read.ok) throw new Error(read.diagnostics);
    expect(read.conversation.conversationId).toBe(first!.id);
    const customer = state.gmail.messages.find((m) => m.threadId === first!.id)!.from;
    expect(customer).toContain(read.conversation.customer.emails[0]);
    expect(read.conversation.messages.map((m) => m.id)).toEqual(first!.messages.map((m) => m.id));

    // In-app navigation: another thread's fragment swaps the visible thread.
    window.location.hash = `#inbox/${new URL(gmailThreadUrl(second!.id)).hash.split('/')[1]}`;
    window.dispatchEvent(new window.HashChangeEvent('hashchange'));
    const again = gmail.readConversation(doc, window.location.href);
    if (!again.ok) throw new Error(again.diagnostics);
    expect(again.conversation.conversationId).toBe(second!.id);
    await window.happyDOM.close();
  });

  it('the Gmail inbox without a thread in the fragment shows the thread list, no conversation', async () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox';
    const window = await openWithScripts(render(desk, url), url);
    const doc = window.document as unknown as Document;
    expect(gmail.readConversation(doc, url).ok).toBe(false);
    expect(gmailThreadRows.rows(doc).length).toBe(gmailThreads(desk.tools.gmail).length);
    await window.happyDOM.close();
  });

  it('a Help Scout conversation: the adapter reads its id and the customer email the API holds', () => {
    const conversation = state.helpscout.conversations[0]!;
    const url = helpscoutConversationUrl(desk.tools.helpscout, conversation.id)!;
    const result = helpscout.readConversation(parse(render(desk, url)), url);
    if (!result.ok) throw new Error(result.diagnostics);
    expect(result.conversation.conversationId).toBe(String(conversation.id));
    const email = state.helpscout.customers.find(
      (c) => c.id === desk.tools.helpscout.conversations.get(conversation.id)!.customerId,
    )!.email;
    expect(result.conversation.customer.emails).toEqual([email]);
    expect(result.conversation.subject).toBe(conversation.subject);
  });

  it('the Zendesk view lists every live ticket as a row the retention pins find', () => {
    const doc = parse(render(desk, 'https://acme.zendesk.com/agent/filters/360001'));
    const ids = zendeskViewRows.rows(doc).map((r) => Number(r.toolId));
    expect(ids.sort()).toEqual(state.zendesk.tickets.map((t) => t.id).sort());
  });

  it('escapes every value: a message full of markup stays text', () => {
    const local = createDesk({ seed: false });
    const hostile = '<img src=x onerror="alert(1)"><script>window.pwned=1</script> "quoted" & \'single\'';
    const id = local.tools.zendesk.addConversation({
      tool: 'zendesk',
      customerEmail: 'mallory@example.org',
      ccEmails: [],
      subject: `<b>${hostile}</b>`,
      status: 'open',
      createdAt: Date.UTC(2026, 0, 1),
      updatedAt: Date.UTC(2026, 0, 1),
      held: false,
      messages: [
        {
          fromCustomer: true,
          authorName: 'Mallory',
          authorEmail: 'mallory@example.org',
          body: hostile,
          at: 0,
          attachments: [],
        },
      ],
    });
    const url = `https://acme.zendesk.com/agent/tickets/${id}`;
    const doc = parse(render(local, url));
    expect(doc.querySelectorAll('img, b, script').length).toBe(0);
    const result = zendesk.readConversation(doc, url);
    if (!result.ok) throw new Error(result.diagnostics);
    expect(result.conversation.messages[0]!.text).toBe(hostile);
    expect(result.conversation.subject).toBe(`<b>${hostile}</b>`);
  });

  it('an erased ticket is gone from its page too, and unknown pages are not served', () => {
    const ticket = state.zendesk.tickets[0]!;
    const local = createDesk({ seed: 42 });
    local.tools.zendesk.tickets.delete(ticket.id);
    expect(renderPage(local.tools, new URL(`https://acme.zendesk.com/agent/tickets/${ticket.id}`))).toBeUndefined();
    expect(renderPage(local.tools, new URL('https://secure.helpscout.net/conversation/1/2/'))).toBeUndefined();
    expect(renderPage(local.tools, new URL('https://mail.google.com/settings'))).toBeUndefined();
  });
});

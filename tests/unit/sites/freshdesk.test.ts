import { describe, expect, it } from 'vitest';
import freshdesk from '@/lib/sites/adapters/freshdesk';
import { loadFixture, mustRead } from './load-fixture';

describe('Freshdesk adapter', () => {
  it.each(freshdesk.exampleUrls)('reads %s as a ticket', (url) => expect(freshdesk.isConversationUrl(url)).toBe(true));
  it.each(freshdesk.nonConversationUrls)('does not take %s for a ticket', (url) =>
    expect(freshdesk.isConversationUrl(url)).toBe(false),
  );

  it('reads the ticket id, requester and conversation', () => {
    const { doc, url } = loadFixture('freshdesk');
    const { conversation } = mustRead(freshdesk.readConversation(doc, url));
    expect(conversation).toMatchObject({
      tool: 'freshdesk',
      conversationId: '311',
      subject: 'Adreswijziging abonnement',
    });
    expect(conversation.customer).toEqual({
      name: 'Lotte Dijkstra',
      emails: ['l.dijkstra@gmail.com'],
      phones: ['+31687654321'],
      handles: [],
    });
    expect(
      conversation.messages.map((m) => [m.id, m.author, m.authorEmail, m.fromCustomer, m.internal ?? false]),
    ).toEqual([
      ['61000123401', 'Lotte Dijkstra', 'l.dijkstra@gmail.com', true, false],
      ['61000123402', 'Anouk (Support)', 'anouk@fietsenhuis-delta.nl', false, false],
      ['61000123403', 'Anouk (Support)', 'anouk@fietsenhuis-delta.nl', false, true],
    ]);
    expect(conversation.messages[0]?.sentAt).toBe('2026-11-22T12:20:00.000Z');
  });

  it('does not read another ticket still on screen after navigating', () => {
    const { doc } = loadFixture('freshdesk');
    expect(freshdesk.readConversation(doc, 'https://fietsenhuis.freshdesk.com/a/tickets/312')).toMatchObject({
      ok: false,
      reason: 'no-conversation-open',
    });
  });

  it('passes its health check on the saved page and fails on an empty one', () => {
    expect(freshdesk.healthCheck(loadFixture('freshdesk').doc)).toEqual({ ok: true, failed: [] });
    const empty = new DOMParser().parseFromString('<html><body><p>Loading…</p></body></html>', 'text/html');
    expect(freshdesk.healthCheck(empty).failed).toEqual(['conversation', 'entries', 'author', 'body']);
  });
});

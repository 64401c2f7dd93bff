import { describe, expect, it } from 'vitest';
import zendesk from '@/lib/sites/adapters/zendesk';
import { loadFixture, mustRead } from './load-fixture';

describe('Zendesk adapter', () => {
  it.each(zendesk.exampleUrls)('reads %s as a ticket', (url) => expect(zendesk.isConversationUrl(url)).toBe(true));
  it.each(zendesk.nonConversationUrls)('does not take %s for a ticket', (url) =>
    expect(zendesk.isConversationUrl(url)).toBe(false),
  );

  it('reads the ticket in the URL, its requester and comments', () => {
    const { doc, url } = loadFixture('zendesk');
    const { conversation } = mustRead(zendesk.readConversation(doc, url));
    expect(conversation).toMatchObject({ tool: 'zendesk', conversationId: '4821', subject: 'Levering kapotte accu' });
    expect(conversation.customer).toEqual({
      name: 'Emma Visser',
      emails: ['emma.visser@kpnmail.nl'],
      phones: ['+31205550199'],
      handles: [],
    });
    expect(conversation.messages.map((m) => [m.id, m.author, m.fromCustomer, m.sentAt, m.internal ?? false])).toEqual([
      ['37811122201', 'Emma Visser', true, '2026-11-24T09:31:00.000Z', false],
      ['37811122202', 'Joris Meijer', false, '2026-11-24T10:02:00.000Z', false],
      ['37811122203', 'Joris Meijer', false, '2026-11-24T10:05:00.000Z', true],
      ['37811122204', 'Emma Visser', true, '2026-11-25T07:45:00.000Z', false],
    ]);
    expect(conversation.messages[3]?.text).toBe(
      'Sure: NL20 INGB 0001 2345 67, E. Visser. Born 14-03-1988 if you need it.',
    );
  });

  it('never mixes in the other open ticket tab', () => {
    const { doc } = loadFixture('zendesk');
    const other = mustRead(zendesk.readConversation(doc, 'https://fietsenhuis.zendesk.com/agent/tickets/4790'));
    expect(other.conversation.subject).toBe('Factuur dubbel betaald');
    expect(other.conversation.messages.map((m) => m.author)).toEqual(['Pieter Jansen']);
  });

  it('says no conversation is open while the ticket in the URL has not rendered yet', () => {
    const { doc } = loadFixture('zendesk');
    expect(zendesk.readConversation(doc, 'https://fietsenhuis.zendesk.com/agent/tickets/5000')).toMatchObject({
      ok: false,
      reason: 'no-conversation-open',
    });
  });

  it('reports the changed layout as not recognised, naming the failed selectors', () => {
    expect(zendesk.healthCheck(loadFixture('zendesk').doc).ok).toBe(true);
    const { doc, url } = loadFixture('zendesk', 'changed-layout.html');
    const result = zendesk.readConversation(doc, url);
    expect(result).toMatchObject({ ok: false, reason: 'layout-not-recognised', failed: ['comments', 'message'] });
    if (!result.ok) expect(result.diagnostics).toContain('failed selectors: comments, message');
  });
});

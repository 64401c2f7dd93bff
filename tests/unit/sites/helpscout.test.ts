import { describe, expect, it } from 'vitest';
import helpscout from '@/lib/sites/adapters/helpscout';
import { loadFixture, mustRead } from './load-fixture';

describe('Help Scout adapter', () => {
  it.each(helpscout.exampleUrls)('reads %s as a conversation', (url) =>
    expect(helpscout.isConversationUrl(url)).toBe(true),
  );
  it.each(helpscout.nonConversationUrls)('does not take %s for a conversation', (url) =>
    expect(helpscout.isConversationUrl(url)).toBe(false),
  );

  it('uses the conversation id from the URL (not the number people see) and reads the threads', () => {
    const { doc, url } = loadFixture('helpscout');
    const { conversation } = mustRead(helpscout.readConversation(doc, url));
    expect(conversation).toMatchObject({
      tool: 'helpscout',
      conversationId: '2712345678',
      subject: 'Wrong size shoes',
    });
    expect(conversation.customer).toEqual({
      name: 'Daan Mulder',
      emails: ['daan.mulder@hotmail.nl', 'd.mulder@werk.example.nl'],
      phones: ['+31501234567'],
      handles: [],
    });
    expect(conversation.messages.map((m) => [m.id, m.author, m.fromCustomer, m.sentAt, m.internal ?? false])).toEqual([
      ['7712340001', 'Daan Mulder', true, '2026-11-21T18:44:00.000Z', false],
      ['7712340002', 'Fleur', false, '2026-11-22T08:10:00.000Z', false],
      ['7712340003', 'Fleur', false, '2026-11-22T08:12:00.000Z', true],
    ]);
    expect(conversation.messages[0]?.text).toContain('Stationsweg 3, 9711 AA Groningen');
  });

  it('passes its health check on the saved page', () => {
    expect(helpscout.healthCheck(loadFixture('helpscout').doc)).toEqual({ ok: true, failed: [] });
  });
});

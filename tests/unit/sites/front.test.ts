import { describe, expect, it } from 'vitest';
import front from '@/lib/sites/adapters/front';
import { loadFixture, mustRead } from './load-fixture';

describe('Front adapter', () => {
  it.each(front.exampleUrls)('reads %s as a conversation', (url) => expect(front.isConversationUrl(url)).toBe(true));
  it.each(front.nonConversationUrls)('does not take %s for a conversation', (url) =>
    expect(front.isConversationUrl(url)).toBe(false),
  );

  it('reads the cnv_ id, contact and messages', () => {
    const { doc, url } = loadFixture('front');
    const { conversation } = mustRead(front.readConversation(doc, url));
    expect(conversation).toMatchObject({
      tool: 'front',
      conversationId: 'cnv_55c8c149',
      subject: 'Cancel my membership / opzegging lidmaatschap',
    });
    expect(conversation.customer).toEqual({
      name: 'Ahmed El Amrani',
      emails: ['ahmed.elamrani@gmail.com'],
      phones: ['+32470123456'],
      handles: [],
    });
    expect(conversation.messages.map((m) => [m.id, m.author, m.fromCustomer, m.internal ?? false])).toEqual([
      ['msg_1a2b3c01', 'Ahmed El Amrani', true, false],
      ['msg_1a2b3c02', 'Ruben', false, true],
      ['msg_1a2b3c03', 'Ineke', false, false],
    ]);
    expect(conversation.messages[2]?.sentAt).toBe('2026-11-20T10:30:00.000Z');
  });

  it('derives the same cnv_ id from the viewer when the URL carries a numeric id', () => {
    const { doc } = loadFixture('front');
    const result = front.readConversation(
      doc,
      'https://app.frontapp.com/inboxes/teammates/1234/inbox/open/403444324521',
    );
    expect(mustRead(result).conversation.conversationId).toBe('cnv_55c8c149');
  });

  it('passes its health check on the saved page', () => {
    expect(front.healthCheck(loadFixture('front').doc)).toEqual({ ok: true, failed: [] });
  });
});

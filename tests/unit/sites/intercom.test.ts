import { describe, expect, it } from 'vitest';
import intercom from '@/lib/sites/adapters/intercom';
import { loadFixture, mustRead } from './load-fixture';

describe('Intercom adapter', () => {
  it.each(intercom.exampleUrls)('reads %s as a conversation', (url) =>
    expect(intercom.isConversationUrl(url)).toBe(true),
  );
  it.each(intercom.nonConversationUrls)('does not take %s for a conversation', (url) =>
    expect(intercom.isConversationUrl(url)).toBe(false),
  );

  it('reads the conversation id, contact and parts', () => {
    const { doc, url } = loadFixture('intercom');
    const { conversation } = mustRead(intercom.readConversation(doc, url));
    expect(conversation).toMatchObject({
      tool: 'intercom',
      conversationId: '215469380263515',
      subject: 'Login werkt niet na telefoonwissel',
    });
    expect(conversation.customer).toEqual({
      name: 'Yara Pinas',
      emails: ['yara.pinas@icloud.com'],
      phones: ['+31622334455'],
      handles: [],
    });
    expect(conversation.messages.map((m) => [m.author, m.fromCustomer, m.internal ?? false, m.sentAt])).toEqual([
      ['Yara Pinas', true, false, '2026-11-18T21:03:00.000Z'],
      ['Femi', false, true, '2026-11-18T21:10:00.000Z'],
      ['Femi', false, false, '2026-11-18T21:12:00.000Z'],
    ]);
    expect(conversation.messages[0]?.id).toBe('user-message-215469380263515-2022417201');
  });

  it('does not read a conversation other than the one in the URL', () => {
    const { doc } = loadFixture('intercom');
    const url = 'https://app.eu.intercom.com/a/inbox/abc123/inbox/conversation/999';
    expect(intercom.readConversation(doc, url)).toMatchObject({ ok: false, reason: 'no-conversation-open' });
  });

  it('passes its health check on the saved page', () => {
    expect(intercom.healthCheck(loadFixture('intercom').doc)).toEqual({ ok: true, failed: [] });
  });
});

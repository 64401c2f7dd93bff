import { describe, expect, it } from 'vitest';
import meta from '@/lib/sites/adapters/meta';
import { loadFixture, mustRead } from './load-fixture';

describe('Meta Business Suite inbox adapter', () => {
  it.each(meta.exampleUrls)('reads %s as a conversation', (url) => expect(meta.isConversationUrl(url)).toBe(true));
  it.each(meta.nonConversationUrls)('does not take %s for a conversation', (url) =>
    expect(meta.isConversationUrl(url)).toBe(false),
  );

  it('reads the selected thread, the Instagram handle and the messages', () => {
    const { doc, url } = loadFixture('meta');
    const { conversation } = mustRead(meta.readConversation(doc, url));
    expect(conversation).toMatchObject({ tool: 'meta', conversationId: '17841400000000001', subject: 'Noor Hendriks' });
    expect(conversation.customer).toEqual({
      name: 'Noor Hendriks',
      emails: ['noor.h@proton.me'],
      phones: ['+31655443322'],
      handles: ['@noor.hendriks'],
    });
    expect(conversation.messages.map((m) => [m.author, m.fromCustomer, m.sentAt])).toEqual([
      ['Noor Hendriks', true, '2026-11-24T19:01:00.000Z'],
      ['Mila (Bloemenkas)', false, '2026-11-24T19:20:00.000Z'],
      ['Noor Hendriks', true, '2026-11-24T19:22:00.000Z'],
    ]);
  });

  it('does not read the previous thread while the selected one loads', () => {
    const { doc } = loadFixture('meta');
    const url =
      'https://business.facebook.com/latest/inbox/all/?asset_id=109876543210&selected_item_id=100099&thread_type=FB_MESSAGE';
    expect(meta.readConversation(doc, url)).toMatchObject({ ok: false, reason: 'no-conversation-open' });
  });

  it('passes its health check on the saved page', () => {
    expect(meta.healthCheck(loadFixture('meta').doc)).toEqual({ ok: true, failed: [] });
  });
});

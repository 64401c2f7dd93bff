import { describe, expect, it } from 'vitest';
import outlook from '@/lib/sites/adapters/outlook';
import { loadFixture, mustRead } from './load-fixture';

describe('Outlook on the web adapter', () => {
  it.each(outlook.exampleUrls)('reads %s as a conversation', (url) =>
    expect(outlook.isConversationUrl(url)).toBe(true),
  );
  it.each(outlook.nonConversationUrls)('does not take %s for a conversation', (url) =>
    expect(outlook.isConversationUrl(url)).toBe(false),
  );

  it('uses the decoded item id from the URL and tells the customer from the signed-in mailbox', () => {
    const { doc, url } = loadFixture('outlook');
    const { conversation } = mustRead(outlook.readConversation(doc, url));
    expect(conversation).toMatchObject({
      tool: 'outlook',
      conversationId: 'AAQkAGI2ZjE4ZDM0LTk1YjktNGQ2Yy1hZTc0LTExMjM0NTY3ODkwAAQAJq1nN7dm7kWvW1pb+kvS4g=',
      subject: 'Verhuizing en nieuwe meterstanden',
    });
    expect(conversation.customer).toEqual({
      name: 'Henk Smit',
      emails: ['henk.smit@xs4all.nl'],
      phones: ['+31612398745'],
      handles: [],
    });
    expect(conversation.messages.map((m) => [m.author, m.authorEmail, m.fromCustomer, m.sentAt])).toEqual([
      ['Henk Smit', 'henk.smit@xs4all.nl', true, new Date(2026, 10, 23, 8, 47).toISOString()],
      ['Klantenservice Delta', 'klantenservice@delta-energie.nl', false, new Date(2026, 10, 23, 11, 2).toISOString()],
    ]);
  });

  it('passes its health check on the saved page', () => {
    expect(outlook.healthCheck(loadFixture('outlook').doc)).toEqual({ ok: true, failed: [] });
  });
});

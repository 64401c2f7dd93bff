import { describe, expect, it } from 'vitest';
import gmail from '@/lib/sites/adapters/gmail';
import { gmailHexThreadId } from '@/lib/sites/gmail-thread-id';
import { loadFixture, mustRead } from './load-fixture';

describe('Gmail adapter', () => {
  it.each(gmail.exampleUrls)('reads %s as a conversation', (url) => expect(gmail.isConversationUrl(url)).toBe(true));
  it.each(gmail.nonConversationUrls)('does not take %s for a conversation', (url) =>
    expect(gmail.isConversationUrl(url)).toBe(false),
  );

  it('converts the permanent thread id to the hex id the Gmail API uses', () => {
    expect(gmailHexThreadId('thread-f:1784201234567890123')).toBe('18c2c191da3b84cb');
    expect(gmailHexThreadId('thread-a:r266633262821436756')).toBeNull();
    expect(gmailHexThreadId('nonsense')).toBeNull();
  });

  it('reads the thread id, subject, customer and messages of the open thread', () => {
    const { doc, url } = loadFixture('gmail');
    const { conversation } = mustRead(gmail.readConversation(doc, url));
    expect(conversation.tool).toBe('gmail');
    expect(conversation.conversationId).toBe('18c2c191da3b84cb');
    expect(conversation.url).toBe(url);
    expect(conversation.subject).toBe('Retour fiets bestelling 10442');
    expect(conversation.customer).toEqual({
      name: 'Sanne de Vries',
      emails: ['sanne.devries@ziggo.nl', 'm.bakker@outlook.com'],
      phones: ['+31612345678'],
      handles: [],
    });
    expect(conversation.messages.map((m) => [m.id, m.author, m.fromCustomer])).toEqual([
      ['18c2c191da3b84cb', 'Sanne de Vries', true],
      ['18c2e4f0a1d2b3c4', 'Support Fietsenhuis', false],
      ['18c2c96df81a05eb', 'Sanne de Vries', true],
      ['18c2f9d1e2a3b4c5', 'Support Fietsenhuis', false],
    ]);
    expect(conversation.messages[0]?.sentAt).toBe(new Date(2026, 10, 23, 9, 12).toISOString());
    expect(conversation.messages[3]?.sentAt).toBe(new Date(2026, 10, 24, 16, 30).toISOString());
    expect(conversation.messages[0]?.text).toContain('NL91 ABNA 0417 1643 00');
    expect(conversation.messages[0]?.text).toContain('Kerkstraat 12, 3511 LX Utrecht');
  });

  it('leaves quoted history out of a reply', () => {
    const { doc, url } = loadFixture('gmail');
    const { conversation } = mustRead(gmail.readConversation(doc, url));
    expect(conversation.messages[1]?.text).not.toContain('Op ma 23 nov');
  });

  it('derives the hex id from data-thread-perm-id when the legacy attribute is missing', () => {
    const { doc, url } = loadFixture('gmail');
    doc.querySelector('h2.hP')?.removeAttribute('data-legacy-thread-id');
    expect(mustRead(gmail.readConversation(doc, url)).conversation.conversationId).toBe('18c2c191da3b84cb');
  });

  it('passes its health check on the saved page and fails it on the changed layout', () => {
    expect(gmail.healthCheck(loadFixture('gmail').doc)).toEqual({ ok: true, failed: [] });
    const changed = loadFixture('gmail', 'changed-layout.html');
    expect(gmail.healthCheck(changed.doc)).toEqual({
      ok: false,
      failed: ['subject', 'threadId', 'messages', 'sender', 'body'],
    });
    const result = gmail.readConversation(changed.doc, changed.url);
    expect(result).toMatchObject({ ok: false, reason: 'layout-not-recognised' });
  });

  it('says no conversation is open on the inbox list', () => {
    const { doc } = loadFixture('gmail');
    expect(gmail.readConversation(doc, 'https://mail.google.com/mail/u/0/#inbox')).toMatchObject({
      ok: false,
      reason: 'no-conversation-open',
    });
  });

  it('reads the visible thread, not one Gmail keeps hidden, and returns hostile content as plain text', () => {
    const { doc, url } = loadFixture('gmail', 'hostile.html');
    const { conversation } = mustRead(gmail.readConversation(doc, url));
    expect(conversation.conversationId).toBe('18c31b6578bac001');
    expect(conversation.subject).toBe('Invoice FDP.exe');
    expect(conversation.messages).toHaveLength(2);
    const text = conversation.messages[0]!.text;
    expect(text).toContain('Please pay invoice 77 now.');
    expect(text).toContain('<b>not bold</b> & more');
    expect(text).not.toMatch(/pwned|display: none|onerror|javascript:/);
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(conversation.messages[0]!.author).toBe('Mallory <img src=x onerror=alert(1)>');
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import generic from '@/lib/sites/adapters/generic';
import { loadFixture, mustRead } from './load-fixture';

describe('generic page reader', () => {
  it.each(generic.exampleUrls)('reads %s', (url) => expect(generic.isConversationUrl(url)).toBe(true));
  it.each(generic.nonConversationUrls)('does not read %s', (url) => expect(generic.isConversationUrl(url)).toBe(false));

  it('reads the visible text and mailto:/tel: links, without scripts, hidden text or the URL query', () => {
    const { doc, url } = loadFixture('generic');
    const { conversation } = mustRead(generic.readConversation(doc, url));
    expect(conversation.conversationId).toBe('https://forum.example.nl/t/bestelling-kwijt/8812');
    expect(conversation.subject).toBe('Bestelling kwijt - Klantenforum');
    expect(conversation.customer).toEqual({
      name: '',
      emails: ['kees.de.boer@example.nl'],
      phones: ['+31881234567'],
      handles: [],
    });
    expect(conversation.messages).toHaveLength(1);
    const text = conversation.messages[0]!.text;
    expect(text).toContain('Hoofdweg 1, 9999 ZZ Ergens');
    expect(text).not.toMatch(/Verborgen|tracking|display: none/);
  });

  it('reads only the selection when the user selected text', () => {
    const { doc, url } = loadFixture('generic');
    const paragraph = doc.querySelector('#post-2 p')!;
    const range = doc.createRange();
    range.selectNodeContents(paragraph);
    const selection = { toString: () => range.toString() } as Selection;
    Object.defineProperty(doc, 'getSelection', { value: () => selection });
    const { conversation } = mustRead(generic.readConversation(doc, url));
    expect(conversation.messages).toEqual([
      { id: 'selection', author: '', fromCustomer: true, sentAt: null, text: 'Bel ons gerust: 088 123 4567' },
    ]);
  });
});

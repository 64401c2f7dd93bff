import { describe, expect, it } from 'vitest';
import { isValidIBAN } from 'ibantools';
import gmail from '@/lib/sites/adapters/gmail';
import { LONG_THREAD_HEX_ID, generateLongGmailThread, messageId } from '../../fixtures/sites/generate-long-thread';
import { mustRead, parseFixture } from './load-fixture';

describe('1,000-message thread fixture', () => {
  const html = generateLongGmailThread(1000);
  // Parsed once: reading does not change the page, and happy-dom takes seconds to parse it.
  const parsed = parseFixture(html);

  // happy-dom parses and queries a 1,000-message page in seconds (Chromium in milliseconds): timing is measured
  // in the real browser by `npm run bench:page`; these tests check what is read.
  it('is generated the same way every time', () => {
    expect(generateLongGmailThread(1000)).toBe(html);
  });

  it('is read completely by the Gmail adapter, in order, with valid IBANs in the customer messages', () => {
    const { doc, url } = parsed;
    const { conversation } = mustRead(gmail.readConversation(doc, url));
    expect(conversation.conversationId).toBe(LONG_THREAD_HEX_ID);
    expect(conversation.messages).toHaveLength(1000);
    expect(conversation.messages[999]?.id).toBe(messageId(999));
    expect(conversation.messages.filter((m) => m.fromCustomer)).toHaveLength(500);
    expect(conversation.customer.phones.length).toBeGreaterThan(400);
    const iban = /NL\d{2}(?: [A-Z0-9]{4}){3} [A-Z0-9]{2}/.exec(conversation.messages[0]!.text)?.[0] ?? '';
    expect(isValidIBAN(iban.replace(/ /g, ''))).toBe(true);
  }, 60_000);

  it('reads the same conversation in slices, giving the page back in between', async () => {
    const { doc, url } = parsed;
    let pauses = 0;
    const sliced = await gmail.readConversationInSlices(doc, url, {
      sliceMs: 8,
      yieldToPage: async () => void (pauses += 1),
    });
    expect(sliced).toEqual(gmail.readConversation(doc, url));
    expect(pauses).toBeGreaterThan(1);
  }, 60_000);

  it('stops a sliced read when the page has moved on', async () => {
    const { doc, url } = parsed;
    const result = await gmail.readConversationInSlices(doc, url, {
      sliceMs: 0,
      yieldToPage: async () => {},
      isCurrent: () => false,
    });
    expect(result).toBeNull();
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { conversationKey, conversationKeyInSlices } from '@/lib/sites/conversation-key';
import type { ReadResult } from '@/lib/sites/site-adapter';

const thread = (texts: string[]): ReadResult => ({
  ok: true,
  conversation: {
    tool: 'gmail',
    conversationId: 't1',
    url: 'https://mail.google.com/mail/u/0/#inbox/t1',
    subject: 'Re: "order"',
    customer: { name: 'Ann', emails: ['ann@example.nl'], phones: [], handles: [] },
    messages: texts.map((text, i) => ({ id: `m${i}`, author: 'Ann', fromCustomer: i % 2 === 0, sentAt: null, text })),
  },
});

describe('conversationKeyInSlices', () => {
  it('gives the same key as conversationKey, also when it yields between messages', async () => {
    const texts = Array.from({ length: 300 }, (_, i) => `message ${i} with "quotes", ünïcode and \n lines`);
    let yields = 0;
    const key = await conversationKeyInSlices(thread(texts), {
      sliceMs: 0,
      yieldToPage: async () => void (yields += 1),
    });
    expect(yields).toBeGreaterThan(100);
    expect(key).toBe(conversationKey(thread(texts)));
    const edited = [...texts];
    edited[299] = 'changed';
    expect(await conversationKeyInSlices(thread(edited))).not.toBe(key);
  });

  it('stops when the page moved on, and keys a failed read by its reason', async () => {
    const key = await conversationKeyInSlices(thread(['a', 'b', 'c']), {
      sliceMs: 0,
      yieldToPage: async () => undefined,
      isCurrent: () => false,
    });
    expect(key).toBeNull();
    const failed: ReadResult = {
      ok: false,
      reason: 'layout-not-recognised',
      failed: ['thread'],
      diagnostics: '',
    } as never;
    expect(await conversationKeyInSlices(failed)).toBe(conversationKey(failed));
  });
});

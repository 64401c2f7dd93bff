import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '@/lib/pii/types';
import { useFindings, type DetectBatch } from '@/lib/panel/use-findings';
import type { Conversation } from '@/lib/sites/site-adapter';

const conversationOf = (id: string, texts: string[]): Conversation => ({
  tool: 'gmail',
  conversationId: id,
  url: `https://mail.google.com/#inbox/${id}`,
  subject: 's',
  customer: { name: 'Sanne', emails: ['sanne@example.nl'], phones: [], handles: [] },
  messages: texts.map((text, i) => ({ id: `${id}-${i}`, author: 'a', fromCustomer: true, sentAt: null, text })),
});

/** A stand-in detector: every "@" word is an EMAIL finding (the engine itself is tested in tests/unit/pii). */
const emails = (texts: string[]): Finding[][] =>
  texts.map((text) =>
    [...text.matchAll(/\S+@\S+/g)].map((m) => ({
      type: 'EMAIL' as const,
      start: m.index,
      end: m.index + m[0].length,
      value: m[0],
      confidence: 0.9,
    })),
  );

describe('useFindings', () => {
  it('lists findings per message, complete once every batch is in', async () => {
    const texts = Array.from({ length: 120 }, (_, i) => `bericht ${i} van s${i}@example.nl`);
    const detect = vi.fn<DetectBatch>(async (t) => emails(t));
    const c = conversationOf('a', texts);
    const { result } = renderHook(() => useFindings(c, 'a', detect));
    await waitFor(() => expect(result.current?.complete).toBe(true));
    expect(result.current!.findings).toHaveLength(120);
    expect(result.current!.findings[7]).toMatchObject({ value: 's7@example.nl', messageId: 'a-7' });
    expect(detect.mock.calls.length).toBeGreaterThan(1);
  });

  it('asks once more when the background fails, then shows the answer', async () => {
    const detect = vi.fn<DetectBatch>(async () => {
      throw new Error('Could not establish connection');
    });
    const fallback = vi.fn<DetectBatch>(async (t) => emails(t));
    const c = conversationOf('b', ['mail b@example.nl']);
    const { result } = renderHook(() => useFindings(c, 'b', detect, fallback));
    await waitFor(() => expect(result.current?.findings.map((f) => f.value)).toEqual(['b@example.nl']));
    expect(fallback).toHaveBeenCalledTimes(1);
  });

  it('never shows the findings of a conversation that is no longer open', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const detect = vi.fn<DetectBatch>(async (t) => {
      if (t[0]?.includes('old@')) await slow;
      return emails(t);
    });
    const old = conversationOf('old', ['from old@example.nl']);
    const now = conversationOf('new', ['from new@example.nl']);
    const { result, rerender } = renderHook(({ c, k }) => useFindings(c, k, detect), {
      initialProps: { c: old, k: 'old' },
    });
    rerender({ c: now, k: 'new' });
    await waitFor(() => expect(result.current?.findings.map((f) => f.value)).toEqual(['new@example.nl']));
    await act(async () => release());
    expect(result.current?.conversationKey).toBe('new');
    expect(result.current?.findings.map((f) => f.value)).toEqual(['new@example.nl']);
  });
});

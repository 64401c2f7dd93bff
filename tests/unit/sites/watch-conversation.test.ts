import { afterEach, describe, expect, it, vi } from 'vitest';
import zendesk from '@/lib/sites/adapters/zendesk';
import type { ReadResult, SiteAdapter } from '@/lib/sites/site-adapter';
import { watchConversation, type WatchContext } from '@/lib/sites/watch-conversation';
import { loadFixture } from './load-fixture';

const TICKET_A = 'https://fietsenhuis.zendesk.com/agent/tickets/4821';
const TICKET_B = 'https://fietsenhuis.zendesk.com/agent/tickets/4790';
const DEBOUNCE = 20;
/** Long enough for a debounced read that should NOT happen to have happened. */
const settle = () => new Promise((resolve) => setTimeout(resolve, DEBOUNCE * 10));
/** Waits until the watcher has emitted `count` results (reads pause between slices, so timing varies). */
const emitted = (results: ReadResult[], count: number) =>
  vi.waitFor(() => expect(results).toHaveLength(count), { timeout: 10_000 });

/** A stand-in for WXT's ContentScriptContext: real timers, a location-change trigger and invalidation. */
function fakeContext() {
  const onInvalidated: (() => void)[] = [];
  const onLocationChange: ((event: Event) => void)[] = [];
  const ctx: WatchContext = {
    onInvalidated: (callback) => void onInvalidated.push(callback),
    setTimeout: (handler, timeout) => window.setTimeout(handler, timeout) as unknown as number,
    addEventListener: (_target, _type, handler) => void onLocationChange.push(handler),
  };
  return {
    ctx,
    navigate: () => onLocationChange.forEach((handler) => handler(new Event('wxt:locationchange'))),
    invalidate: () => onInvalidated.forEach((callback) => callback()),
  };
}

/** Puts the Zendesk fixture into the live happy-dom document (it contains no scripts). */
function mountZendesk(): void {
  const { doc } = loadFixture('zendesk');
  document.body.replaceChildren(...Array.from(doc.body.childNodes).map((node) => document.importNode(node, true)));
}

/** Counts the watcher's reads; `onYield` runs at each pause of a sliced read (to act "during" the read). */
function counting(adapter: SiteAdapter, onYield?: () => void): SiteAdapter & { reads: number } {
  const wrapped = { ...adapter, reads: 0 };
  wrapped.readConversationInSlices = (doc, url, options = {}) => {
    wrapped.reads += 1;
    return adapter.readConversationInSlices(doc, url, {
      ...options,
      yieldToPage: async () => {
        onYield?.();
        await (options.yieldToPage?.() ?? Promise.resolve());
      },
    });
  };
  return wrapped;
}

function addComment(ticketId: string, commentId: string, text: string): void {
  const log = document.querySelector(`[data-ticket-id="${ticketId}"] [data-test-id="omni-log-container"]`)!;
  const article = document.createElement('article');
  article.setAttribute('data-test-id', 'omni-log-comment-item');
  article.setAttribute('data-comment-id', commentId);
  const sender = article.appendChild(document.createElement('span'));
  sender.setAttribute('data-test-id', 'omni-log-item-sender');
  sender.appendChild(document.createElement('strong')).textContent = 'Emma Visser';
  const message = article.appendChild(document.createElement('div'));
  message.setAttribute('data-test-id', 'omni-log-item-message');
  message.setAttribute('type', 'end-user');
  message.textContent = text;
  log.appendChild(article);
}

function conversations(results: ReadResult[]) {
  return results.flatMap((r) => (r.ok ? [r.conversation] : []));
}

afterEach(() => document.body.replaceChildren());

describe('watchConversation', () => {
  it('emits the open conversation once, after the debounce, and not again for changes that alter nothing', async () => {
    mountZendesk();
    const results: ReadResult[] = [];
    const { ctx, invalidate } = fakeContext();
    const adapter = counting(zendesk);
    watchConversation(ctx, adapter, { getUrl: () => TICKET_A, onChange: (r) => results.push(r), debounceMs: DEBOUNCE });
    expect(results).toHaveLength(0);
    await emitted(results, 1);
    expect(conversations(results).map((c) => [c.conversationId, c.messages.length])).toEqual([['4821', 4]]);

    document.querySelector('header')!.appendChild(document.createElement('span')).textContent = 'toast';
    document.querySelector('[data-test-id="omni-log-item-via"]')!.setAttribute('class', 'hovered');
    await vi.waitFor(() => expect(adapter.reads).toBe(2), { timeout: 10_000 });
    await settle();
    expect(results).toHaveLength(1);
    invalidate();
  });

  it('does not re-read when only the extension adds or removes its own panel element', async () => {
    mountZendesk();
    const results: ReadResult[] = [];
    const { ctx, invalidate } = fakeContext();
    const adapter = counting(zendesk);
    watchConversation(ctx, adapter, { getUrl: () => TICKET_A, onChange: (r) => results.push(r), debounceMs: DEBOUNCE });
    await emitted(results, 1);
    const readsBefore = adapter.reads;
    const panel = document.body.appendChild(document.createElement('privacydesk-panel'));
    panel.setAttribute('hidden', '');
    await settle();
    panel.remove();
    await settle();
    expect(adapter.reads).toBe(readsBefore);
    document.body.appendChild(document.createElement('div'));
    await vi.waitFor(() => expect(adapter.reads).toBe(readsBefore + 1), { timeout: 10_000 });
    invalidate();
  });

  it('re-reads when a message loads late, debouncing a burst of changes into one read', async () => {
    mountZendesk();
    const results: ReadResult[] = [];
    const { ctx, invalidate } = fakeContext();
    const adapter = counting(zendesk);
    watchConversation(ctx, adapter, { getUrl: () => TICKET_A, onChange: (r) => results.push(r), debounceMs: DEBOUNCE });
    await emitted(results, 1);
    const readsBefore = adapter.reads;
    addComment('4821', '37811122205', 'Nieuw adres: Dorpsweg 2, Baarn.');
    addComment('4821', '37811122206', 'En mijn nummer is 06 98765432.');
    await emitted(results, 2);
    await settle();
    expect(adapter.reads - readsBefore).toBe(1);
    const last = conversations(results).at(-1)!;
    expect(last.messages.map((m) => m.id).slice(-2)).toEqual(['37811122205', '37811122206']);
    expect(results).toHaveLength(2);
    invalidate();
  });

  it('follows in-app navigation to the next ticket and never emits a mix of the two', async () => {
    mountZendesk();
    let url = TICKET_A;
    const results: ReadResult[] = [];
    const { ctx, navigate, invalidate } = fakeContext();
    const watcher = watchConversation(ctx, zendesk, {
      getUrl: () => url,
      onChange: (r) => results.push(r),
      debounceMs: DEBOUNCE,
    });
    await emitted(results, 1);
    url = TICKET_B;
    navigate();
    await emitted(results, 2);
    expect(watcher.generation).toBe(1);
    const seen = conversations(results);
    expect(seen.map((c) => c.conversationId)).toEqual(['4821', '4790']);
    for (const c of seen) expect(c.url.endsWith(`/tickets/${c.conversationId}`)).toBe(true);
    expect(seen[1]!.messages.map((m) => m.author)).toEqual(['Pieter Jansen']);
    invalidate();
  });

  it('drops a read that was started for one ticket when the thread switched mid-scan', async () => {
    mountZendesk();
    let url = TICKET_A;
    let pauses = 0;
    const results: ReadResult[] = [];
    const { ctx, invalidate } = fakeContext();
    // The user switches tickets while the first read is paused between slices (before WXT's event fires).
    const adapter = counting(zendesk, () => {
      pauses += 1;
      if (pauses === 2) url = TICKET_B;
    });
    watchConversation(ctx, adapter, {
      getUrl: () => url,
      onChange: (r) => results.push(r),
      debounceMs: DEBOUNCE,
      sliceMs: 0,
    });
    await emitted(results, 1);
    await settle();
    expect(adapter.reads).toBe(2);
    expect(conversations(results).map((c) => c.conversationId)).toEqual(['4790']);
    invalidate();
  });

  it('reads a long thread in slices that give the page back', async () => {
    mountZendesk();
    for (let i = 0; i < 40; i++) addComment('4821', `9000${i}`, `Bericht ${i} met adres Dorpsweg ${i}.`);
    let pauses = 0;
    const results: ReadResult[] = [];
    const { ctx, invalidate } = fakeContext();
    const adapter = counting(zendesk, () => void (pauses += 1));
    watchConversation(ctx, adapter, {
      getUrl: () => TICKET_A,
      onChange: (r) => results.push(r),
      debounceMs: DEBOUNCE,
      sliceMs: 0,
    });
    await emitted(results, 1);
    expect(pauses).toBe(44);
    expect(conversations(results).map((c) => c.messages.length)).toEqual([44]);
    invalidate();
  });

  it('stops watching when the content-script context is invalidated', async () => {
    mountZendesk();
    const results: ReadResult[] = [];
    const { ctx, invalidate } = fakeContext();
    const adapter = counting(zendesk);
    watchConversation(ctx, adapter, { getUrl: () => TICKET_A, onChange: (r) => results.push(r), debounceMs: DEBOUNCE });
    await emitted(results, 1);
    invalidate();
    addComment('4821', '37811122207', 'Na het sluiten van het paneel.');
    await settle();
    expect(adapter.reads).toBe(1);
    expect(results).toHaveLength(1);
  });

  it('reports a layout that stops being recognised, once', async () => {
    mountZendesk();
    const results: ReadResult[] = [];
    const { ctx, invalidate } = fakeContext();
    watchConversation(ctx, zendesk, { getUrl: () => TICKET_A, onChange: (r) => results.push(r), debounceMs: DEBOUNCE });
    await emitted(results, 1);
    for (const el of Array.from(document.querySelectorAll('[data-test-id="omni-log-comment-item"]'))) {
      el.setAttribute('data-test-id', 'renamed');
    }
    await emitted(results, 2);
    await settle();
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['ok', 'layout-not-recognised']);
    invalidate();
  });
});

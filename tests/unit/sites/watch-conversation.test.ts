import { afterEach, describe, expect, it } from 'vitest';
import zendesk from '@/lib/sites/adapters/zendesk';
import type { ReadResult, SiteAdapter } from '@/lib/sites/site-adapter';
import { watchConversation, type WatchContext } from '@/lib/sites/watch-conversation';
import { loadFixture } from './load-fixture';

const TICKET_A = 'https://fietsenhuis.zendesk.com/agent/tickets/4821';
const TICKET_B = 'https://fietsenhuis.zendesk.com/agent/tickets/4790';
const DEBOUNCE = 20;
const settle = () => new Promise((resolve) => setTimeout(resolve, DEBOUNCE * 5));

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

function counting(adapter: SiteAdapter, onRead?: () => void): SiteAdapter & { reads: number } {
  const wrapped = { ...adapter, reads: 0 };
  wrapped.readConversation = (doc, url) => {
    wrapped.reads += 1;
    const result = adapter.readConversation(doc, url);
    onRead?.();
    return result;
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
    await settle();
    expect(conversations(results).map((c) => [c.conversationId, c.messages.length])).toEqual([['4821', 4]]);

    document.querySelector('header')!.appendChild(document.createElement('span')).textContent = 'toast';
    document.querySelector('[data-test-id="omni-log-item-via"]')!.setAttribute('class', 'hovered');
    await settle();
    expect(adapter.reads).toBe(2);
    expect(results).toHaveLength(1);
    invalidate();
  });

  it('re-reads when a message loads late, debouncing a burst of changes into one read', async () => {
    mountZendesk();
    const results: ReadResult[] = [];
    const { ctx, invalidate } = fakeContext();
    const adapter = counting(zendesk);
    watchConversation(ctx, adapter, { getUrl: () => TICKET_A, onChange: (r) => results.push(r), debounceMs: DEBOUNCE });
    await settle();
    const readsBefore = adapter.reads;
    addComment('4821', '37811122205', 'Nieuw adres: Dorpsweg 2, Baarn.');
    addComment('4821', '37811122206', 'En mijn nummer is 06 98765432.');
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
    await settle();
    url = TICKET_B;
    navigate();
    await settle();
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
    let switched = false;
    const results: ReadResult[] = [];
    const { ctx, invalidate } = fakeContext();
    // The user switches tickets while the first read runs (before WXT's location-change event fires).
    const adapter = counting(zendesk, () => {
      if (!switched) {
        switched = true;
        url = TICKET_B;
      }
    });
    watchConversation(ctx, adapter, { getUrl: () => url, onChange: (r) => results.push(r), debounceMs: DEBOUNCE });
    await settle();
    expect(adapter.reads).toBe(2);
    expect(conversations(results).map((c) => c.conversationId)).toEqual(['4790']);
    invalidate();
  });

  it('stops watching when the content-script context is invalidated', async () => {
    mountZendesk();
    const results: ReadResult[] = [];
    const { ctx, invalidate } = fakeContext();
    const adapter = counting(zendesk);
    watchConversation(ctx, adapter, { getUrl: () => TICKET_A, onChange: (r) => results.push(r), debounceMs: DEBOUNCE });
    await settle();
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
    await settle();
    for (const el of Array.from(document.querySelectorAll('[data-test-id="omni-log-comment-item"]'))) {
      el.setAttribute('data-test-id', 'renamed');
    }
    await settle();
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['ok', 'layout-not-recognised']);
    invalidate();
  });
});

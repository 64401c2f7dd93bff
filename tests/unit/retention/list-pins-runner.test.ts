import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DueState } from '@/lib/retention/due-state';
import { PIN_HOST_ATTRIBUTE } from '@/lib/retention/list-pins';
import { startListPins, type ListPinsDeps, type PinsContext } from '@/lib/retention/list-pins-runner';
import { pinsForTab, toolOfUrl } from '@/lib/retention/pins-for-tab';
import { supportedSites } from '@/lib/sites/host-patterns';
import { siteForUrl } from '@/lib/sites/site-for-url';
import { summarise } from '@/lib/retention/run-check';
import { retentionPresets } from '@/lib/retention/presets';
import type { DueItem } from '@/lib/retention/types';
import { NOW } from './register-helper';

const fixture = join(import.meta.dirname, 'fixtures', 'zendesk-views.html');
let windows: Window[] = [];
afterEach(async () => {
  for (const w of windows) await w.happyDOM.close();
  windows = [];
});

function load(): { doc: Document; window: Window } {
  const window = new Window({ url: 'https://acme.zendesk.com/agent/filters/1' });
  windows.push(window);
  window.document.write(readFileSync(fixture, 'utf8'));
  return { doc: window.document as unknown as Document, window };
}

/** A stand-in for WXT's ContentScriptContext with real timers it clears on invalidation. */
function fakeCtx() {
  const callbacks: (() => void)[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const ctx: PinsContext & { invalidate(): void; valid: boolean } = {
    valid: true,
    get isValid() {
      return this.valid;
    },
    onInvalidated: (cb) => void callbacks.push(cb),
    setTimeout(handler, ms) {
      const t = setTimeout(() => {
        timers.delete(t);
        handler();
      }, ms);
      timers.add(t);
      return t as unknown as number;
    },
    invalidate() {
      this.valid = false;
      for (const t of timers) clearTimeout(t);
      for (const cb of callbacks) cb();
    },
  };
  return ctx;
}

function fakeDeps(initial: Record<string, DueState>) {
  let states = new Map(Object.entries(initial));
  let onRun: (() => void) | undefined;
  const deps: ListPinsDeps = {
    fetchStates: vi.fn(async () => states),
    watchRuns: vi.fn((cb: () => void) => {
      onRun = cb;
      return () => (onRun = undefined);
    }),
  };
  return {
    deps,
    newRun(next: Record<string, DueState>) {
      states = new Map(Object.entries(next));
      onRun?.();
    },
    watching: () => onRun !== undefined,
  };
}

const pinIds = (doc: Document) =>
  [...(doc.querySelector(`[${PIN_HOST_ATTRIBUTE}]`)?.shadowRoot?.querySelectorAll<HTMLElement>('.pin') ?? [])]
    .map((p) => p.dataset.toolId)
    .sort();

describe('list pins runner', () => {
  it('does nothing on a tool without a row finder', () => {
    const { doc } = load();
    const { deps } = fakeDeps({ '4790': 'due' });
    expect(startListPins(fakeCtx(), 'intercom', { document: doc, deps })).toBeUndefined();
    expect(deps.fetchStates).not.toHaveBeenCalled();
  });

  it('pins the due rows it is told about and leaves the rows untouched', async () => {
    const { doc } = load();
    const rows = new XMLSerializer().serializeToString(doc.querySelector('tbody')!);
    const { deps } = fakeDeps({ '4790': 'due', '3999': 'overdue' });
    const runner = startListPins(fakeCtx(), 'zendesk', { document: doc, deps })!;
    await runner.ready;
    expect(pinIds(doc)).toEqual(['3999', '4790']);
    expect(new XMLSerializer().serializeToString(doc.querySelector('tbody')!)).toBe(rows);
  });

  it('repaints after the list changes (debounced) and after a new retention run', async () => {
    const { doc } = load();
    const fake = fakeDeps({ '4790': 'due', '7777': 'overdue' });
    const runner = startListPins(fakeCtx(), 'zendesk', { document: doc, deps: fake.deps, debounceMs: 10 })!;
    await runner.ready;
    expect(pinIds(doc)).toEqual(['4790']);

    // The tool renders a new row for a due ticket: several mutations, one repaint.
    const tr = doc.createElement('tr');
    tr.setAttribute('data-test-id', 'generic-table-row');
    const a = doc.createElement('a');
    a.setAttribute('href', '/agent/tickets/7777');
    tr.append(doc.createElement('td'), a);
    doc.querySelector('tbody')!.append(tr);
    await vi.waitFor(() => expect(pinIds(doc)).toEqual(['4790', '7777']));

    fake.newRun({ '5102': 'due' });
    await vi.waitFor(() => expect(pinIds(doc)).toEqual(['5102']));
    expect(fake.deps.fetchStates).toHaveBeenCalledTimes(2);
  });

  it('runs once per page, however many entries start it', async () => {
    const { doc } = load();
    const ctx = fakeCtx();
    const fake = fakeDeps({ '4790': 'due' });
    const first = startListPins(ctx, 'zendesk', { document: doc, deps: fake.deps })!;
    expect(startListPins(fakeCtx(), 'zendesk', { document: doc, deps: fake.deps })).toBe(first);
    await first.ready;
    expect(fake.deps.fetchStates).toHaveBeenCalledTimes(1);
    ctx.invalidate();
    // Once stopped, a new start (e.g. after the extension was updated) gets a fresh runner.
    const again = startListPins(fakeCtx(), 'zendesk', { document: doc, deps: fake.deps });
    expect(again).not.toBe(first);
    again?.stop();
  });

  it('observes nothing and adds no overlay while nothing of the tool is due', async () => {
    const { doc } = load();
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const runner = startListPins(fakeCtx(), 'zendesk', { document: doc, deps: fakeDeps({}).deps })!;
    await runner.ready;
    expect(observe).not.toHaveBeenCalled();
    expect(doc.querySelector(`[${PIN_HOST_ATTRIBUTE}]`)).toBeNull();
  });

  it('removes its pins, observer and watch when the content script context is invalidated', async () => {
    const { doc } = load();
    const ctx = fakeCtx();
    const fake = fakeDeps({ '4790': 'due' });
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const runner = startListPins(ctx, 'zendesk', { document: doc, deps: fake.deps })!;
    await runner.ready;
    ctx.invalidate();
    expect(doc.querySelector(`[${PIN_HOST_ATTRIBUTE}]`)).toBeNull();
    expect(disconnect).toHaveBeenCalled();
    expect(fake.watching()).toBe(false);
  });
});

describe('pinsForTab', () => {
  const item = (toolId: string, extra: Partial<DueItem> = {}): DueItem => ({
    tool: 'zendesk',
    kind: 'conversation',
    toolId,
    customerId: 'c1',
    policyId: 'closed-conversations',
    dueAt: NOW - 1,
    state: 'due',
    held: false,
    confirmed: true,
    ...extra,
  });
  const summary = summarise(
    [
      item('1'),
      item('2', { state: 'overdue' }),
      item('3', { held: true }),
      item('m1', { kind: 'message' }),
      item('g1', { tool: 'gmail' }),
    ],
    retentionPresets,
    NOW,
  );
  const toolOf = (url: string) => (url.includes('zendesk.com') ? 'zendesk' : undefined);

  it("answers only the tool's own unheld conversations, with ids and states only", () => {
    const pins = pinsForTab(summary, 'zendesk', 'https://acme.zendesk.com/agent/filters/1', toolOf);
    expect(pins).toEqual([
      { toolId: '1', state: 'due' },
      { toolId: '2', state: 'overdue' },
    ]);
  });

  it('answers nothing to a tab on another site, to a page without a tab, or before any run', () => {
    expect(pinsForTab(summary, 'zendesk', 'https://mail.google.com/mail/u/0/', toolOf)).toEqual([]);
    expect(pinsForTab(summary, 'zendesk', undefined, toolOf)).toEqual([]);
    expect(pinsForTab(null, 'zendesk', 'https://acme.zendesk.com/agent', toolOf)).toEqual([]);
  });
});

describe('toolOfUrl (the background has no Location for WXT’s MatchPattern)', () => {
  it.each([
    'https://acme.zendesk.com/agent/filters/360001',
    'https://acme.zendesk.com/hc/en-us',
    'https://zendesk.com.evil.example/agent/tickets/1',
    'https://mail.google.com/mail/u/0/#inbox',
    'https://secure.helpscout.net/conversation/1',
    'https://acme.freshdesk.com/a/tickets/7',
    'https://acme.freshdesk.com/support/home',
    'http://acme.zendesk.com/agent/tickets/1',
    'https://example.com/',
    'not a url',
  ])('agrees with the content script’s site matching for %s', (url) => {
    expect(toolOfUrl(url, supportedSites)).toBe(siteForUrl(url)?.tool);
  });

  it('knows the tools’ list pages', () => {
    expect(toolOfUrl('https://acme.zendesk.com/agent/filters/1', supportedSites)).toBe('zendesk');
    expect(toolOfUrl('https://mail.google.com/mail/u/0/', supportedSites)).toBe('gmail');
  });
});

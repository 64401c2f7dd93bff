import { afterEach, describe, expect, it } from 'vitest';
import { reserveSpace } from '@/lib/panel/reserved-space';
import { warmPanelText } from '@/lib/panel/text-warmup';

const CSS = '.pd-finding-value { font-family: monospace; }';
const sample = () => document.querySelector('privacydesk-warmup');
/** The warm-up is laid out in a task of its own. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the panel text warm-up', () => {
  afterEach(() => {
    document.querySelectorAll('privacydesk-dock, privacydesk-warmup').forEach((el) => el.remove());
  });

  it('lays out the panel styles unseen in the dock, with the panel labels and no landmark, until taken away', async () => {
    const space = reserveSpace(document);
    const drop = warmPanelText(document, CSS);
    expect(sample()).toBeNull();
    await nextTask();
    const host = sample() as HTMLElement;
    expect(host.parentElement).toBe(space.dock);
    expect(host.style.visibility).toBe('hidden');
    const root = host.shadowRoot as ShadowRoot;
    expect(root.querySelector('style')?.textContent).toBe(CSS);
    // Each text style of the panel once.
    for (const cls of [
      'pd-title',
      'pd-section-title',
      'pd-finding-type',
      'pd-finding-value',
      'pd-message-meta',
      'pd-keep',
    ])
      expect(root.querySelector(`.${cls}`), cls).not.toBeNull();
    expect(root.querySelector('.pd-title')?.textContent).toBe('Privacy panel');
    expect(root.querySelector('.pd-finding-summary')?.textContent).toContain('Email addresses');
    // The UI contract's landmark is the panel's own, once on the page.
    expect(root.querySelector('aside, [role]')).toBeNull();
    drop();
    expect(sample()).toBeNull();
  });

  it('lays out nothing when taken away before its task runs (the panel mounted first)', async () => {
    reserveSpace(document);
    warmPanelText(document, CSS)();
    await nextTask();
    expect(sample()).toBeNull();
  });

  it('does nothing on a page without the dock (the generic reader)', async () => {
    const drop = warmPanelText(document, CSS);
    await nextTask();
    expect(sample()).toBeNull();
    expect(() => drop()).not.toThrow();
  });
});

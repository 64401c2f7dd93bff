import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { DueState } from '@/lib/retention/due-state';
import { paintListPins, PIN_HOST_ATTRIBUTE } from '@/lib/retention/list-pins';
import { gmailThreadRows, rowFinders, zendeskViewRows, type RowFinder } from '@/lib/retention/row-finders';

const here = import.meta.dirname;
const siteFixtures = join(here, '../../fixtures/sites');

function load(path: string): Document {
  const window = new Window({ url: 'https://acme.zendesk.com/agent/filters/1' });
  window.document.write(readFileSync(path, 'utf8'));
  return window.document as unknown as Document;
}

/** The page as the tool drew it: every element except our overlay host, serialised. */
function pageSnapshot(doc: Document): string {
  const clone = doc.body.cloneNode(true) as HTMLElement;
  clone.querySelector(`[${PIN_HOST_ATTRIBUTE}]`)?.remove();
  return new XMLSerializer().serializeToString(clone);
}

const cases: [RowFinder, string, Record<string, DueState>][] = [
  [zendeskViewRows, 'zendesk-views.html', { '4790': 'due', '3999': 'overdue', '5102': 'ok' }],
  [gmailThreadRows, 'gmail-thread-list.html', { '18b2f3c4d5e6f701': 'overdue', '18c9a1b2c3d4e5f6': 'ok' }],
];

describe('list-view pins', () => {
  it.each(cases)('%s finds its rows on its fixture', (finder, fixture) => {
    expect(finder.rows(load(join(here, 'fixtures', fixture)))).toHaveLength(finder.fixtureCount);
  });

  it.each(cases)('paints due pins for %s without touching the tool’s rows or layout', (finder, fixture, states) => {
    const doc = load(join(here, 'fixtures', fixture));
    const before = pageSnapshot(doc);
    const rowsBefore = finder.rows(doc).map((r) => r.element.childNodes.length);

    const pins = paintListPins(doc, finder, new Map(Object.entries(states)));

    const dueIds = Object.entries(states)
      .filter(([, s]) => s !== 'ok')
      .map(([id]) => id);
    const hosts = doc.querySelectorAll(`[${PIN_HOST_ATTRIBUTE}]`);
    expect(hosts).toHaveLength(1);
    const host = hosts[0] as HTMLElement;
    // The one added node sits outside the tool's content, takes no space and no clicks.
    expect(host.parentElement).toBe(doc.body);
    expect(host.style.position).toBe('absolute');
    expect(host.style.pointerEvents).toBe('none');
    expect(host.style.width).toBe('0px');
    const painted = [...host.shadowRoot!.querySelectorAll<HTMLElement>('.pin')];
    expect(painted.map((p) => p.dataset.toolId).sort()).toEqual(dueIds.sort());
    for (const pin of painted) {
      expect(pin.dataset.retentionState).toBe(states[pin.dataset.toolId!]);
      expect(pin.textContent).toBe(states[pin.dataset.toolId!] === 'due' ? 'due' : 'overdue');
    }
    // No node inserted in, or changed within, the tool's rows.
    expect(pageSnapshot(doc)).toBe(before);
    expect(finder.rows(doc).map((r) => r.element.childNodes.length)).toEqual(rowsBefore);

    // Idempotent: painting again does not add a second host or duplicate pins.
    expect(pins.update()).toBe(dueIds.length);
    expect(doc.querySelectorAll(`[${PIN_HOST_ATTRIBUTE}]`)).toHaveLength(1);
    expect(host.shadowRoot!.querySelectorAll('.pin')).toHaveLength(dueIds.length);

    pins.dispose();
    expect(doc.querySelector(`[${PIN_HOST_ATTRIBUTE}]`)).toBeNull();
    expect(pageSnapshot(doc)).toBe(before);
  });

  it('reads a Gmail row’s thread id from data-thread-id when the legacy id is missing', () => {
    const doc = load(join(here, 'fixtures', 'gmail-thread-list.html'));
    for (const el of doc.querySelectorAll('[data-legacy-thread-id]')) el.removeAttribute('data-legacy-thread-id');
    const ids = gmailThreadRows.rows(doc).map((r) => r.toolId);
    expect(ids).toHaveLength(gmailThreadRows.fixtureCount);
    expect(ids[0]).toBe(BigInt('1780000000000000001').toString(16));
  });

  it('adds nothing at all to the site fixtures, which show a conversation and no list', () => {
    for (const site of readdirSync(siteFixtures)) {
      const finder = rowFinders[site];
      if (!finder) continue;
      for (const file of readdirSync(join(siteFixtures, site))) {
        const doc = load(join(siteFixtures, site, file));
        const before = pageSnapshot(doc);
        const count = doc.body.querySelectorAll('*').length;
        paintListPins(doc, finder, new Map([['4790', 'due']]));
        expect(doc.body.querySelectorAll('*').length, `${site}/${file}`).toBe(count);
        expect(pageSnapshot(doc)).toBe(before);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { adapters } from '@/lib/sites/registry';
import type { Conversation } from '@/lib/sites/site-adapter';
import { loadFixture, mustRead, parseFixture } from './load-fixture';

/** Every personal value the adapter reads from its saved page. */
function personalValues(conversation: Conversation): string[] {
  const { customer, messages, subject, conversationId, url } = conversation;
  return [
    customer.name,
    ...customer.emails,
    ...customer.phones,
    ...customer.handles,
    subject,
    conversationId,
    url,
    ...messages.flatMap((m) => [
      m.author,
      m.authorEmail ?? '',
      m.id,
      ...m.text.split(/\s+/).filter((w) => w.length >= 6),
    ]),
  ].filter((v) => v.length >= 4);
}

/** The saved page with every element's class, data-* and ARIA attributes renamed: no selector matches any more. */
function scrambled(html: string): Document {
  const { doc } = parseFixture(html);
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    for (const name of el.getAttributeNames()) {
      if (
        name === 'class' ||
        name === 'role' ||
        name === 'id' ||
        name.startsWith('data-') ||
        name.startsWith('aria-')
      ) {
        el.setAttribute(`x-${name}`, el.getAttribute(name) ?? '');
        el.removeAttribute(name);
      }
    }
  }
  return doc;
}

describe('"Copy diagnostics" text', () => {
  it.each(adapters.filter((a) => a.id !== 'generic').map((a) => [a.id, a] as const))(
    '%s: names site, version and failed selectors, and no personal data',
    (id, adapter) => {
      const { html, url, doc } = loadFixture(id);
      const values = personalValues(mustRead(adapter.readConversation(doc, url)).conversation);
      const result = adapter.readConversation(scrambled(html), url);
      if (result.ok) throw new Error('the scrambled page should not be recognised');
      expect(result.reason).toBe('layout-not-recognised');
      expect(result.diagnostics).toContain(`site: ${id} (${adapter.label})`);
      expect(result.diagnostics).toContain(`adapter version: ${adapter.version}`);
      expect(result.failed.length).toBeGreaterThan(0);
      for (const name of result.failed) expect(result.diagnostics).toContain(name);
      expect(result.diagnostics).not.toMatch(/@[a-z0-9-]+\./i);
      expect(result.diagnostics).not.toMatch(/\d{5,}/);
      for (const value of values) expect(result.diagnostics).not.toContain(value);
    },
  );

  it('stays free of personal data when the layout is recognised but the page is half-loaded', () => {
    const { html, url } = loadFixture('zendesk', 'changed-layout.html');
    const result = adapters.find((a) => a.id === 'zendesk')!.readConversation(parseFixture(html).doc, url);
    if (result.ok) throw new Error('expected a failure');
    expect(result.diagnostics).not.toMatch(/Emma|Visser|kpnmail|4821|NL20/);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { adapters, siteAdapters } from '@/lib/sites/registry';
import { contentScriptMatches, supportedSites } from '@/lib/sites/host-patterns';
import { adapterForUrl } from '@/lib/sites/site-for-url';
import { FIXTURES_DIR, fixtureNames, loadFixture } from './load-fixture';

const ADAPTERS_DIR = resolve(__dirname, '../../../lib/sites/adapters');

describe('site adapter conventions', () => {
  it('registers every file in lib/sites/adapters, under its file name', () => {
    const files = readdirSync(ADAPTERS_DIR)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(adapters.map((a) => a.id).sort()).toEqual(files);
  });

  describe.each(adapters.map((a) => [a.id, a] as const))('%s', (id, adapter) => {
    it('has a saved page, a SOURCES.md and its own test file', () => {
      expect(fixtureNames(id)).toContain('conversation.html');
      expect(existsSync(join(FIXTURES_DIR, id, 'SOURCES.md'))).toBe(true);
      expect(existsSync(resolve(__dirname, `${id}.test.ts`))).toBe(true);
    });

    it('has example URLs that it reads and others that it does not', () => {
      expect(adapter.exampleUrls.length).toBeGreaterThan(0);
      expect(adapter.nonConversationUrls.length).toBeGreaterThan(0);
      for (const url of adapter.exampleUrls) expect(adapter.isConversationUrl(url)).toBe(true);
      for (const url of adapter.nonConversationUrls) expect(adapter.isConversationUrl(url)).toBe(false);
    });

    it('finds on its saved page exactly the count each selector declares', () => {
      const { doc } = loadFixture(id);
      const counts = Object.fromEntries(
        Object.entries(adapter.selectors).map(([name, spec]) => [name, doc.querySelectorAll(spec.selector).length]),
      );
      const declared = Object.fromEntries(Object.entries(adapter.selectors).map(([name, s]) => [name, s.fixtureCount]));
      expect(counts).toEqual(declared);
    });

    it('reads its saved page, whose URL is one it recognises', () => {
      const { doc, url } = loadFixture(id);
      expect(adapter.isConversationUrl(url)).toBe(true);
      expect(adapter.readConversation(doc, url).ok).toBe(true);
    });
  });

  describe.each(siteAdapters.map((a) => [a.id, a] as const))('%s content script', (_id, adapter) => {
    it('covers its example URLs with its match patterns, and the URL finds this adapter', () => {
      const patterns = adapter.matches.map((m) => new MatchPattern(m));
      for (const url of adapter.exampleUrls) {
        expect(patterns.some((p) => p.includes(url))).toBe(true);
        expect(adapterForUrl(url)?.id).toBe(adapter.id);
      }
    });
  });

  it('derives the content-script matches from the site adapters (and not the generic reader)', () => {
    expect(supportedSites.map((s) => s.tool).sort()).toEqual(siteAdapters.map((a) => a.id).sort());
    expect(supportedSites.map((s) => s.tool)).not.toContain('generic');
    expect([...contentScriptMatches].sort()).toEqual(siteAdapters.flatMap((a) => a.matches).sort());
  });
});

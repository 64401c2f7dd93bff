import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES_DIR = resolve(__dirname, '../../fixtures/sites');

/** Fixture HTML parsed with DOMParser: scripts in it are never run. The URL comes from `<meta name="fixture-url">`. */
export function loadFixture(site: string, name = 'conversation.html'): { doc: Document; url: string; html: string } {
  const html = readFileSync(join(FIXTURES_DIR, site, name), 'utf8');
  return { ...parseFixture(html), html };
}

export function parseFixture(html: string): { doc: Document; url: string } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const url = doc.querySelector('meta[name="fixture-url"]')?.getAttribute('content') ?? '';
  return { doc, url };
}

export function fixtureNames(site: string): string[] {
  const dir = join(FIXTURES_DIR, site);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [];
}

/** Reads and asserts success, for tests that look at the conversation. */
export function mustRead<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`read failed: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/**
 * Build plugin: the panel bundle that runs inside the tools' pages (entrypoints/reader.content) uses Preact's
 * React-compatible API instead of React DOM; everything else (dashboard, popup, tests) keeps React. Measured with
 * scripts/page/profile.ts and `npm run bench:page`: the page pays to parse and initialise every byte of script the
 * panel loads, and React DOM was about half of the panel bundle (~190 KB of ~390 KB minified); Preact's compat
 * layer is ~12 KB. The components are written against React's API and tested with React.
 */
import type { Plugin } from 'vite';

const ALIASES: Readonly<Record<string, string>> = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
};

export function preactForPageBundle(entry = 'reader.content'): Plugin {
  let active = false;
  return {
    name: 'privacydesk:preact-page-bundle',
    enforce: 'pre',
    options(options) {
      active = JSON.stringify(options.input ?? '').includes(entry);
      return null;
    },
    async resolveId(source, importer, options) {
      const target = active ? ALIASES[source] : undefined;
      if (!target) return null;
      return this.resolve(target, importer, { ...options, skipSelf: true });
    },
  };
}

const HOST_PATTERNS = /[\\/]lib[\\/]sites[\\/]host-patterns(?:\.ts)?$/;
const EMPTY_HOST_PATTERNS = '\0privacydesk:host-patterns-runtime';

/**
 * Build plugin: both content scripts name their match patterns with `contentScriptMatches`, derived from the site
 * adapters. WXT reads them at build time for the manifest; at run time the scripts never look at them, yet the
 * entry's import made the page initialise every adapter before the script's first line: in the document_start
 * script ~28 KB to evaluate before the page parses, in the panel bundle part of the one task Chromium spends
 * evaluating it (`npm run bench:page`). In these bundles the entry's own import is replaced by an empty module; the
 * panel bundle still reads the patterns through lib/sites/site-for-url, whose import is untouched. WXT's own read of
 * the options does not go through this build, so the manifest keeps the real patterns (tests/e2e/panel.e2e.ts
 * needs them).
 */
export function entryMatchesWithoutAdapters(entries: readonly string[] = ['panel.content', 'reader.content']): Plugin {
  const entryDir = (entry: string) => new RegExp(`[\\\\/]entrypoints[\\\\/]${entry.replace('.', '\\.')}[\\\\/]`);
  // Only in the content scripts' own builds: WXT reads the options for the manifest through the same plugins.
  let building: RegExp | null = null;
  return {
    name: 'privacydesk:entry-matches-without-adapters',
    enforce: 'pre',
    options(options) {
      const input = JSON.stringify(options.input ?? '');
      const entry = entries.find((name) => input.includes(name));
      building = entry ? entryDir(entry) : null;
      return null;
    },
    async resolveId(source, importer, options) {
      if (!building) return null;
      if (source === EMPTY_HOST_PATTERNS) return EMPTY_HOST_PATTERNS;
      if (!importer || !building.test(importer)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && HOST_PATTERNS.test(resolved.id) ? EMPTY_HOST_PATTERNS : null;
    },
    load(id) {
      return id === EMPTY_HOST_PATTERNS
        ? 'export const supportedSites = []; export const contentScriptMatches = [];'
        : null;
    },
  };
}

/**
 * Build plugins for the panel's scripts on the tools' pages (entrypoints/panel.content, reader.content,
 * panel-ui.content): the page pays to parse and initialise every byte of script the panel loads (measured with
 * scripts/page/profile.ts and `npm run bench:page`), so each plugin keeps something out of those scripts. Each acts
 * only in the builds of its entries: WXT reads the entries' options for the manifest through the same plugins.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Which of `entries` this build is for (WXT builds each content script on its own), if any. */
function entryBeingBuilt(options: { input?: unknown }, entries: readonly string[]): string | undefined {
  const input = JSON.stringify(options.input ?? '');
  return entries.find((entry) => input.includes(entry));
}

const ALIASES: Readonly<Record<string, string>> = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
};

/**
 * The panel's UI on the page (entrypoints/panel-ui.content) uses Preact's React-compatible API instead of React DOM;
 * everything else (dashboard, popup, tests) keeps React. React DOM was about half of the panel bundle (~190 KB of
 * ~390 KB minified); Preact's compat layer is ~12 KB. The components are written against React's API and tested
 * with React.
 */
export function preactForPageBundle(entries: readonly string[] = ['panel-ui.content']): Plugin {
  let active = false;
  return {
    name: 'privacydesk:preact-page-bundle',
    enforce: 'pre',
    options(options) {
      active = entryBeingBuilt(options, entries) !== undefined;
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
 * The content scripts name their match patterns with `contentScriptMatches`, derived from the site
 * adapters. WXT reads them at build time for the manifest; at run time the scripts never look at them, yet the
 * entry's import made the page initialise every adapter before the script's first line: in the document_start
 * script ~28 KB to evaluate before the page parses, in the panel bundle part of the one task Chromium spends
 * evaluating it (`npm run bench:page`). In these bundles the entry's own import is replaced by an empty module; the
 * panel bundle still reads the patterns through lib/sites/site-for-url, whose import is untouched. WXT's own read of
 * the options does not go through this build, so the manifest keeps the real patterns (tests/e2e/panel.e2e.ts
 * needs them).
 */
export function entryMatchesWithoutAdapters(
  entries: readonly string[] = ['panel.content', 'reader.content', 'panel-ui.content'],
): Plugin {
  const entryDir = (entry: string) => new RegExp(`[\\\\/]entrypoints[\\\\/]${entry.replace('.', '\\.')}[\\\\/]`);
  let building: RegExp | null = null;
  return {
    name: 'privacydesk:entry-matches-without-adapters',
    enforce: 'pre',
    options(options) {
      const entry = entryBeingBuilt(options, entries);
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

const MESSENGER = /[\\/]lib[\\/]messaging[\\/]messenger(?:\.ts)?$/;
const SHARED_MESSENGER = '\0privacydesk:shared-messenger';
const PAGE_HANDOFF = resolve(import.meta.dirname, '../../lib/panel/page-handoff.ts');

/**
 * In the panel's UI script (entrypoints/panel-ui.content) the messenger module is one that sends
 * through the reader's messenger (lib/panel/page-handoff.ts), instead of a second copy of the zod protocol: the two
 * scripts are compiled in tasks of their own, and the schemas are the larger part of what both would carry. The UI
 * only sends; importing anything else from the messenger there fails the build.
 */
export function messengerFromReader(entry = 'panel-ui.content'): Plugin {
  let active = false;
  return {
    name: 'privacydesk:messenger-from-reader',
    enforce: 'pre',
    options(options) {
      active = entryBeingBuilt(options, [entry]) !== undefined;
      return null;
    },
    async resolveId(source, importer, options) {
      if (!active) return null;
      if (source === SHARED_MESSENGER) return SHARED_MESSENGER;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && MESSENGER.test(resolved.id) ? SHARED_MESSENGER : null;
    },
    load(id) {
      if (id !== SHARED_MESSENGER) return null;
      return [
        `import { sharedMessenger } from ${JSON.stringify(PAGE_HANDOFF)};`,
        'export function sendMessage(type, request, tabId) {',
        '  return sharedMessenger().sendMessage(type, request, tabId);',
        '}',
      ].join('\n');
    },
  };
}

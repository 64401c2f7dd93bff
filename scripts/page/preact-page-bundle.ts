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

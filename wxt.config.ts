import { defineConfig } from 'wxt';
import { connectorApiHosts } from './lib/connectors/api-hosts';
import {
  entryMatchesWithoutAdapters,
  messengerFromReader,
  preactForPageBundle,
} from './scripts/page/page-bundle-plugins';

/** The panel's scripts on the tools' pages, in the order Chromium should run them (see the manifest hook below). */
const PAGE_SCRIPT_ORDER = ['content-scripts/panel.js', 'content-scripts/reader.js', 'content-scripts/panel-ui.js'];

// The manifest asks for the least it can: the content script's own matches are the only host
// access granted at install; each tool's API host is requested when the user connects that tool.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', 'downloads'],
    optional_permissions: ['notifications', 'identity'],
    optional_host_permissions: [...connectorApiHosts],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'privacydesk@privacydesk.eu', strict_min_version: '128.0' } } }
      : {}),
  }),
  hooks: {
    // The panel's reader and UI scripts run on the same pages at the same time, so WXT lists them in one manifest
    // entry, and Chromium then evaluates both in one task. As entries of their own they are compiled and run in
    // separate tasks (entrypoints/panel-ui.content; measured with `npm run bench:page`).
    'build:manifestGenerated': (_wxt, manifest) => {
      const split = (manifest.content_scripts ?? []).flatMap((entry) =>
        (entry.js?.length ?? 0) > 1 ? entry.js!.map((js) => ({ ...entry, js: [js] })) : [entry],
      );
      // Chromium injects the entries in this order, a task or more apart: the reader first (it is on the way to the
      // findings), the UI after it.
      const rank = (entry: { js?: string[] }) => {
        const at = PAGE_SCRIPT_ORDER.indexOf(entry.js?.[0] ?? '');
        return at === -1 ? PAGE_SCRIPT_ORDER.length : at;
      };
      manifest.content_scripts = split.sort((a, b) => rank(a) - rank(b));
    },
  },
  // The panel inside the tools' pages is rendered with Preact's React-compatible API (see the plugin's header).
  vite: () => ({
    plugins: [preactForPageBundle(), entryMatchesWithoutAdapters(), messengerFromReader()],
    build: {
      // Module bodies compiled when they are first initialised, not all at once: by default Rolldown wraps every lazily
      // initialised module's body in parentheses, which makes V8 compile it eagerly with the script. The panel bundle
      // initialises its modules in steps (entrypoints/reader.content), so on the page that eager compile was one
      // 50–100 ms task before its first line ran (`npm run bench:page`, untraced long tasks).
      rolldownOptions: { optimization: { pifeForModuleWrappers: false } },
      // PD_NO_MINIFY=1 keeps names readable for scripts/page/profile.ts.
      ...(process.env.PD_NO_MINIFY ? { minify: false } : {}),
    },
  }),
});

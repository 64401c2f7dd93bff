import { defineConfig } from 'wxt';
import { connectorApiHosts } from './lib/connectors/api-hosts';
import { entryMatchesWithoutAdapters, preactForPageBundle } from './scripts/page/preact-page-bundle';

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
  // The panel inside the tools' pages is rendered with Preact's React-compatible API (see the plugin's header).
  vite: () => ({
    plugins: [preactForPageBundle(), entryMatchesWithoutAdapters()],
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

import { defineConfig } from 'wxt';
import { connectorApiHosts } from './lib/connectors/api-hosts';
import { bootstrapWithoutAdapters, preactForPageBundle } from './scripts/page/preact-page-bundle';

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
    plugins: [preactForPageBundle(), bootstrapWithoutAdapters()],
    // PD_NO_MINIFY=1 keeps names readable for scripts/page/profile.ts.
    ...(process.env.PD_NO_MINIFY ? { build: { minify: false } } : {}),
  }),
  hooks: {
    // The panel's small content script imports the panel bundle (the reader's script) once the page is parsed
    // (see entrypoints/panel.content): only the tools' own sites may load it.
    'build:manifestGenerated': (wxt, manifest) => {
      const origins = (manifest.content_scripts ?? [])
        .flatMap((script) => script.matches ?? [])
        .map((pattern) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*'));
      if (origins.length === 0) return;
      manifest.web_accessible_resources = [
        ...(manifest.web_accessible_resources ?? []),
        {
          resources: ['content-scripts/reader.js'],
          matches: [...new Set(origins)],
          ...(wxt.config.browser === 'firefox' ? {} : { use_dynamic_url: true }),
        },
      ] as typeof manifest.web_accessible_resources;
    },
  },
});

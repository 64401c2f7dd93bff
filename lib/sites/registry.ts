import type { SiteAdapter, ToolId } from './site-adapter';

/**
 * Every adapter in `./adapters/`, derived with Vite's `import.meta.glob`: adding a site is adding one file
 * (a convention test checks that each one has fixtures, tests and example URLs). Sorted by file name so the
 * order is stable.
 */
const modules = import.meta.glob<{ default: SiteAdapter }>('./adapters/*.ts', { eager: true });

export const adapters: readonly SiteAdapter[] = Object.keys(modules)
  .sort()
  .map((path) => modules[path]!.default);

/** The adapters that run as content scripts on their tool's own pages (the generic reader has no matches). */
export const siteAdapters: readonly SiteAdapter[] = adapters.filter((adapter) => adapter.matches.length > 0);

export function adapterById(id: ToolId): SiteAdapter | undefined {
  return adapters.find((adapter) => adapter.id === id);
}

/** The reader the toolbar button starts on pages no site adapter covers. */
export const genericAdapter: SiteAdapter = adapterById('generic')!;

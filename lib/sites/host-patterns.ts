import { siteAdapters } from './registry';
import type { ToolId } from './site-adapter';

export interface SupportedSite {
  tool: ToolId;
  label: string;
  matches: readonly string[];
}

/**
 * Where the privacy panel runs: the tools' own web apps, derived from the site adapters' `matches`. These
 * match patterns are the only host access the extension gets at install time (see README, "Permissions").
 */
export const supportedSites: readonly SupportedSite[] = siteAdapters.map((adapter) => ({
  tool: adapter.id,
  label: adapter.label,
  matches: adapter.matches,
}));

export const contentScriptMatches: readonly string[] = supportedSites.flatMap((site) => site.matches);

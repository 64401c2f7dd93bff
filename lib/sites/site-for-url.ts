import { MatchPattern } from 'wxt/utils/match-patterns';
import { supportedSites, type SupportedSite } from './host-patterns';
import { adapterById } from './registry';
import type { SiteAdapter } from './site-adapter';

export type { SupportedSite } from './host-patterns';

const compiled = supportedSites.map((site) => ({ site, patterns: site.matches.map((m) => new MatchPattern(m)) }));

/** The supported site a URL belongs to, or undefined. */
export function siteForUrl(url: string): SupportedSite | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return compiled.find(({ patterns }) => patterns.some((p) => p.includes(parsed)))?.site;
}

/** The site adapter for a URL (not the generic reader, which the user starts explicitly), or undefined. */
export function adapterForUrl(url: string): SiteAdapter | undefined {
  const site = siteForUrl(url);
  return site ? adapterById(site.tool) : undefined;
}

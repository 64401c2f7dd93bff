import { MatchPattern } from 'wxt/utils/match-patterns';
import { supportedSites } from './host-patterns';

export type SupportedSite = (typeof supportedSites)[number];

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

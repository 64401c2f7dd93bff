import { browser } from 'wxt/browser';
import { connectorApiHostsByTool, type ConnectorId } from '@/lib/connectors/api-hosts';
import { connectors } from '@/lib/connectors/registry';

/** The API hosts a tool needs (its optional host permissions). */
export function originsFor(tool: string): string[] {
  return [...((connectorApiHostsByTool as Record<string, readonly string[]>)[tool] ?? [])];
}

/** Optional API permissions a tool needs besides its hosts: `identity` for OAuth sign-in (launchWebAuthFlow). */
export function permissionsFor(tool: string): 'identity'[] {
  return connectors[tool]?.auth.kind === 'oauth2' ? ['identity'] : [];
}

/**
 * Asks for a tool's API hosts (and, for OAuth tools, the `identity` permission its sign-in needs) when
 * the user connects it (must run in a user gesture on an extension page). Returns whether access is
 * granted now.
 */
export async function requestHostAccess(tool: ConnectorId | string): Promise<boolean> {
  const wanted = { origins: originsFor(tool), permissions: permissionsFor(tool) };
  if (wanted.origins.length === 0 && wanted.permissions.length === 0) return true;
  if (await browser.permissions.contains(wanted)) return true;
  try {
    return await browser.permissions.request(wanted);
  } catch {
    return false;
  }
}

export async function hasHostAccess(tool: string): Promise<boolean> {
  const wanted = { origins: originsFor(tool), permissions: permissionsFor(tool) };
  return (wanted.origins.length === 0 && wanted.permissions.length === 0) || browser.permissions.contains(wanted);
}

import { browser } from 'wxt/browser';
import { connectorApiHostsByTool, type ConnectorId } from '@/lib/connectors/api-hosts';

/** The API hosts a tool needs (its optional host permissions). */
export function originsFor(tool: string): string[] {
  return [...((connectorApiHostsByTool as Record<string, readonly string[]>)[tool] ?? [])];
}

/**
 * Asks for a tool's API hosts when the user connects it (must run in a user gesture on an extension
 * page). Returns whether access is granted now.
 */
export async function requestHostAccess(tool: ConnectorId | string): Promise<boolean> {
  const origins = originsFor(tool);
  if (origins.length === 0) return true;
  if (await browser.permissions.contains({ origins })) return true;
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}

export async function hasHostAccess(tool: string): Promise<boolean> {
  const origins = originsFor(tool);
  return origins.length === 0 || browser.permissions.contains({ origins });
}

import type { Connection } from '@/lib/connectors/define-connector';
import { getConnection } from './store';

/** The connectors' view of a stored connection (region-specific base URLs are the connector's business). */
export async function connectionFor(tool: string): Promise<Connection | undefined> {
  const stored = await getConnection(tool);
  if (!stored) return undefined;
  return {
    tool: stored.tool,
    account: stored.account,
    ...(stored.baseUrl ? { baseUrl: stored.baseUrl } : {}),
    secret: { ...stored.secret, ...(stored.region ? { region: stored.region } : {}) },
  };
}

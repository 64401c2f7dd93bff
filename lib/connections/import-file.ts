import { connectionsFileSchema } from './schema';
import { saveConnection } from './store';

export class ConnectionsFileError extends Error {
  override name = 'ConnectionsFileError';
}

/**
 * Reads a team's connections file (format "privacydesk-connections", version 1), validated with zod;
 * a malformed file is refused whole and nothing is saved. Returns the tools connected.
 */
export async function importConnections(text: string, now = Date.now()): Promise<string[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConnectionsFileError('not JSON');
  }
  const parsed = connectionsFileSchema.safeParse(json);
  if (!parsed.success) throw new ConnectionsFileError(parsed.error.issues[0]?.message ?? 'not a connections file');
  for (const connection of parsed.data.connections) await saveConnection({ ...connection, connectedAt: now });
  return parsed.data.connections.map((c) => c.tool);
}

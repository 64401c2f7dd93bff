import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { storedConnectionSchema, type StoredConnection } from './schema';

const connectionsItem = storage.defineItem<StoredConnection[]>('local:connections', { fallback: [], version: 1 });

/** Connected accounts, validated on read (a damaged entry is dropped, not trusted). */
export async function listConnections(): Promise<StoredConnection[]> {
  const raw = await connectionsItem.getValue();
  const parsed = z.array(z.unknown()).safeParse(raw);
  if (!parsed.success) return [];
  return parsed.data.flatMap((entry) => {
    const one = storedConnectionSchema.safeParse(entry);
    return one.success ? [one.data] : [];
  });
}

export async function getConnection(tool: string): Promise<StoredConnection | undefined> {
  return (await listConnections()).find((c) => c.tool === tool);
}

/** Adds or replaces the connection for its tool (one account per tool). */
export async function saveConnection(connection: StoredConnection): Promise<void> {
  const valid = storedConnectionSchema.parse(connection);
  const others = (await listConnections()).filter((c) => c.tool !== valid.tool);
  await connectionsItem.setValue([...others, valid]);
}

export async function removeConnection(tool: string): Promise<void> {
  await connectionsItem.setValue((await listConnections()).filter((c) => c.tool !== tool));
}

export function watchConnections(callback: (connections: StoredConnection[]) => void): () => void {
  return connectionsItem.watch(() => void listConnections().then(callback));
}

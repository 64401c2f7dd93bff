import Dexie from 'dexie';
import type { RegisterDb } from './db';

/** How many items the register holds per tool (index counts, no table scan). */
export async function itemCountsByTool(
  db: RegisterDb,
  tools: readonly string[],
): Promise<{ tool: string; items: number }[]> {
  const counts = await Promise.all(
    tools.map(async (tool) => ({
      tool,
      items: await db.items
        .where('[tool+kind+toolId]')
        .between([tool, Dexie.minKey, Dexie.minKey], [tool, Dexie.maxKey, Dexie.maxKey])
        .count(),
    })),
  );
  return counts.filter((c) => c.items > 0);
}

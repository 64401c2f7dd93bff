import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectorApiHostsByTool } from '../../../lib/connectors/api-hosts';
import { connectors } from '../../../lib/connectors/registry';

const root = join(import.meta.dirname, '../../../lib/connectors');
const folders = readdirSync(root).filter((f) => statSync(join(root, f)).isDirectory());

describe('connector conventions', () => {
  it('finds the tool folders', () => {
    expect(folders.length).toBeGreaterThanOrEqual(8);
  });

  it.each(folders)('%s: has a definition, is registered under its folder name, and has tests', async (folder) => {
    expect(existsSync(join(root, folder, 'index.ts'))).toBe(true);
    const mod = (await import(`../../../lib/connectors/${folder}/index.ts`)) as Record<string, unknown>;
    expect(mod[folder]).toBeDefined();
    expect(connectors[folder]).toBe(mod[folder]);
    expect(connectors[folder]!.id).toBe(folder);
    expect(existsSync(join(import.meta.dirname, `${folder}.test.ts`))).toBe(true);
  });

  it('registers nothing that has no folder', () => {
    expect(Object.keys(connectors).sort()).toEqual([...folders].sort());
  });

  it.each(Object.values(connectors).map((c) => [c.id, c] as const))(
    '%s: its API hosts are the optional host permissions in api-hosts.ts',
    (id, c) => {
      expect([...c.apiHosts]).toEqual([...((connectorApiHostsByTool as Record<string, readonly string[]>)[id] ?? [])]);
      expect(c.limits.requestsPerMinute).toBeGreaterThan(0);
    },
  );
});

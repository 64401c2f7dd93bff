import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { importConnections } from '@/lib/connections/import-file';
import { connectionFor } from '@/lib/connections/runtime';
import { listConnections, removeConnection, saveConnection } from '@/lib/connections/store';
import { originsFor } from '@/lib/connections/host-access';

const file = (connections: unknown[]) => JSON.stringify({ format: 'privacydesk-connections', version: 1, connections });

describe('connections', () => {
  it('imports a team file and hands the connectors their connection', async () => {
    const tools = await importConnections(
      file([
        { tool: 'zendesk', account: 'acme', region: 'eu', secret: { email: 'a@acme.nl', token: 'tok' } },
        { tool: 'gmail', account: 'me', secret: { accessToken: 'ya29' } },
      ]),
      1000,
    );
    expect(tools).toEqual(['zendesk', 'gmail']);
    expect(await connectionFor('zendesk')).toEqual({
      tool: 'zendesk',
      account: 'acme',
      secret: { email: 'a@acme.nl', token: 'tok', region: 'eu' },
    });
    expect(await connectionFor('front')).toBeUndefined();
  });

  it('refuses a malformed file whole and saves nothing', async () => {
    await expect(importConnections('{')).rejects.toThrow('not JSON');
    await expect(
      importConnections(file([{ tool: 'zendesk', account: 'acme', secret: {} }, { tool: 'gmail' }])),
    ).rejects.toThrow();
    expect(await listConnections()).toEqual([]);
  });

  it('keeps one connection per tool and drops damaged stored entries', async () => {
    await saveConnection({ tool: 'front', account: 'a', secret: { token: '1' }, connectedAt: 1 });
    await saveConnection({ tool: 'front', account: 'b', secret: { token: '2' }, connectedAt: 2 });
    expect((await listConnections()).map((c) => c.account)).toEqual(['b']);
    await fakeBrowser.storage.local.set({ connections: [{ tool: 'x' }, ...(await listConnections())] });
    expect((await listConnections()).map((c) => c.tool)).toEqual(['front']);
    await removeConnection('front');
    expect(await listConnections()).toEqual([]);
  });

  it('asks only for the API hosts the manifest declares for that tool', () => {
    expect(originsFor('intercom')).toEqual([
      'https://api.intercom.io/*',
      'https://api.eu.intercom.io/*',
      'https://api.au.intercom.io/*',
    ]);
    expect(originsFor('meta')).toEqual([]);
  });
});

/**
 * OAuth tokens in the extension: kept in browser.storage.session (memory only, gone when the browser
 * closes; never in IndexedDB, an export or a log), renewed through the refresh token or
 * browser.identity.launchWebAuthFlow with the client id the team configured for the tool.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { Connection } from '../connectors/define-connector';
import { ConnectorError } from '../connectors/errors';
import { oauthSession, type IdentityApi, type TokenProvider, type TokenStore } from '../connectors/oauth';
import { connectors } from '../connectors/registry';

const tokenSchema = z.object({
  accessToken: z.string(),
  expiresAt: z.number().optional(),
  refreshToken: z.string().optional(),
});

const keyOf = (tool: string) => `oauth-token:${tool}`;

export const sessionTokenStore: TokenStore = {
  async get(tool) {
    const key = keyOf(tool);
    const parsed = tokenSchema.safeParse((await browser.storage.session.get(key))[key]);
    return parsed.success ? parsed.data : undefined;
  },
  async set(tool, token) {
    if (token) await browser.storage.session.set({ [keyOf(tool)]: token });
    else await browser.storage.session.remove(keyOf(tool));
  },
};

/**
 * The session store, seeded with the token the connection was saved with (a connections file, or a
 * token pasted in Connections): it is used until it expires or the tool answers 401. A token given up
 * after a 401 is remembered as spent, so the saved one is not tried again in this session.
 */
function seededFrom(connection: Connection): TokenStore {
  const saved = connection.secret.accessToken;
  return {
    async get(tool) {
      const stored = await sessionTokenStore.get(tool);
      if (stored) return stored;
      return saved ? { accessToken: saved, refreshToken: connection.secret.refreshToken } : undefined;
    },
    async set(tool, token) {
      await sessionTokenStore.set(tool, token ?? { accessToken: '', expiresAt: 0 });
    },
  };
}

function identityApi(label: string): IdentityApi {
  const identity = (browser as unknown as { identity?: IdentityApi }).identity;
  return {
    getRedirectURL: (path) => {
      if (!identity)
        throw new ConnectorError({
          status: 401,
          retryable: false,
          userMessage: `${label}: sign in again (Connections).`,
        });
      return identity.getRedirectURL(path);
    },
    launchWebAuthFlow: async (details) => {
      if (!identity) return undefined;
      return identity.launchWebAuthFlow(details);
    },
  };
}

/** The token provider for an OAuth tool's connection (its client id is configuration), or undefined. */
export function browserTokens(tool: string, connection: Connection): TokenProvider | undefined {
  const connector = connectors[tool];
  const clientId = connection.secret.clientId;
  if (connector?.auth.kind !== 'oauth2' || !clientId) return undefined;
  return oauthSession({
    tool,
    label: connector.label,
    auth: connector.auth,
    clientId,
    identity: identityApi(connector.label),
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    store: seededFrom(connection),
    interactive: true,
  });
}

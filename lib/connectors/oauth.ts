/**
 * OAuth 2 sign-in for Gmail, Microsoft Graph and Help Scout through
 * `browser.identity.launchWebAuthFlow`. The client id is configuration (each team registers its own
 * app). Implicit flow returns the token in the redirect fragment; the code flow uses PKCE and
 * exchanges the code at the tool's token endpoint. Tokens are returned to the caller, never logged.
 */
import { z } from 'zod';
import type { AuthSpec } from './define-connector';
import { ConnectorError } from './errors';
import type { FetchLike } from './http';

export interface IdentityApi {
  launchWebAuthFlow(details: { url: string; interactive?: boolean }): Promise<string | undefined>;
  getRedirectURL(path?: string): string;
}

export interface OAuthToken {
  accessToken: string;
  expiresAt?: number;
  refreshToken?: string;
}

const tokenResponse = z.object({
  access_token: z.string(),
  expires_in: z.number().optional(),
  refresh_token: z.string().optional(),
});

function randomString(bytes = 32): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...data))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

async function challengeOf(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export async function signInWithOAuth(
  label: string,
  auth: Extract<AuthSpec, { kind: 'oauth2' }>,
  options: { clientId: string; identity: IdentityApi; fetch: FetchLike; now: () => number },
): Promise<OAuthToken> {
  const refused = () =>
    new ConnectorError({ status: 401, retryable: false, userMessage: `${label}: sign-in was cancelled or refused.` });
  const redirectUri = options.identity.getRedirectURL();
  const state = randomString(16);
  const url = new URL(auth.authorizeUrl);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  if (auth.scopes.length) url.searchParams.set('scope', auth.scopes.join(' '));
  const verifier = randomString();
  if (auth.flow === 'implicit') url.searchParams.set('response_type', 'token');
  else {
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('code_challenge', await challengeOf(verifier));
    url.searchParams.set('code_challenge_method', 'S256');
  }
  const redirected = await options.identity
    .launchWebAuthFlow({ url: url.toString(), interactive: true })
    .catch(() => undefined);
  // (oauthSession wraps `identity` to try without a window first.)
  if (!redirected) throw refused();
  const back = new URL(redirected);
  const params = new URLSearchParams(auth.flow === 'implicit' ? back.hash.slice(1) : back.search);
  if (params.get('state') !== state) throw refused();
  if (auth.flow === 'implicit') {
    const accessToken = params.get('access_token');
    if (!accessToken) throw refused();
    const expiresIn = Number(params.get('expires_in') ?? NaN);
    return { accessToken, expiresAt: Number.isFinite(expiresIn) ? options.now() + expiresIn * 1000 : undefined };
  }
  const code = params.get('code');
  if (!code || !auth.tokenUrl) throw refused();
  const response = await options.fetch(auth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: options.clientId,
      code_verifier: verifier,
    }).toString(),
  });
  if (!response.ok) throw refused();
  const parsed = tokenResponse.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw refused();
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token,
    expiresAt: parsed.data.expires_in ? options.now() + parsed.data.expires_in * 1000 : undefined,
  };
}

/** Where a tool's tokens live between calls (the extension: browser.storage.session, never IndexedDB or logs). */
export interface TokenStore {
  get(tool: string): Promise<OAuthToken | undefined>;
  set(tool: string, token: OAuthToken | undefined): Promise<void>;
}

/** What the HTTP layer needs from a signed-in tool: a valid access token, and to drop one the tool refused. */
export interface TokenProvider {
  accessToken(): Promise<string>;
  invalidate(): Promise<void>;
}

/** A token is renewed this long before it expires, so a request never leaves with one about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

/** The refresh-token grant (code flow with PKCE; public client, so no client secret). */
export async function refreshOAuthToken(
  label: string,
  auth: Extract<AuthSpec, { kind: 'oauth2' }>,
  options: { clientId: string; refreshToken: string; fetch: FetchLike; now: () => number },
): Promise<OAuthToken> {
  if (!auth.tokenUrl)
    throw new ConnectorError({ status: 401, retryable: false, userMessage: `${label}: sign in again.` });
  const response = await options.fetch(auth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: options.refreshToken,
      client_id: options.clientId,
    }).toString(),
  });
  const parsed = tokenResponse.safeParse(response.ok ? await response.json().catch(() => undefined) : undefined);
  if (!parsed.success)
    throw new ConnectorError({
      status: 401,
      retryable: false,
      userMessage: `${label}: sign-in expired. Reconnect ${label}.`,
    });
  return {
    accessToken: parsed.data.access_token,
    // Some servers rotate the refresh token; others keep the old one valid.
    refreshToken: parsed.data.refresh_token ?? options.refreshToken,
    expiresAt: parsed.data.expires_in ? options.now() + parsed.data.expires_in * 1000 : undefined,
  };
}

/**
 * One tool's OAuth session: the stored token while it is valid; else the refresh token; else signing in again
 * through launchWebAuthFlow, first without a window (the provider's session is usually still there), then with
 * one when `interactive` allows. Concurrent callers share one renewal. Tokens go to the store only.
 */
export function oauthSession(options: {
  tool: string;
  label: string;
  auth: Extract<AuthSpec, { kind: 'oauth2' }>;
  clientId: string;
  identity: IdentityApi;
  fetch: FetchLike;
  now: () => number;
  store: TokenStore;
  interactive?: boolean;
}): TokenProvider {
  let renewing: Promise<OAuthToken> | undefined;
  const valid = (t: OAuthToken | undefined): boolean =>
    !!t?.accessToken && (t.expiresAt === undefined || t.expiresAt - EXPIRY_MARGIN_MS > options.now());

  async function renew(): Promise<OAuthToken> {
    const stored = await options.store.get(options.tool);
    if (stored && valid(stored)) return stored;
    let token: OAuthToken | undefined;
    if (stored?.refreshToken)
      token = await refreshOAuthToken(options.label, options.auth, {
        clientId: options.clientId,
        refreshToken: stored.refreshToken,
        fetch: options.fetch,
        now: options.now,
      }).catch(() => undefined);
    const signIn = (interactive: boolean) =>
      signInWithOAuth(options.label, options.auth, {
        clientId: options.clientId,
        fetch: options.fetch,
        now: options.now,
        identity: {
          getRedirectURL: (path) => options.identity.getRedirectURL(path),
          launchWebAuthFlow: (details) => options.identity.launchWebAuthFlow({ ...details, interactive }),
        },
      });
    token ??= await signIn(false).catch((error: unknown) => {
      if (options.interactive) return signIn(true);
      throw error;
    });
    await options.store.set(options.tool, token);
    return token;
  }

  return {
    async accessToken() {
      const stored = await options.store.get(options.tool);
      if (stored && valid(stored)) return stored.accessToken;
      renewing ??= renew().finally(() => (renewing = undefined));
      return (await renewing).accessToken;
    },
    async invalidate() {
      const stored = await options.store.get(options.tool);
      // Keep the refresh token: it is what gets a new access token without bothering the agent.
      await options.store.set(
        options.tool,
        stored?.refreshToken ? { accessToken: '', expiresAt: 0, refreshToken: stored.refreshToken } : undefined,
      );
    },
  };
}

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

import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { VirtualClock } from '../../../lib/connectors/clock';
import { gmail } from '../../../lib/connectors/gmail';
import type { FetchLike } from '../../../lib/connectors/http';
import { helpscout } from '../../../lib/connectors/helpscout';
import type { IdentityApi } from '../../../lib/connectors/oauth';
import { browserTokens, sessionTokenStore } from '../../../lib/erasure-bridge/oauth-tokens';
import { ToolContexts } from '../../../lib/jobs/tool-contexts';

const REDIRECT = 'https://extid.chromiumapp.org/';

/** browser.identity as Chromium offers it: the fake browser has none, so each test installs one. */
function installIdentity(answer: (url: URL, interactive: boolean) => string | undefined) {
  const asked: { url: URL; interactive: boolean }[] = [];
  const identity: IdentityApi = {
    getRedirectURL: () => REDIRECT,
    launchWebAuthFlow: async ({ url, interactive }) => {
      asked.push({ url: new URL(url), interactive: !!interactive });
      return answer(new URL(url), !!interactive);
    },
  };
  Object.assign(fakeBrowser, { identity });
  return asked;
}

/** A tool API that accepts only the current token, and the token endpoint of Help Scout. */
function toolServer() {
  const state = { valid: 'fresh-1', issued: 0, seen: [] as string[], grants: [] as URLSearchParams[] };
  const fetch = vi.fn(async (input: string, init?: RequestInit) => {
    if (input.endsWith('/oauth2/token')) {
      const form = new URLSearchParams(String(init?.body));
      state.grants.push(form);
      if (form.get('refresh_token') !== 'refresh-A') return new Response('{}', { status: 400 });
      state.issued += 1;
      state.valid = `fresh-${state.issued + 1}`;
      return new Response(JSON.stringify({ access_token: state.valid, expires_in: 7200 }), { status: 200 });
    }
    const auth = new Headers(init?.headers).get('authorization') ?? '';
    state.seen.push(auth);
    if (auth !== `Bearer ${state.valid}`) return new Response('{}', { status: 401 });
    return new Response(JSON.stringify({ _embedded: { customers: [] } }), { status: 200 });
  });
  return { state, fetch };
}

function contextsFor(
  tool: string,
  fetch: FetchLike,
  clock = new VirtualClock(),
  secret: Record<string, string> = { clientId: 'team-client-7' },
) {
  return new ToolContexts({
    connectors: { gmail, helpscout },
    connection: (t) => ({ tool: t, account: 'acme', secret }),
    fetch: (input, init) => fetch(input, init),
    clock,
    tokens: browserTokens,
  });
}

describe('OAuth tokens for Gmail, Graph and Help Scout in the extension', () => {
  it('an expired token is renewed with the refresh token before the request; the new one is kept in session storage', async () => {
    const { state, fetch } = toolServer();
    vi.stubGlobal('fetch', fetch);
    const asked = installIdentity(() => undefined);
    const clock = new VirtualClock();
    await sessionTokenStore.set('helpscout', {
      accessToken: 'old',
      expiresAt: Date.now() - 1000,
      refreshToken: 'refresh-A',
    });
    const ctx = await contextsFor('helpscout', fetch, clock).context('helpscout');
    await ctx.http.request('GET', '/v2/customers');
    expect(state.grants[0]!.get('grant_type')).toBe('refresh_token');
    expect(state.grants[0]!.get('client_id')).toBe('team-client-7');
    expect(state.seen).toEqual(['Bearer fresh-2']);
    expect(asked).toEqual([]);
    expect(await sessionTokenStore.get('helpscout')).toMatchObject({
      accessToken: 'fresh-2',
      refreshToken: 'refresh-A',
    });
    vi.unstubAllGlobals();
  });

  it('a 401 drops the token, renews it once and sends the request again', async () => {
    const { state, fetch } = toolServer();
    vi.stubGlobal('fetch', fetch);
    installIdentity(() => undefined);
    // Valid by its clock, but the tool revoked it.
    await sessionTokenStore.set('helpscout', {
      accessToken: 'revoked',
      expiresAt: Date.now() + 3_600_000,
      refreshToken: 'refresh-A',
    });
    const ctx = await contextsFor('helpscout', fetch).context('helpscout');
    const res = await ctx.http.request('GET', '/v2/customers');
    expect(res.status).toBe(200);
    expect(state.seen).toEqual(['Bearer revoked', 'Bearer fresh-2']);
    vi.unstubAllGlobals();
  });

  it('Gmail (no refresh token): signs in again without a window first, then with one; the client id is the team’s', async () => {
    const asked = installIdentity((url, interactive) =>
      interactive ? `${REDIRECT}#access_token=g-tok&expires_in=3600&state=${url.searchParams.get('state')}` : undefined,
    );
    const seen: string[] = [];
    const fetch = vi.fn(async (_input: string, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get('authorization') ?? '');
      return new Response(JSON.stringify({ labels: [] }), { status: 200 });
    });
    const ctx = await contextsFor('gmail', fetch).context('gmail');
    await ctx.http.request('GET', '/gmail/v1/users/me/labels');
    expect(asked.map((a) => a.interactive)).toEqual([false, true]);
    expect(asked[0]!.url.searchParams.get('client_id')).toBe('team-client-7');
    expect(seen).toEqual(['Bearer g-tok']);
  });

  it('a refused sign-in is a 401 that says to reconnect, and no token or secret reaches a log', async () => {
    installIdentity(() => undefined);
    const logs: string[] = [];
    for (const level of ['log', 'warn', 'error', 'info', 'debug'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')));
    await sessionTokenStore.set('helpscout', {
      accessToken: 'sekret-access',
      expiresAt: 0,
      refreshToken: 'sekret-refresh',
    });
    const fetch = vi.fn(async () => new Response('{}', { status: 400 }));
    vi.stubGlobal('fetch', fetch);
    const ctx = await contextsFor('helpscout', fetch).context('helpscout');
    const error = await ctx.http.request('GET', '/v2/customers').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect(String((error as Error).message)).not.toMatch(/sekret/);
    expect(logs.join('\n')).not.toMatch(/sekret|team-client-7/);
    expect(fetch).toHaveBeenCalledTimes(1); // the refresh grant, refused; the tool was never asked without a token
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('uses the token the connection was saved with until the tool refuses it; then signs in, never retrying the spent one', async () => {
    const { state, fetch } = toolServer();
    state.valid = 'saved-tok';
    const asked = installIdentity(
      (url) => `${REDIRECT}#access_token=fresh-1&expires_in=3600&state=${url.searchParams.get('state')}`,
    );
    const ctx = await contextsFor('gmail', fetch, new VirtualClock(), {
      clientId: 'team-client-7',
      accessToken: 'saved-tok',
    }).context('gmail');
    await ctx.http.request('GET', '/gmail/v1/users/me/labels');
    expect(asked).toEqual([]);
    state.valid = 'fresh-1'; // the tool revoked the saved token
    const res = await ctx.http.request('GET', '/gmail/v1/users/me/labels');
    expect(res.status).toBe(200);
    expect(state.seen).toEqual(['Bearer saved-tok', 'Bearer saved-tok', 'Bearer fresh-1']);
    expect(asked.length).toBeGreaterThan(0);
    expect(await sessionTokenStore.get('gmail')).toMatchObject({ accessToken: 'fresh-1' });
  });
});

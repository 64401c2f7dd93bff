import { describe, expect, it } from 'vitest';
import { gmail } from '../../../lib/connectors/gmail';
import { helpscout } from '../../../lib/connectors/helpscout';
import { signInWithOAuth, type IdentityApi } from '../../../lib/connectors/oauth';

function fakeIdentity(answer: (url: URL) => string | undefined): IdentityApi & { asked: URL[] } {
  const asked: URL[] = [];
  return {
    asked,
    getRedirectURL: () => 'https://extid.chromiumapp.org/',
    launchWebAuthFlow: async ({ url }) => {
      asked.push(new URL(url));
      return answer(new URL(url));
    },
  };
}

describe('OAuth 2 through launchWebAuthFlow', () => {
  it('Gmail: implicit flow with the configured client id returns the token from the fragment', async () => {
    const identity = fakeIdentity(
      (u) => `https://extid.chromiumapp.org/#access_token=tok-1&expires_in=3600&state=${u.searchParams.get('state')}`,
    );
    if (gmail.auth.kind !== 'oauth2') throw new Error('gmail uses oauth2');
    const token = await signInWithOAuth('Gmail', gmail.auth, {
      clientId: 'client-123',
      identity,
      fetch,
      now: () => 1000,
    });
    expect(token).toEqual({ accessToken: 'tok-1', expiresAt: 1000 + 3_600_000 });
    expect(identity.asked[0]!.searchParams.get('client_id')).toBe('client-123');
    expect(identity.asked[0]!.searchParams.get('scope')).toBe('https://mail.google.com/');
  });

  it('refuses a redirect whose state does not match', async () => {
    const identity = fakeIdentity(() => 'https://extid.chromiumapp.org/#access_token=tok-1&state=forged');
    if (gmail.auth.kind !== 'oauth2') throw new Error('gmail uses oauth2');
    await expect(
      signInWithOAuth('Gmail', gmail.auth, { clientId: 'c', identity, fetch, now: () => 0 }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('Help Scout: code flow with PKCE exchanges the code at the token endpoint', async () => {
    const identity = fakeIdentity(
      (u) => `https://extid.chromiumapp.org/?code=abc&state=${u.searchParams.get('state')}`,
    );
    const bodies: string[] = [];
    const fakeFetch = async (_url: string, init?: RequestInit) => {
      bodies.push(String(init?.body));
      return new Response(JSON.stringify({ access_token: 'hs-token', expires_in: 7200, refresh_token: 'r' }), {
        status: 200,
      });
    };
    if (helpscout.auth.kind !== 'oauth2') throw new Error('helpscout uses oauth2');
    const token = await signInWithOAuth('Help Scout', helpscout.auth, {
      clientId: 'hs-client',
      identity,
      fetch: fakeFetch,
      now: () => 0,
    });
    expect(token.accessToken).toBe('hs-token');
    expect(identity.asked[0]!.searchParams.get('code_challenge_method')).toBe('S256');
    const sent = new URLSearchParams(bodies[0]);
    expect(sent.get('code')).toBe('abc');
    expect(sent.get('code_verifier')!.length).toBeGreaterThan(40);
  });
});

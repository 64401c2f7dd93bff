// @vitest-environment node
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { createDesk, generateSeed, startDesk, TOOL_IDS, type ToolId } from '../../../demo/desk';
import { AUTH, testDesk } from './desk-helpers';

const PROBE: Record<ToolId, string> = {
  zendesk: 'https://acme.zendesk.com/api/v2/users/search.json?query=x',
  gmail: 'https://gmail.googleapis.com/gmail/v1/users/me/labels',
  helpscout: 'https://api.helpscout.net/v2/customers',
  freshdesk: 'https://acme.freshdesk.com/api/v2/contacts',
  front: 'https://api2.frontapp.com/tags',
  intercom: 'https://api.intercom.io/tags',
};

describe('demo desk pipeline', () => {
  it('answers 401 without credentials and 200 with them, for every tool', async () => {
    const { desk } = testDesk();
    for (const tool of TOOL_IDS) {
      expect([tool, (await desk.deskFetch(PROBE[tool])).status]).toEqual([tool, 401]);
      expect([tool, (await desk.deskFetch(PROBE[tool], { headers: { authorization: AUTH[tool] } })).status]).toEqual([
        tool,
        200,
      ]);
    }
    expect(desk.violations).toEqual([]);
  });

  it('sends the tools’ rate-limit headers and 429 + Retry-After when the minute budget is spent', async () => {
    const { call, advance } = testDesk({ limits: { zendesk: 3, freshdesk: 2, helpscout: 2, front: 2 } });
    const z = [];
    for (let i = 0; i < 4; i++) z.push(await call('zendesk', 'GET', PROBE.zendesk));
    expect(z.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(z[0]!.headers.get('x-rate-limit')).toBe('3');
    expect(z[1]!.headers.get('x-rate-limit-remaining')).toBe('1');
    expect(Number(z[3]!.headers.get('retry-after'))).toBe(60);
    advance(30_000);
    expect(Number((await call('zendesk', 'GET', PROBE.zendesk)).headers.get('retry-after'))).toBe(30);
    advance(30_000);
    expect((await call('zendesk', 'GET', PROBE.zendesk)).status).toBe(200);

    await call('freshdesk', 'GET', PROBE.freshdesk);
    const fd = await call('freshdesk', 'GET', PROBE.freshdesk);
    expect([fd.headers.get('x-ratelimit-total'), fd.headers.get('x-ratelimit-remaining')]).toEqual(['2', '0']);
    expect((await call('freshdesk', 'GET', PROBE.freshdesk)).status).toBe(429);

    // Help Scout: a write counts double.
    const hs = await call('helpscout', 'PUT', 'https://api.helpscout.net/v2/conversations/1/tags', { tags: [] });
    expect(hs.status).toBe(404);
    const hs429 = await call('helpscout', 'GET', PROBE.helpscout);
    expect([hs429.status, hs429.headers.get('x-ratelimit-retry-after')]).toEqual([429, '60']);
  });

  it('injects faults reproducibly from a seed: 429, 500, timeouts and malformed JSON', async () => {
    const run = async () => {
      const { desk } = testDesk({ faults: { rate: 0.2, seed: 7, timeoutMs: 5 } });
      const outcomes: string[] = [];
      for (let i = 0; i < 100; i++) {
        try {
          const res = await desk.deskFetch(PROBE.front, { headers: { authorization: AUTH.front } });
          const text = await res.text();
          let parsed = true;
          try {
            JSON.parse(text);
          } catch {
            parsed = false;
          }
          outcomes.push(parsed ? String(res.status) : 'malformed');
        } catch {
          outcomes.push('timeout');
        }
      }
      return { outcomes, faults: desk.requests.filter((r) => r.fault).length };
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a.faults).toBeGreaterThan(10);
    expect(a.faults).toBeLessThan(32);
    for (const kind of ['429', '500', 'timeout', 'malformed']) expect(a.outcomes).toContain(kind);
  });

  it('aborts a hanging request through its AbortSignal', async () => {
    const { desk } = testDesk({ faults: { rate: 1, kinds: ['timeout'], timeoutMs: 60_000 } });
    const pending = desk.deskFetch(PROBE.front, {
      headers: { authorization: AUTH.front },
      signal: AbortSignal.timeout(20),
    });
    await expect(pending).rejects.toThrow();
  });

  it('refuses hosts that are not on the desk, like a network error', async () => {
    const { desk } = testDesk();
    await expect(desk.deskFetch('https://example.org/')).rejects.toThrow(TypeError);
  });

  it('seeds deterministically: Dutch and English customers, old closed and held conversations', () => {
    const a = generateSeed({ seed: 3, now: 0 + Date.UTC(2026, 0, 1) });
    const b = generateSeed({ seed: 3, now: 0 + Date.UTC(2026, 0, 1) });
    expect(a).toEqual(b);
    expect(a.customers).toHaveLength(50);
    expect(new Set(a.customers.map((c) => c.lang))).toEqual(new Set(['nl', 'en']));
    const twoYears = a.now - 730 * 86400_000;
    expect(a.conversations.filter((c) => c.status === 'closed' && c.updatedAt < twoYears).length).toBeGreaterThan(5);
    expect(a.conversations.filter((c) => c.held).length).toBeGreaterThan(3);
    expect(new Set(a.conversations.map((c) => c.tool)).size).toBe(6);
    expect(a.conversations.some((c) => /NL\d{2}[A-Z]{4}\d{10}/.test(c.messages.map((m) => m.body).join(' ')))).toBe(
      true,
    );
  });

  it('reset() restores the seed and clears violations and the request log', async () => {
    const desk = createDesk({ seed: 5, now: () => Date.UTC(2026, 10, 28, 12) });
    const before = JSON.stringify(desk.state().zendesk);
    const id = [...desk.tools.zendesk.tickets.keys()][0];
    await desk.deskFetch(`https://acme.zendesk.com/api/v2/tickets/destroy_many.json?ids=${id}`, {
      method: 'DELETE',
      headers: { authorization: AUTH.zendesk },
    });
    await desk.deskFetch('https://acme.zendesk.com/api/v2/users/abc', { headers: { authorization: AUTH.zendesk } });
    expect(JSON.stringify(desk.state().zendesk)).not.toBe(before);
    expect(desk.violations).toHaveLength(1);
    desk.reset();
    expect(JSON.stringify(desk.state().zendesk)).toBe(before);
    expect([desk.violations.length, desk.requests.length]).toEqual([0, 0]);
  });

  it('serves GET /__demo/state over HTTPS on any desk host', async () => {
    const desk = await startDesk({ port: 0 });
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: desk.server!.port,
            path: '/__demo/state',
            servername: 'api2.frontapp.com',
            headers: { host: 'api2.frontapp.com' },
            rejectUnauthorized: false,
          },
          (res) => {
            let data = '';
            res.on('data', (c) => (data += c));
            res.on('end', () => resolve(data));
          },
        );
        req.on('error', reject);
        req.end();
      });
      const state = JSON.parse(body);
      for (const tool of TOOL_IDS) expect(state).toHaveProperty(tool);
      expect(state.violations).toEqual([]);
      expect(state.zendesk.tickets.length).toBeGreaterThan(0);
    } finally {
      await desk.close();
    }
  });
});

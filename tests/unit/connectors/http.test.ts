import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VirtualClock } from '../../../lib/connectors/clock';
import { ConnectorError } from '../../../lib/connectors/errors';
import { createHttp, type FetchLike } from '../../../lib/connectors/http';
import { RateLimiter } from '../../../lib/connectors/limiter';
import { zendesk } from '../../../lib/connectors/zendesk';
import { ToolContexts } from '../../../lib/jobs/tool-contexts';

const schema = z.object({ ok: z.boolean() });

function setup(responses: (() => Response | Promise<Response>)[], maxAttempts = 5) {
  const clock = new VirtualClock();
  const calls: number[] = [];
  const fetch: FetchLike = async () => {
    calls.push(clock.now());
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    return next();
  };
  const limiter = new RateLimiter({ perWindow: 100, windowMs: 60_000 }, clock);
  const http = createHttp({
    label: 'Tool',
    baseUrl: 'https://tool.example',
    fetch,
    clock,
    limiter,
    headers: () => ({}),
    maxAttempts,
  });
  return { http, clock, calls };
}

const ok = () => new Response('{"ok":true}', { status: 200 });

describe('http client', () => {
  it('honours a 429 Retry-After before trying again', async () => {
    const { http, calls } = setup([() => new Response('', { status: 429, headers: { 'retry-after': '7' } }), ok]);
    const res = await http.request('GET', '/x', { schema });
    expect(res.data).toEqual({ ok: true });
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(7000);
  });

  it('retries 5xx, timeouts and unreadable JSON with growing backoff, then succeeds', async () => {
    const { http, calls } = setup([
      () => new Response('x', { status: 503 }),
      () => Promise.reject(new DOMException('timed out', 'TimeoutError')),
      () => new Response('{"ok":', { status: 200 }),
      ok,
    ]);
    expect((await http.request('GET', '/x', { schema })).data).toEqual({ ok: true });
    const gaps = calls.slice(1).map((t, i) => t - calls[i]!);
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!);
  });

  it('gives up after the attempts with the one error shape, retryable', async () => {
    const { http } = setup([() => new Response('', { status: 500 }), () => new Response('', { status: 500 })], 2);
    const error = await http.request('GET', '/x', { schema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).toShape()).toEqual({
      status: 500,
      retryable: true,
      userMessage: expect.stringContaining('Tool'),
    });
  });

  it('rejects an answer that does not match the schema', async () => {
    const { http } = setup([() => new Response('{"ok":"yes"}', { status: 200 })], 1);
    await expect(http.request('GET', '/x', { schema })).rejects.toMatchObject({ status: 502, retryable: true });
  });

  it('treats a 404 as an answer when asked (idempotent deletes)', async () => {
    const { http } = setup([() => new Response('', { status: 404 })]);
    expect(await http.request('DELETE', '/x', { allow404: true })).toEqual({ status: 404, data: undefined });
  });

  it('keeps the API token and the customer out of an error thrown on a 401', async () => {
    const clock = new VirtualClock();
    const contexts = new ToolContexts({
      connectors: { zendesk },
      connection: () => ({
        tool: 'zendesk',
        account: 'acme',
        secret: { email: 'agent@acme.example', token: 'SECRET-token-9f8e7d' },
      }),
      fetch: async () => new Response('{"error":"Couldn\'t authenticate you"}', { status: 401 }),
      clock,
    });
    const error = await zendesk
      .find(await contexts.context('zendesk'), [{ kind: 'email', value: 'ana.customer@example.com' }])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, retryable: false });
    const everything = [
      String(error),
      (error as Error).message,
      (error as Error).stack ?? '',
      JSON.stringify(error),
    ].join('\n');
    for (const secret of [
      'SECRET-token-9f8e7d',
      'agent@acme.example',
      'ana.customer@example.com',
      btoa('agent@acme.example/token:SECRET-token-9f8e7d'),
    ])
      expect(everything).not.toContain(secret);
  });
});

describe('rate limiter', () => {
  it('paces requests evenly at no more than 80% of the limit in any window', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ perWindow: 100, windowMs: 60_000 }, clock);
    const start = clock.now();
    const times: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      await limiter.acquire();
      times.push(clock.now() - start);
    }
    expect(limiter.allowedPerWindow).toBe(80);
    for (let i = 0; i < times.length; i += 1)
      expect(times.filter((t) => t > times[i]! - 60_000 && t <= times[i]!).length).toBeLessThanOrEqual(80);
    // Evenly paced, not a burst then a stall: 200 requests at 80 a minute take about 2.5 minutes.
    expect(times[199]!).toBeGreaterThan(145_000);
    expect(times[199]!).toBeLessThan(155_000);
    const gaps = times.slice(3).map((t, i) => t - times[i + 2]!);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(2);
  });

  it('weighs requests by cost (quota units)', async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    const limiter = new RateLimiter({ perWindow: 1000, windowMs: 60_000 }, clock);
    for (let i = 0; i < 17; i += 1) await limiter.acquire(50);
    // 800 units a minute: 17 × 50 units take a minute at the steady pace (a small first burst aside).
    expect(clock.now() - start).toBeGreaterThan(55_000);
    expect(clock.now() - start).toBeLessThan(65_000);
    const cheap = new RateLimiter({ perWindow: 1000, windowMs: 60_000 }, new VirtualClock());
    for (let i = 0; i < 17; i += 1) await cheap.acquire(1);
    expect(cheap.waitedMs).toBeLessThan(2000);
  });

  it('a 429 Retry-After pauses the tool', async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    const limiter = new RateLimiter({ perWindow: 1000, windowMs: 60_000 }, clock);
    limiter.pause(7000);
    await limiter.acquire();
    expect(clock.now() - start).toBe(7000);
  });
});

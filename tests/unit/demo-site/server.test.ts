import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../../demo/desk';
import { startDemoDesk, type RunningDemoDesk } from '../../../demo/site';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request to the desk under a real host name (SNI + Host), as Chromium sends it via --host-resolver-rules. */
function call(port: number, url: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const { hostname, pathname, search } = new URL(url);
  return new Promise<Answer>((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: pathname + search,
        method: init.method ?? 'GET',
        servername: hostname,
        headers: { host: hostname, ...init.headers },
        rejectUnauthorized: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', fail);
    req.end();
  });
}

describe('startDemoDesk: pages and API stand-ins on one HTTPS server', () => {
  let running: RunningDemoDesk;
  beforeAll(async () => {
    running = await startDemoDesk();
  }, 30_000);
  afterAll(async () => running?.close());

  it('serves every page and API host name', () => {
    expect(running.hosts).toEqual(
      expect.arrayContaining(['acme.zendesk.com', 'mail.google.com', 'secure.helpscout.net', 'api.helpscout.net']),
    );
  });

  it('answers the Zendesk page and the Zendesk API on the same host, from the same state', async () => {
    const state = running.desk.state() as { zendesk: { tickets: { id: number; subject: string }[] } };
    const ticket = state.zendesk.tickets[0]!;
    const page = await call(running.port, `https://acme.zendesk.com/agent/tickets/${ticket.id}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(`data-ticket-id="${ticket.id}"`);
    const auth = Buffer.from(`${DEMO_CREDENTIALS.zendesk.email}/token:${DEMO_CREDENTIALS.zendesk.apiToken}`).toString(
      'base64',
    );
    const api = await call(running.port, `https://acme.zendesk.com/api/v2/tickets/${ticket.id}.json`, {
      headers: { authorization: `Basic ${auth}` },
    });
    expect(api.status).toBe(200);
    expect((JSON.parse(api.body) as { ticket: { subject: string } }).ticket.subject).toBe(ticket.subject);
    expect((await call(running.port, 'https://acme.zendesk.com/agent/tickets/1')).status).toBe(404);
  });

  it('answers CORS for the extension: preflight 204 with the asked headers, readable rate-limit headers', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const preflight = await call(running.port, 'https://api.helpscout.net/v2/customers', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    expect(preflight.headers['access-control-allow-headers']).toBe('authorization');
    const get = await call(
      running.port,
      `https://api.helpscout.net/v2/customers?query=${encodeURIComponent('(email:"nobody@example.org")')}`,
      {
        headers: { origin, authorization: `Bearer ${DEMO_CREDENTIALS.helpscout.accessToken}` },
      },
    );
    expect(get.status).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBe(origin);
    expect(get.headers['access-control-expose-headers']).toBe('*');
    expect(running.desk.requests.some((r) => r.method === 'OPTIONS')).toBe(false);
    expect(running.desk.violations).toEqual([]);
  });

  it('GET /__demo/state answers on an API host', async () => {
    const answer = await call(running.port, 'https://gmail.googleapis.com/__demo/state');
    expect(answer.status).toBe(200);
    expect(Object.keys(JSON.parse(answer.body) as object)).toEqual(expect.arrayContaining(['zendesk', 'gmail']));
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bulkCustomer, DEMO_CREDENTIALS } from '../../../demo/desk';
import { testDesk } from './desk-helpers';

const H = 'https://api.helpscout.net/v2';
const F = 'https://acme.freshdesk.com/api/v2';

describe('Help Scout stand-in', () => {
  it('issues a token, finds customers and all their conversations, and tags holds', async () => {
    const { call, desk } = testDesk();
    const token = await desk.deskFetch(`${H}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${DEMO_CREDENTIALS.helpscout.clientId}&client_secret=${DEMO_CREDENTIALS.helpscout.clientSecret}`,
    });
    expect(await token.json()).toMatchObject({
      token_type: 'bearer',
      access_token: DEMO_CREDENTIALS.helpscout.accessToken,
    });
    const email = [...desk.tools.helpscout.customers.values()][0]!.email;
    const customers = await call(
      'helpscout',
      'GET',
      `${H}/customers?query=${encodeURIComponent(`(email:"${email}")`)}`,
    );
    expect(customers.json._embedded.customers[0]._embedded.emails[0].value).toBe(email);
    const q = encodeURIComponent(`(email:"${email}")`);
    const all = await call('helpscout', 'GET', `${H}/conversations?query=${q}&status=all`);
    const active = await call('helpscout', 'GET', `${H}/conversations?query=${q}`);
    const ids = all.json._embedded.conversations.map((c: { id: number }) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(active.json._embedded.conversations.length);
    expect(
      all.json._embedded.conversations.every(
        (c: { primaryCustomer: { email: string }; cc: string[] }) =>
          c.primaryCustomer.email === email || c.cc.includes(email),
      ),
    ).toBe(true);
    expect(
      (await call('helpscout', 'PUT', `${H}/conversations/${ids[0]}/tags`, { tags: ['privacy-keep'] })).status,
    ).toBe(204);
    const threads = await call('helpscout', 'GET', `${H}/conversations/${ids[0]}/threads`);
    expect(threads.json._embedded.threads.length).toBeGreaterThan(0);
    expect(desk.tools.helpscout.conversations.get(ids[0])!.tags).toEqual(['privacy-keep']);
    expect(desk.violations).toEqual([]);
  });

  it('answers 403 above 100 conversations, then deletes asynchronously with ?async=true', async () => {
    const { call, desk, advance } = testDesk({
      seed: bulkCustomer('many@example.com', { helpscout: 150 }),
      asyncDelayMs: 2000,
    });
    const id = desk.tools.helpscout.findCustomer('many@example.com')!.id;
    expect((await call('helpscout', 'DELETE', `${H}/customers/${id}`)).status).toBe(403);
    expect((await call('helpscout', 'DELETE', `${H}/customers/${id}?async=true`)).status).toBe(202);
    expect(desk.tools.helpscout.conversations.size).toBe(150);
    advance(2000);
    expect((await call('helpscout', 'GET', `${H}/customers/${id}`)).status).toBe(404);
    expect(desk.tools.helpscout.conversations.size).toBe(0);
  });

  it('records requests that break the public docs as violations', async () => {
    const { call, desk } = testDesk();
    const res = await call('helpscout', 'GET', `${H}/customers?query=email:"a@b.nl"`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/vnd.error+json');
    expect(desk.violations).toHaveLength(1);
    expect(desk.violations[0]!.errors[0]).toMatch(/parentheses/);
  });
});

describe('Freshdesk stand-in', () => {
  it('lists only the last 30 days of tickets unless updated_since is given', async () => {
    const { call, desk, now } = testDesk({ seed: false });
    const fd = desk.tools.freshdesk;
    const base = {
      tool: 'freshdesk' as const,
      customerEmail: 'jan@example.nl',
      ccEmails: [],
      subject: 's',
      status: 'closed' as const,
      held: false,
      messages: [],
    };
    fd.addConversation({ ...base, createdAt: now() - 5 * 86400_000, updatedAt: now() - 5 * 86400_000 });
    fd.addConversation({ ...base, createdAt: now() - 900 * 86400_000, updatedAt: now() - 900 * 86400_000 });
    const recent = await call('freshdesk', 'GET', `${F}/tickets?email=jan%40example.nl`);
    const every = await call(
      'freshdesk',
      'GET',
      `${F}/tickets?email=jan%40example.nl&updated_since=2000-01-01T00:00:00Z&per_page=100`,
    );
    expect([recent.json.length, every.json.length]).toEqual([1, 2]);
    expect(desk.violations).toEqual([]);
  });

  it('moves tickets to the trash in bulk (≤ 100) and hard-deletes a contact with force=true', async () => {
    const { call, desk } = testDesk({ seed: bulkCustomer('fd@example.com', { freshdesk: 120 }) });
    const contact = (await call('freshdesk', 'GET', `${F}/contacts?email=fd%40example.com`)).json[0];
    const ids = [...desk.tools.freshdesk.tickets.keys()];
    const tooMany = await call('freshdesk', 'POST', `${F}/tickets/bulk_delete`, { bulk_action: { ids } });
    expect(tooMany.status).toBe(400);
    expect(desk.violations).toHaveLength(1);
    const job = await call('freshdesk', 'POST', `${F}/tickets/bulk_delete`, {
      bulk_action: { ids: ids.slice(0, 100) },
    });
    expect(job.status).toBe(202);
    const trash = await call(
      'freshdesk',
      'GET',
      `${F}/tickets?filter=deleted&updated_since=2000-01-01T00:00:00Z&per_page=100`,
    );
    expect(trash.json).toHaveLength(100);
    expect((await call('freshdesk', 'DELETE', `${F}/contacts/${contact.id}/hard_delete`)).status).toBe(400);
    expect((await call('freshdesk', 'DELETE', `${F}/contacts/${contact.id}/hard_delete?force=true`)).status).toBe(204);
    expect(desk.tools.freshdesk.tickets.size).toBe(0);
    expect((await call('freshdesk', 'GET', `${F}/contacts/${contact.id}`)).status).toBe(404);
  });
});

describe('Freshdesk ticket search', () => {
  it('lists expired closed tickets with updated_at:<', async () => {
    const { call, desk, now } = testDesk({ seed: false });
    const base = {
      tool: 'freshdesk' as const,
      customerEmail: 'old@example.nl',
      ccEmails: [],
      subject: 's',
      held: false,
      messages: [],
    };
    const day = 86400_000;
    desk.tools.freshdesk.addConversation({
      ...base,
      status: 'closed',
      createdAt: now() - 900 * day,
      updatedAt: now() - 900 * day,
    });
    desk.tools.freshdesk.addConversation({
      ...base,
      status: 'open',
      createdAt: now() - 900 * day,
      updatedAt: now() - 900 * day,
    });
    desk.tools.freshdesk.addConversation({
      ...base,
      status: 'closed',
      createdAt: now() - 9 * day,
      updatedAt: now() - 9 * day,
    });
    const q = encodeURIComponent(`"status:5 AND updated_at:<'2024-11-28'"`);
    const res = await call('freshdesk', 'GET', `${F}/search/tickets?query=${q}`);
    expect(res.json.total).toBe(1);
    expect(res.json.results[0].status).toBe(5);
    expect(desk.violations).toEqual([]);
  });
});

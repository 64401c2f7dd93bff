// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { HOLD_TAG } from '../../../demo/desk';
import { testDesk } from './desk-helpers';

const FR = 'https://api2.frontapp.com';
const IC = 'https://api.intercom.io';
const V = { 'Intercom-Version': '2.14' };

describe('Front stand-in', () => {
  it('finds a contact by alias, lists, tags, trashes conversations and deletes the contact', async () => {
    const { call, desk } = testDesk();
    const email = [...desk.tools.front.contacts.values()][0]!.email;
    const contact = await call('front', 'GET', `${FR}/contacts/alt:email:${encodeURIComponent(email)}`);
    expect(contact.json.handles).toEqual([{ handle: email, source: 'email' }]);
    const convs = await call('front', 'GET', `${FR}/contacts/${contact.json.id}/conversations?limit=100`);
    const ids: string[] = convs.json._results.map((c: { id: string }) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    const messages = await call('front', 'GET', `${FR}/conversations/${ids[0]}/messages`);
    expect(messages.json._results[0].recipients.some((r: { handle: string }) => r.handle === email)).toBe(true);
    const tag = (await call('front', 'GET', `${FR}/tags`)).json._results.find(
      (t: { name: string }) => t.name === HOLD_TAG,
    );
    expect((await call('front', 'POST', `${FR}/conversations/${ids[0]}/tags`, { tag_ids: [tag.id] })).status).toBe(204);
    for (const id of ids) expect((await call('front', 'DELETE', `${FR}/conversations/${id}`)).status).toBe(204);
    expect((await call('front', 'DELETE', `${FR}/contacts/${contact.json.id}`)).status).toBe(204);
    const state = desk.state().front as { trashed_conversations: { id: string; purged_after: string }[] };
    expect(state.trashed_conversations.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(state.trashed_conversations[0]!.purged_after).toBeTruthy();
    expect((await call('front', 'GET', `${FR}/contacts/alt:email:${encodeURIComponent(email)}`)).status).toBe(404);
    expect(desk.violations).toEqual([]);
  });

  it('rejects a request the Front description rejects', async () => {
    const { call, desk } = testDesk();
    const res = await call('front', 'POST', `${FR}/conversations/cnv_1/tags`, { tags: ['x'] });
    expect(res.status).toBe(400);
    expect(desk.violations[0]!.errors).toContain('body/tag_ids: required');
  });
});

describe('Intercom stand-in', () => {
  it('searches contacts and conversations, tags holds, and deletes the contact with their conversations', async () => {
    const { call, desk } = testDesk();
    const email = [...desk.tools.intercom.contacts.values()][0]!.email;
    const found = await call(
      'intercom',
      'POST',
      `${IC}/contacts/search`,
      { query: { field: 'email', operator: '=', value: email } },
      V,
    );
    expect(found.json.data.map((c: { email: string }) => c.email)).toEqual([email]);
    const id = found.json.data[0].id;
    const convs = await call(
      'intercom',
      'POST',
      `${IC}/conversations/search`,
      {
        query: { operator: 'AND', value: [{ field: 'contact_ids', operator: '=', value: id }] },
        pagination: { per_page: 50 },
      },
      V,
    );
    const convIds: string[] = convs.json.conversations.map((c: { id: string }) => c.id);
    expect(convIds.length).toBeGreaterThan(0);
    const full = await call('intercom', 'GET', `${IC}/conversations/${convIds[0]}`, undefined, V);
    expect(full.json.source.author.email).toBe(email);
    const tag = await call('intercom', 'POST', `${IC}/tags`, { name: HOLD_TAG }, V);
    await call(
      'intercom',
      'POST',
      `${IC}/conversations/${convIds[0]}/tags`,
      { id: tag.json.id, admin_id: '991267' },
      V,
    );
    expect(desk.tools.intercom.conversations.get(convIds[0]!)!.tagIds).toContain(tag.json.id);
    const del = await call('intercom', 'DELETE', `https://api.eu.intercom.io/contacts/${id}`, undefined, V);
    expect(del.json).toMatchObject({ id, deleted: true });
    expect((await call('intercom', 'GET', `${IC}/contacts/${id}`, undefined, V)).status).toBe(404);
    const state = desk.state().intercom as { deleted_conversations: { id: string }[] };
    expect(state.deleted_conversations.map((c) => c.id).sort()).toEqual([...convIds].sort());
    expect(desk.violations).toEqual([]);
  });

  it('enforces the per-minute limit in 10-second windows', async () => {
    const { call, advance } = testDesk({ limits: { intercom: 60 } });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await call('intercom', 'GET', `${IC}/tags`, undefined, V)).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    advance(10_000);
    const ok = await call('intercom', 'GET', `${IC}/tags`, undefined, V);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('10');
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('9');
  });
});

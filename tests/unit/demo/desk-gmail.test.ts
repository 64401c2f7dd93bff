// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bulkCustomer, HOLD_TAG } from '../../../demo/desk';
import { testDesk } from './desk-helpers';

const G = 'https://gmail.googleapis.com/gmail/v1/users/me';

describe('Gmail stand-in', () => {
  it('finds by from/to, reads a message with its attachment, holds with a label, deletes permanently', async () => {
    const { call, desk } = testDesk();
    const msgs = [...desk.tools.gmail.messages.values()];
    const withAttachment = msgs.find((m) => m.attachments.length)!;
    const email = /<([^>]+)>/.exec(withAttachment.from)?.[1] ?? withAttachment.to[0]!;
    const q = encodeURIComponent(`from:${email} OR to:${email}`);
    const list = await call('gmail', 'GET', `${G}/messages?q=${q}&maxResults=500`);
    const expected = msgs.filter((m) => m.from.includes(email) || m.to.includes(email)).map((m) => m.id);
    expect(list.json.messages.map((m: { id: string }) => m.id).sort()).toEqual(expected.sort());

    const full = await call('gmail', 'GET', `${G}/messages/${withAttachment.id}?format=full`);
    const part = full.json.payload.parts.find((p: { filename: string }) => p.filename);
    const att = await call('gmail', 'GET', `${G}/messages/${withAttachment.id}/attachments/${part.body.attachmentId}`);
    expect(Buffer.from(att.json.data, 'base64url').toString()).toBe(withAttachment.attachments[0]!.content);

    const labels = await call('gmail', 'GET', `${G}/labels`);
    const hold = labels.json.labels.find((l: { name: string }) => l.name === HOLD_TAG);
    await call('gmail', 'POST', `${G}/messages/${expected[0]}/modify`, { addLabelIds: [hold.id] });
    const held = await call(
      'gmail',
      'GET',
      `${G}/messages?q=${encodeURIComponent(`label:${HOLD_TAG}`)}&maxResults=500`,
    );
    expect(held.json.messages.map((m: { id: string }) => m.id)).toContain(expected[0]);

    const rest = expected.slice(1);
    expect((await call('gmail', 'POST', `${G}/messages/batchDelete`, { ids: rest })).status).toBe(204);
    const after = await call('gmail', 'GET', `${G}/messages?q=${q}&maxResults=500`);
    expect(after.json.messages.map((m: { id: string }) => m.id)).toEqual([expected[0]]);
    expect(desk.violations).toEqual([]);
  });

  it('rejects more than 1,000 ids and lists expired mail with before:', async () => {
    const { call, desk, now } = testDesk({ seed: bulkCustomer('bulk@example.com', { gmail: 1200 }) });
    const ids = [...desk.tools.gmail.messages.keys()];
    expect((await call('gmail', 'POST', `${G}/messages/batchDelete`, { ids })).status).toBe(400);
    const cutoff = new Date(now() - 1000 * 3600_000);
    const before = `before:${cutoff.getUTCFullYear()}/${cutoff.getUTCMonth() + 1}/${cutoff.getUTCDate()}`;
    const old = await call('gmail', 'GET', `${G}/messages?q=${encodeURIComponent(before)}&maxResults=500`);
    expect(old.json.resultSizeEstimate).toBeGreaterThan(150);
    expect(old.json.resultSizeEstimate).toBeLessThan(250);
    expect(
      old.json.messages.every(
        (m: { id: string }) => desk.tools.gmail.messages.get(m.id)!.internalDate < cutoff.getTime(),
      ),
    ).toBe(true);
  });

  it('counts quota units: batchDelete costs 50, and the minute budget ends in 429 with Retry-After', async () => {
    const { call, advance } = testDesk({ limits: { gmail: 120 } });
    expect((await call('gmail', 'POST', `${G}/messages/batchDelete`, { ids: ['x'] })).status).toBe(204);
    expect((await call('gmail', 'POST', `${G}/messages/batchDelete`, { ids: ['y'] })).status).toBe(204);
    const limited = await call('gmail', 'POST', `${G}/messages/batchDelete`, { ids: ['z'] });
    expect(limited.status).toBe(429);
    expect(limited.json.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    advance(60_000);
    expect((await call('gmail', 'POST', `${G}/messages/batchDelete`, { ids: ['z'] })).status).toBe(204);
  });
});

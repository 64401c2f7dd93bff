// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AGENT, HOLD_TAG } from '../../../demo/desk';
import { testDesk } from './desk-helpers';

const Z = 'https://acme.zendesk.com/api/v2';
const conv = (
  email: string,
  status: 'open' | 'closed',
  at: number,
  extra: Partial<{ held: boolean; cc: string[] }> = {},
) => ({
  tool: 'zendesk' as const,
  customerEmail: email,
  ccEmails: extra.cc ?? [],
  subject: `Order for ${email}`,
  status,
  createdAt: at,
  updatedAt: at,
  held: extra.held ?? false,
  messages: [
    {
      fromCustomer: true,
      authorName: 'Eva Bos',
      authorEmail: email,
      body: 'Mijn IBAN is NL91ABNA0417164300',
      at,
      attachments: [{ name: 'factuur.txt', contentType: 'text/plain', content: 'Eva Bos, Kerkweg 1' }],
    },
    {
      fromCustomer: false,
      authorName: AGENT.name,
      authorEmail: AGENT.email,
      body: 'Thanks',
      at: at + 1,
      attachments: [],
    },
  ],
});

function setup() {
  const t = testDesk({ seed: false });
  const z = t.desk.tools.zendesk;
  const now = t.now();
  const eva = 'eva.bos@example.nl';
  const open = z.addConversation(conv(eva, 'open', now - 86400_000));
  const closedOld = z.addConversation(conv(eva, 'closed', now - 900 * 86400_000));
  const held = z.addConversation(conv(eva, 'closed', now - 800 * 86400_000, { held: true }));
  const ccd = z.addConversation(conv('partner@example.com', 'closed', now - 86400_000, { cc: [eva] }));
  return { ...t, eva, ids: { open, closedOld, held, ccd } };
}

describe('Zendesk stand-in', () => {
  it('finds the customer and their requested and CC tickets, with comments and attachments', async () => {
    const { call, eva, ids } = setup();
    const users = await call('zendesk', 'GET', `${Z}/users/search.json?query=${encodeURIComponent(`email:${eva}`)}`);
    expect(users.json.users.map((u: { email: string }) => u.email)).toEqual([eva]);
    const requested = await call(
      'zendesk',
      'GET',
      `${Z}/search.json?query=${encodeURIComponent(`type:ticket requester:${eva}`)}`,
    );
    expect(requested.json.results.map((r: { id: number }) => r.id).sort()).toEqual(
      [ids.open, ids.closedOld, ids.held].sort(),
    );
    const cc = await call('zendesk', 'GET', `${Z}/search.json?query=${encodeURIComponent(`type:ticket cc:${eva}`)}`);
    expect(cc.json.results.map((r: { id: number }) => r.id)).toEqual([ids.ccd]);
    const comments = await call('zendesk', 'GET', `${Z}/tickets/${ids.open}/comments.json`);
    expect(comments.json.comments[0].attachments[0]).toMatchObject({
      file_name: 'factuur.txt',
      content_type: 'text/plain',
    });
    expect(comments.json.comments[0].body).toContain('NL91ABNA0417164300');
  });

  it('lists expired tickets and reads and writes holds as tags', async () => {
    const { call, ids } = setup();
    const q = encodeURIComponent('type:ticket status:closed updated<2024-11-28');
    const expired = await call('zendesk', 'GET', `${Z}/search.json?query=${q}`);
    expect(expired.json.results.map((r: { id: number }) => r.id).sort()).toEqual([ids.closedOld, ids.held].sort());
    expect(expired.json.results.find((r: { id: number }) => r.id === ids.held).tags).toEqual([HOLD_TAG]);
    const put = await call('zendesk', 'PUT', `${Z}/tickets/${ids.closedOld}/tags.json`, { tags: [HOLD_TAG] });
    expect(put.json.tags).toEqual([HOLD_TAG]);
    const tags = await call('zendesk', 'GET', `${Z}/tickets/${ids.closedOld}/tags.json`);
    expect(tags.json.tags).toEqual([HOLD_TAG]);
  });

  it('erases the Zendesk way: user blocked by unclosed tickets, soft then permanent deletes', async () => {
    const { call, desk, eva, ids } = setup();
    const userId = desk.tools.zendesk.findUser(eva)!.id;
    const blocked = await call('zendesk', 'DELETE', `${Z}/users/${userId}.json`);
    expect(blocked.status).toBe(422);

    const tooMany = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    expect((await call('zendesk', 'DELETE', `${Z}/tickets/destroy_many.json?ids=${tooMany}`)).status).toBe(400);

    const soft = await call('zendesk', 'DELETE', `${Z}/tickets/destroy_many.json?ids=${ids.open},${ids.closedOld}`);
    expect(soft.json.job_status.status).toBe('queued');
    const job = await call('zendesk', 'GET', `${Z}/job_statuses/${soft.json.job_status.id}.json`);
    expect(job.json.job_status.status).toBe('completed');
    expect((await call('zendesk', 'GET', `${Z}/tickets/${ids.open}.json`)).status).toBe(404);
    const deleted = await call('zendesk', 'GET', `${Z}/deleted_tickets.json`);
    expect(deleted.json.deleted_tickets.map((t: { id: number }) => t.id).sort()).toEqual(
      [ids.open, ids.closedOld].sort(),
    );
    expect((desk.state().zendesk as { deleted_tickets: unknown[] }).deleted_tickets).toHaveLength(2);

    await call('zendesk', 'DELETE', `${Z}/deleted_tickets/destroy_many.json?ids=${ids.open},${ids.closedOld}`);
    await call('zendesk', 'GET', `${Z}/deleted_tickets.json`);
    expect(desk.tools.zendesk.tickets.has(ids.open)).toBe(false);

    expect((await call('zendesk', 'DELETE', `${Z}/users/${userId}.json`)).status).toBe(200);
    expect((await call('zendesk', 'GET', `${Z}/users/${userId}.json`)).status).toBe(404);
    expect((await call('zendesk', 'GET', `${Z}/deleted_users/${userId}.json`)).status).toBe(200);
    expect((await call('zendesk', 'DELETE', `${Z}/deleted_users/${userId}.json`)).status).toBe(200);
    expect((await call('zendesk', 'DELETE', `${Z}/deleted_users/${userId}.json`)).status).toBe(404);
    const compliance = await call('zendesk', 'GET', `${Z}/users/${userId}/compliance_deletion_statuses.json`);
    expect(compliance.json.compliance_deletion_statuses).toHaveLength(1);
    // Deleting the user did not delete the held ticket they requested: it stays, as in Zendesk.
    expect(desk.tools.zendesk.tickets.get(ids.held)?.tags).toEqual([HOLD_TAG]);
    expect(desk.violations).toEqual([]);
  });

  it('caps offset search at 1,000 results and pages through search/export with a cursor', async () => {
    const { call, desk, now } = testDesk({ seed: false });
    for (let i = 0; i < 1050; i++)
      desk.tools.zendesk.addConversation(conv('bulk@example.com', 'closed', now() - i * 1000));
    const q = encodeURIComponent('type:ticket requester:bulk@example.com');
    expect((await call('zendesk', 'GET', `${Z}/search.json?query=${q}&page=10&per_page=100`)).status).toBe(200);
    expect((await call('zendesk', 'GET', `${Z}/search.json?query=${q}&page=11&per_page=100`)).status).toBe(422);
    let url: string | null = `${Z}/search/export.json?query=${q}&filter[type]=ticket&page[size]=1000`;
    let total = 0;
    while (url) {
      const page = await call('zendesk', 'GET', url);
      total += page.json.results.length;
      url = page.json.links.next;
    }
    expect(total).toBe(1050);
    expect(desk.violations).toEqual([]);
  });
});

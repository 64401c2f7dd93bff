import { describe, expect, it } from 'vitest';
import { deskRun } from './desk-harness';

/**
 * What deleting the user alone leaves behind, erased through the service with every request validated by the
 * demo desk (Zendesk against its own OpenAPI description, Freshdesk against its public docs): CC'd and
 * commented tickets, email identities, a ticket merged into another customer's (a step by hand, never a delete).
 */
describe('roles beyond the requester, against the demo desk', () => {
  it('zendesk: CC, commenter, second identity and a merge into another customer’s ticket', async () => {
    const { desk, service } = deskRun({ seed: false });
    const zd = desk.tools.zendesk;
    const base = { status: 'closed' as const, createdAt: 0, updatedAt: 0, held: false, ccEmails: [] as string[] };
    const msg = (email: string, body: string) => ({
      fromCustomer: true,
      authorName: email,
      authorEmail: email,
      body,
      at: 0,
      attachments: [{ name: 'scan.pdf', contentType: 'application/pdf', content: 'x' }],
    });
    const own = zd.addConversation({
      ...base,
      tool: 'zendesk',
      customerEmail: 'ana@example.nl',
      subject: 'Own',
      messages: [msg('ana@example.nl', 'a')],
    });
    const merged = zd.addConversation({
      ...base,
      tool: 'zendesk',
      customerEmail: 'ana@example.nl',
      subject: 'Dup',
      messages: [msg('ana@example.nl', 'b')],
    });
    const bobs = zd.addConversation({
      ...base,
      tool: 'zendesk',
      customerEmail: 'bob@example.nl',
      subject: 'Bob',
      messages: [msg('bob@example.nl', 'c')],
    });
    const copied = zd.addConversation({
      ...base,
      tool: 'zendesk',
      customerEmail: 'carl@example.nl',
      subject: 'Carl',
      ccEmails: ['ana@example.nl'],
      messages: [msg('carl@example.nl', 'd')],
    });
    const commented = zd.addConversation({
      ...base,
      tool: 'zendesk',
      customerEmail: 'dora@example.nl',
      subject: 'Dora',
      messages: [msg('dora@example.nl', 'e'), { ...msg('ana.work@example.nl', 'f'), fromCustomer: false }],
    });
    const ana = zd.findUser('ana@example.nl')!;
    // Her second address became an identity of the same user; the comment on Dora's ticket is hers.
    const work = zd.findUser('ana.work@example.nl')!;
    zd.users.delete(work.id);
    ana.otherEmails = ['ana.work@example.nl'];
    for (const c of zd.tickets.get(commented)!.comments) if (c.authorId === work.id) c.authorId = ana.id;
    zd.merge(zd.tickets.get(merged)!, zd.tickets.get(bobs)!);

    const customer = { id: 'c1', identities: [{ kind: 'email' as const, value: 'ana@example.nl' }] };
    const plan = await service.planErasure(customer, ['zendesk']);
    const zPlan = plan.tools[0]!;
    expect(
      zPlan.erase
        .filter((i) => i.kind === 'ticket')
        .map((i) => [Number(i.id), i.role])
        .sort(),
    ).toEqual(
      [
        [own, 'requester'],
        [merged, 'requester'],
        [copied, 'cc'],
        [commented, 'author'],
      ].sort(),
    );
    expect(zPlan.manual!.checklist[0]).toContain(`#${bobs}`);

    const jobId = await service.startErasure(plan);
    let job = await service.runToEnd(jobId);
    expect(job.status).toBe('awaiting-agent');
    await service.confirmManual(jobId, job.steps.find((s) => s.status === 'waiting')!.id);
    job = await service.runToEnd(jobId);
    expect(job.status).toBe('erased');
    expect([...zd.tickets.keys()]).toEqual([bobs]);
    expect(zd.findUser('ana@example.nl')).toBeUndefined();
    expect(desk.violations).toEqual([]);
  });

  it('freshdesk: a ticket she is only CC’d on goes too, a mention does not', async () => {
    const { desk, service } = deskRun();
    const fd = desk.tools.freshdesk;
    const someone = [...fd.tickets.values()].find((t) => t.ccEmails.length === 0)!;
    const email = [...fd.contacts.values()].find((c) => c.id !== someone.requesterId)!.email;
    someone.ccEmails = [email];
    const customer = { id: 'c1', identities: [{ kind: 'email' as const, value: email }] };
    const plan = await service.planErasure(customer, ['freshdesk']);
    expect(plan.tools[0]!.erase.find((i) => i.id === String(someone.id))?.role).toBe('cc');
    const job = await service.runToEnd(await service.startErasure(plan));
    expect(job.status).toBe('erased');
    expect(someone.deleted).toBe(true);
    expect(desk.violations).toEqual([]);
  });
});

/**
 * "Forget this customer" end to end in Chromium: the demo desk's stand-ins answer on the tools' real host
 * names (HTTPS), the team's connections file is imported through the dashboard, a Zendesk ticket page
 * for a seeded customer shows the panel, and the erasure runs in the extension's service worker against
 * the stand-ins. Afterwards the stand-ins hold nothing of the customer but the held items.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, DEMO_CREDENTIALS, generateSeed, HOLD_TAG, type DemoDesk } from '../../demo/desk';
import type { Handler } from '../../demo/https-server';
import { mentions } from '../contract/desk-harness';
import { startSession, type E2eSession } from './harness';

const PAGE_HOST = 'acme.zendesk.com';
const FIXTURE_EMAIL = 'emma.visser@kpnmail.nl';
const now = Date.now();
const seed = generateSeed({ seed: 42, now });

/** A Zendesk customer with held and unheld tickets in the seed (deterministic for seed 42). */
function pickCustomer(): string {
  const counts = new Map<string, { all: number; held: number }>();
  for (const c of seed.conversations.filter((c) => c.tool === 'zendesk')) {
    const entry = counts.get(c.customerEmail) ?? { all: 0, held: 0 };
    entry.all += 1;
    if (c.held) entry.held += 1;
    counts.set(c.customerEmail, entry);
  }
  const found = [...counts].find(([, v]) => v.held > 0 && v.all > v.held);
  if (!found) throw new Error('the seed has no Zendesk customer with held and unheld tickets');
  return found[0];
}

const EMAIL = pickCustomer();

/** The team's connections file (lib/connections/schema.ts) for the desk's stand-ins. */
function connectionsFile(): string {
  const c = DEMO_CREDENTIALS;
  return JSON.stringify({
    format: 'privacydesk-connections',
    version: 1,
    connections: [
      { tool: 'zendesk', account: c.zendesk.subdomain, secret: { email: c.zendesk.email, token: c.zendesk.apiToken } },
      { tool: 'freshdesk', account: c.freshdesk.domain.split('.')[0], secret: { apiKey: c.freshdesk.apiKey } },
      { tool: 'helpscout', account: 'acme', secret: { accessToken: c.helpscout.accessToken } },
      { tool: 'gmail', account: c.gmail.userId, secret: { accessToken: c.gmail.accessToken } },
      { tool: 'front', account: 'acme', secret: { token: c.front.apiToken } },
      { tool: 'intercom', account: 'us', region: 'US', secret: { token: c.intercom.accessToken, adminId: '1' } },
    ],
  });
}

/** The ticket page (the Zendesk fixture, the customer's address in place of the fixture's) and the desk's APIs. */
function handlerFor(desk: DemoDesk): Handler {
  return async (req, res, url) => {
    if (url.host === PAGE_HOST && url.pathname.startsWith('/agent/')) {
      const html = await readFile(join(import.meta.dirname, '../fixtures/sites/zendesk/conversation.html'), 'utf8');
      // The fixture is ticket 4821; served as the ticket the URL names.
      const ticketInUrl = /\/tickets\/(\d+)/.exec(url.pathname)?.[1] ?? '4821';
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" })
        .end(html.replaceAll(FIXTURE_EMAIL, EMAIL).replaceAll('4821', ticketInUrl));
      return;
    }
    await desk.handler(req, res, url);
  };
}

describe('Forget this customer in Chromium against the demo desk', () => {
  let session: E2eSession;
  let desk: DemoDesk;

  beforeAll(async () => {
    desk = createDesk({ seed: 42, now: () => Date.now() });
    session = await startSession(handlerFor(desk), desk.hosts);
  });
  afterAll(async () => session?.close());

  async function importConnections(): Promise<void> {
    const page = await session.browser.context.newPage();
    await page.goto(session.browser.extensionUrl('dashboard.html'));
    await page.getByLabel('Import connections file').setInputFiles({
      name: 'connections.json',
      mimeType: 'application/json',
      buffer: Buffer.from(connectionsFile()),
    });
    await expect.poll(() => page.getByText(/^Connected: /).count()).toBe(1);
    await page.close();
  }

  const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Privacy panel' });

  it('"Keep this message" marks the ticket privacy-keep in Zendesk itself; releasing it removes the mark', async () => {
    await importConnections();
    const tickets = () => (desk.state() as { zendesk: { tickets: ZdBrief[] } }).zendesk.tickets;
    const ticket = tickets().find((t) => t.requester === EMAIL && !t.tags.includes(HOLD_TAG));
    if (!ticket?.id) throw new Error('the seed has no unheld Zendesk ticket for this customer');
    const page = await session.browser.context.newPage();
    await page.goto(`https://${PAGE_HOST}/agent/tickets/${ticket.id}`);
    const keep = panelOf(page).getByRole('button', { name: 'Keep this message' }).first();
    await expect.poll(() => keep.getAttribute('aria-pressed')).toBe('false');
    await keep.click();
    await expect.poll(() => keep.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() =>
        tickets()
          .find((t) => t.id === ticket.id)
          ?.tags.includes(HOLD_TAG),
      )
      .toBe(true);
    await keep.click();
    await expect.poll(() => keep.getAttribute('aria-pressed')).toBe('false');
    await expect
      .poll(() =>
        tickets()
          .find((t) => t.id === ticket.id)
          ?.tags.includes(HOLD_TAG),
      )
      .toBe(false);
    expect(desk.violations).toEqual([]);
    await page.close();
  });

  it('shows the plan, erases everything but the held items in every tool, and sums up per tool', async () => {
    const heldTickets = seed.conversations.filter((c) => c.tool === 'zendesk' && c.customerEmail === EMAIL && c.held);
    expect(mentions(desk.state(), 'zendesk', EMAIL)).toBeGreaterThan(0);
    await importConnections();

    const page = await session.browser.context.newPage();
    await page.goto(`https://${PAGE_HOST}/agent/tickets/4821`);
    const panel = panelOf(page);
    await expect.poll(() => panel.locator('[data-customer-email]').getAttribute('data-customer-email')).toBe(EMAIL);
    const forget = panel.getByRole('button', { name: 'Forget this customer' });
    await expect.poll(() => forget.isEnabled()).toBe(true);
    await forget.click();

    const dialog = page.getByRole('dialog', { name: 'Forget this customer' });
    const zendesk = dialog.getByRole('region', { name: 'Zendesk' });
    await expect.poll(() => zendesk.count(), { timeout: 30_000 }).toBe(1);
    // The dialog is wider than the panel and shown whole, not clipped to the panel's dock.
    const box = await dialog.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(400);
    const shownAt = await page.evaluate(
      ([x, y]) => {
        const host = document.querySelector('privacydesk-panel');
        return host?.shadowRoot?.elementFromPoint(x!, y!)?.closest('[role="dialog"]') ? 'dialog' : 'elsewhere';
      },
      [box!.x + 8, box!.y + box!.height / 2],
    );
    expect(shownAt).toBe('dialog');
    expect(await zendesk.textContent()).toContain(`Stays because it is kept: ${heldTickets.length}`);
    const keptList = zendesk.getByRole('list', { name: 'Kept in Zendesk' });
    for (const held of heldTickets) expect(await keptList.textContent()).toContain(held.subject);
    const deleteList = zendesk.getByRole('list', { name: 'To be deleted in Zendesk' });
    expect(await deleteList.getByRole('listitem').count()).toBeGreaterThan(0);
    for (const held of heldTickets) expect(await deleteList.textContent()).not.toContain(held.subject);
    expect(await dialog.textContent()).not.toContain('could not be searched');

    await dialog.getByRole('button', { name: 'Forget permanently' }).click();
    const summary = dialog.getByTestId('erasure-summary');
    await expect.poll(() => summary.count(), { timeout: 45_000 }).toBe(1);
    expect(await dialog.textContent()).toContain('Customer forgotten');
    expect(await summary.textContent()).toMatch(/\d+ items erased in Zendesk/);

    // The stand-ins: only the held tickets (and the user they point to) remain of the customer.
    const state = desk.state() as { zendesk: { tickets: ZdBrief[]; deleted_tickets: ZdBrief[] } };
    const theirs = (t: ZdBrief) => t.requester === EMAIL || t.ccs.includes(EMAIL);
    const left = state.zendesk.tickets.filter(theirs);
    expect(left.map((t) => t.subject).sort()).toEqual(heldTickets.map((t) => t.subject).sort());
    expect(left.every((t) => t.tags.includes(HOLD_TAG))).toBe(true);
    expect(state.zendesk.deleted_tickets.filter(theirs)).toEqual([]);
    for (const tool of ['gmail', 'helpscout', 'freshdesk', 'front', 'intercom']) {
      const heldThere = seed.conversations.some(
        (c) => c.tool === tool && c.held && (c.customerEmail === EMAIL || c.ccEmails.includes(EMAIL)),
      );
      if (!heldThere) expect(mentions(desk.state(), tool, EMAIL), tool).toBe(0);
    }
    expect(desk.violations).toEqual([]);

    // Escape closes the dialog; the panel stays open.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await panel.count()).toBe(1);

    // Their kept ticket opened again: the panel says they were forgotten and does not register them anew.
    await page.goto(`https://${PAGE_HOST}/agent/tickets/${left[0]!.id}`);
    const card = panelOf(page).locator('[data-customer-email]');
    await expect.poll(() => card.getAttribute('data-customer-email')).toBe(EMAIL);
    const note = card.getByRole('note');
    await expect.poll(() => note.count(), { timeout: 15_000 }).toBe(1);
    expect(await note.textContent()).toMatch(/^This customer was forgotten on /);
    expect(await card.textContent()).toContain('0 conversations');
    await page.close();
  });
});

interface ZdBrief {
  id?: number;
  subject: string;
  requester: string | null;
  ccs: (string | null)[];
  tags: string[];
}

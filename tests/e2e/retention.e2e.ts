/**
 * Retention end to end in Chromium on the demo desk: two seeded customers' old closed Zendesk tickets are
 * opened (so the register knows them), "Check now" on the dashboard asks the connected tools for expired
 * items, the action badge shows how many are due, and "Clean up" erases the due ticket at the desk's
 * stand-in while the held one (`privacy-keep`) stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../demo/chromium';
import { HOLD_TAG } from '../../demo/desk';
import { hostResolverRules } from '../../demo/https-server';
import { demoConnectionsFile, startDemoDesk, type RunningDemoDesk } from '../../demo/site';

interface Ticket {
  id: number;
  status: string;
  updated_at: string;
  requester: string | null;
  tags: string[];
}

/** The extension API in the service worker (read-only use: the action's badge text). */
interface ChromeGlobal {
  chrome: { action: { getBadgeText(details: object): Promise<string> } };
}

/** Past the 24-month preset for closed conversations, with a margin for month lengths. */
const OLD_BEFORE = Date.now() - 26 * 30 * 24 * 3600_000;
const ticketsOf = (desk: RunningDemoDesk) => (desk.desk.state() as { zendesk: { tickets: Ticket[] } }).zendesk.tickets;
const isOld = (t: Ticket) => t.status === 'closed' && Date.parse(t.updated_at) < OLD_BEFORE;

describe('Retention due and cleanup in Chromium against the demo desk', () => {
  let desk: RunningDemoDesk;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    desk = await startDemoDesk({ seed: 42, now: () => Date.now() });
    browser = await launchWithExtension({ hostResolverRules: hostResolverRules(desk.hosts, desk.port) });
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('badges the due items, shows them due, and cleans up all but the held ticket', async () => {
    const tickets = ticketsOf(desk);
    const held = tickets.find((t) => isOld(t) && t.tags.includes(HOLD_TAG));
    const due = tickets.find((t) => isOld(t) && !t.tags.includes(HOLD_TAG) && t.requester !== held?.requester);
    if (!held || !due) throw new Error('seed 42 has no old held and old unheld closed Zendesk ticket');

    const dashboard = await browser.context.newPage();
    await dashboard.goto(browser.extensionUrl('dashboard.html'));
    await dashboard.getByLabel('Import connections file').setInputFiles({
      name: 'connections.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(demoConnectionsFile())),
    });
    await expect.poll(() => dashboard.getByText(/^Connected: /).count()).toBe(1);

    // The panel records both customers in the register when their old tickets are opened.
    for (const ticket of [due, held]) {
      const page = await browser.context.newPage();
      await page.goto(`https://acme.zendesk.com/agent/tickets/${ticket.id}`);
      const panel = page.getByRole('complementary', { name: 'Privacy panel' });
      await expect
        .poll(() => panel.locator('[data-customer-email]').getAttribute('data-customer-email'))
        .toBe(ticket.requester);
      await expect.poll(() => panel.locator('[data-retention-state]').count()).toBe(1);
      await page.close();
    }

    const section = dashboard.getByRole('region', { name: 'Retention due' });
    await section.getByRole('button', { name: 'Check now' }).click();
    const zendeskRow = section.locator('tr[data-retention-state]').filter({ hasText: 'Zendesk' });
    await expect.poll(() => zendeskRow.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(['due', 'overdue']).toContain(await zendeskRow.first().getAttribute('data-retention-state'));
    const badge = () =>
      browser.serviceWorker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.action.getBadgeText({}));
    await expect.poll(async () => Number(await badge())).toBeGreaterThan(0);
    const dueBefore = Number(await badge());

    await section.getByRole('button', { name: 'Clean up', exact: true }).click();
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toMatch(/Cleanup started: [1-9]\d* erasure jobs/);
    await expect
      .poll(() => ticketsOf(desk).some((t) => t.id === due.id), { timeout: 45_000, interval: 500 })
      .toBe(false);
    const kept = ticketsOf(desk).find((t) => t.id === held.id);
    expect(kept?.tags).toContain(HOLD_TAG);
    // After the cleanup the check runs again: what was erased no longer counts on the badge.
    await expect.poll(async () => Number(await badge()), { timeout: 30_000 }).toBeLessThan(dueBefore);
    expect(desk.desk.violations).toEqual([]);
    await dashboard.close();
  });
});

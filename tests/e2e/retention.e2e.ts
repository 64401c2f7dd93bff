/**
 * Retention end to end in Chromium on the demo desk: two seeded customers' old closed Zendesk tickets are
 * opened (so the register knows them), "Check now" on the dashboard asks the connected tools for expired
 * items, the action badge shows how many are due, and "Clean up" erases the due ticket at the desk's
 * stand-in while the held one (`privacy-keep`) stays. A Zendesk view open meanwhile pins the due ticket's
 * row as "due" without moving any row, and drops the pin once the ticket is erased.
 */
import type { Page } from 'playwright-core';
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

const ROW = 'tr[data-test-id="generic-table-row"]';
/** A pin in the overlay's open shadow root (Playwright's CSS pierces open shadow roots). */
const PIN = '[data-privacydesk-pins] .pin';

/** Every list row's box, as the page lays it out (rounded to whole pixels). */
const rowBoxes = (page: Page) =>
  page.$$eval(ROW, (rows) =>
    rows.map((r) => {
      const b = r.getBoundingClientRect();
      return [Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)];
    }),
  );

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

    // The panel asked Zendesk for the customer's tickets and their own dates: opened again, the old ticket's
    // badge counts from its close date at the tool (due), not from today's sighting, and is no estimate.
    const again = await browser.context.newPage();
    await again.goto(`https://acme.zendesk.com/agent/tickets/${due.id}`);
    const dueBadge = again.getByRole('complementary', { name: 'Privacy panel' }).locator('[data-retention-state]');
    await expect.poll(() => dueBadge.getAttribute('data-retention-state')).toMatch(/^(due|overdue)$/);
    expect(await dueBadge.getAttribute('data-retention-estimated')).toBeNull();
    await again.close();

    // A Zendesk view listing the tickets, open before the check: no pins yet; the rows' boxes as drawn.
    const view = await browser.context.newPage();
    await view.goto('https://acme.zendesk.com/agent/filters/360001');
    await expect.poll(() => view.locator(ROW).count()).toBeGreaterThan(1);
    await view.getByRole('complementary', { name: 'Privacy panel' }).waitFor();
    expect(await view.locator(PIN).count()).toBe(0);
    const boxesBefore = await rowBoxes(view);

    const section = dashboard.getByRole('region', { name: 'Retention due' });
    await section.getByRole('button', { name: 'Check now' }).click();
    const zendeskRow = section.locator('tr[data-retention-state]').filter({ hasText: 'Zendesk' });
    await expect.poll(() => zendeskRow.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(['due', 'overdue']).toContain(await zendeskRow.first().getAttribute('data-retention-state'));
    const badge = () =>
      browser.serviceWorker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.action.getBadgeText({}));
    await expect.poll(async () => Number(await badge())).toBeGreaterThan(0);
    const dueBefore = Number(await badge());

    // The open view pins the due ticket as soon as the run is stored, the held one never, and no row moved.
    const duePin = view.locator(`${PIN}[data-tool-id="${due.id}"]`);
    await expect.poll(() => duePin.count(), { timeout: 15_000 }).toBe(1);
    expect(['due', 'overdue']).toContain(await duePin.getAttribute('data-retention-state'));
    expect(await view.locator(`${PIN}[data-tool-id="${held.id}"]`).count()).toBe(0);
    expect(await rowBoxes(view)).toEqual(boxesBefore);
    const pinBox = await duePin.boundingBox();
    const rowBox = await view
      .locator(ROW)
      .filter({ has: view.locator(`a[href="/agent/tickets/${due.id}"]`) })
      .boundingBox();
    expect(pinBox && rowBox && pinBox.y >= rowBox.y && pinBox.y < rowBox.y + rowBox.height).toBe(true);

    await section.getByRole('button', { name: 'Clean up', exact: true }).click();
    await expect
      .poll(() => section.getByRole('status').filter({ hasText: 'Cleanup' }).textContent())
      .toMatch(/Cleanup started: [1-9]\d* erasure jobs/);
    await expect
      .poll(() => ticketsOf(desk).some((t) => t.id === due.id), { timeout: 45_000, interval: 500 })
      .toBe(false);
    const kept = ticketsOf(desk).find((t) => t.id === held.id);
    expect(kept?.tags).toContain(HOLD_TAG);
    // After the cleanup the check runs again: what was erased no longer counts on the badge.
    await expect.poll(async () => Number(await badge()), { timeout: 30_000 }).toBeLessThan(dueBefore);
    // The run after the cleanup is stored too: the erased ticket's pin goes with it.
    await expect.poll(() => duePin.count(), { timeout: 15_000 }).toBe(0);
    await view.close();
    expect(desk.desk.violations).toEqual([]);
    await dashboard.close();
  });
});

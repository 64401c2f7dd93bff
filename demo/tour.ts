/**
 * The narrated tour `npm run demo` runs without a display. Each step prints a line, saves a screenshot
 * under demo-output/ and reports done, skipped (the feature is not in this build yet: said plainly) or
 * failed. Everything goes through the product's normal paths: the connections file is imported on the
 * dashboard, the panel reads the desk's pages, and actions are the panel's own buttons.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';
import { chooseTourCustomer, oldestClosedTicket, type TourCustomer } from './site/tour-customer';
import { demoConnectionsFile, gmailThreadUrl, type RunningDemoDesk } from './site';
import { gmailThreads } from './site/gmail-pages';

export type StepStatus = 'done' | 'skipped' | 'failed';

export interface StepResult {
  title: string;
  status: StepStatus;
  detail: string;
}

export interface TourContext {
  browser: ExtensionBrowser;
  desk: RunningDemoDesk;
  outDir: string;
  /** The unpacked extension Chromium runs. */
  extensionDir: string;
  /** True once the user pressed Ctrl+C: the tour stops before its next step. */
  stopped?: () => boolean;
  /** When Chromium started (epoch ms): the first retention check runs a minute later. */
  launchedAt: number;
}

const WAIT = { timeout: 15_000 };
const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Privacy panel' });

class Skip extends Error {}

/** The extension API as the dashboard page sees it (read-only use: the icon's badge text). */
interface ChromeGlobal {
  chrome: { action: { getBadgeText(details: object): Promise<string> } };
}

/** The host element of the list-view retention pins (lib/retention/list-pins.ts PIN_HOST_ATTRIBUTE). */
const PIN_HOST_ATTRIBUTE = 'data-privacydesk-pins';

/** Whether the built content scripts carry a marker, i.e. whether a feature is in this build. */
async function contentScriptsContain(extensionDir: string, marker: string): Promise<boolean> {
  const dir = join(extensionDir, 'content-scripts');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  for (const file of files) if ((await readFile(join(dir, file), 'utf8')).includes(marker)) return true;
  return false;
}

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

/** Whether the button exists and is enabled (features still being built render it disabled). */
async function usable(button: Locator): Promise<boolean> {
  if ((await button.count()) === 0) return false;
  return button.first().isEnabled();
}

export async function runTour(ctx: TourContext): Promise<StepResult[]> {
  const { browser, outDir } = ctx;
  const results: StepResult[] = [];
  const steps: [string, () => Promise<string>][] = [];
  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(outDir, name), fullPage });
  let customer: TourCustomer | undefined;
  let ticketPage: Page | undefined;

  steps.push([
    'Import the demo connections file on the dashboard (Connections → Import connections file)',
    async () => {
      const file = join(outDir, 'demo-connections.json');
      await writeFile(file, JSON.stringify(demoConnectionsFile(), null, 2));
      const dashboard = await browser.context.newPage();
      await dashboard.goto(browser.extensionUrl('/dashboard.html'));
      await dashboard.getByLabel('Import connections file').setInputFiles(file);
      const status = dashboard.getByRole('status').filter({ hasText: 'Connected:' });
      await status.waitFor(WAIT);
      const text = (await status.textContent()) ?? '';
      await dashboard.close();
      return text.trim();
    },
  ]);

  steps.push([
    "Test the Zendesk connection from the dashboard (the extension calls the desk's API)",
    async () => {
      const dashboard = await browser.context.newPage();
      await dashboard.goto(browser.extensionUrl('/dashboard.html'));
      const row = dashboard.locator('[data-connection="zendesk"]');
      await row.getByRole('button', { name: 'Test connection' }).click();
      const status = row.locator('[data-test-ok]');
      const text = await poll(
        async () => ((await status.count()) ? ((await status.textContent()) ?? '').trim() : ''),
        (v) => v !== '' && !/testing/i.test(v),
        20_000,
      );
      const ok = await status.getAttribute('data-test-ok').catch(() => null);
      await dashboard.close();
      if (ok !== 'true') throw new Error(`Test connection: ${text || 'no answer'}`);
      return text;
    },
  ]);

  steps.push([
    'Open a Zendesk ticket: the panel reads it and shows the personal data in it',
    async () => {
      customer = chooseTourCustomer(ctx.desk.desk.state());
      ticketPage = await browser.context.newPage();
      await ticketPage.goto(`https://acme.zendesk.com/agent/tickets/${customer.ticketId}`);
      const panel = panelOf(ticketPage);
      await panel.waitFor(WAIT);
      const findings = panel.getByRole('list', { name: 'Personal data on this page' }).getByRole('listitem');
      const count = await poll(
        () => findings.count(),
        (n) => n > 0,
      );
      if (count === 0) throw new Error('the panel showed no findings');
      const types = await findings.evaluateAll((items) => items.map((i) => i.getAttribute('data-pii-type')));
      await shot(ticketPage, '01-zendesk-ticket-panel.png');
      return `ticket #${customer.ticketId}: ${count} findings (${[...new Set(types)].join(', ')})`;
    },
  ]);

  steps.push([
    'Customer card, transfer flag and retention badge',
    async () => {
      if (!ticketPage || !customer) throw new Skip('no ticket open');
      const panel = panelOf(ticketPage);
      const card = panel.locator('[data-customer-email]');
      const email = await poll(
        () => card.getAttribute('data-customer-email'),
        (v) => v === customer!.email,
      );
      if (email !== customer.email) throw new Error(`the customer card shows ${email ?? 'nobody'}`);
      const transfer = panel.locator('[data-transfer="outside-eu"]');
      await transfer.waitFor(WAIT);
      const badge = panel.locator('[data-retention-state]');
      const state = await poll(
        () => badge.count().then((n) => (n ? badge.getAttribute('data-retention-state') : null)),
        (v) => v !== null,
      );
      const flag = ((await transfer.textContent()) ?? '').trim();
      return `card matches the desk's requester; transfer: "${flag}"; retention badge: ${state ?? 'not shown'}`;
    },
  ]);

  steps.push([
    'Retention: a ticket closed years ago shows its badge, and the Zendesk view pins what is due',
    async () => {
      const oldId = oldestClosedTicket(ctx.desk.desk.state(), customer?.email);
      if (oldId === undefined) throw new Skip('the desk holds no closed Zendesk ticket');
      const old = await browser.context.newPage();
      await old.goto(`https://acme.zendesk.com/agent/tickets/${oldId}`);
      const badge = panelOf(old).locator('[data-retention-state]');
      const state = await poll(
        () => badge.count().then((n) => (n ? badge.getAttribute('data-retention-state') : null)),
        (v) => v !== null,
      );
      await shot(old, '02-retention-badge.png');
      await old.close();
      // The list pins come from the last retention check: run it now from the dashboard ("Check now"), as the daily
      // alarm would, so the view shows what is due.
      const dashboard = await browser.context.newPage();
      await dashboard.goto(browser.extensionUrl('/dashboard.html'));
      const retention = dashboard.getByRole('region', { name: 'Retention due' });
      let checkNote = 'retention check not available';
      const checkNow = retention.getByRole('button', { name: 'Check now' });
      if (await usable(checkNow)) {
        await checkNow.click();
        const rows = await poll(
          () => retention.locator('tr[data-retention-state]').count(),
          (n) => n > 0,
          30_000,
        );
        checkNote = `"Check now" on the dashboard: ${rows} policy row(s) with items due`;
      }
      await dashboard.close();
      const view = await browser.context.newPage();
      await view.goto('https://acme.zendesk.com/agent/filters/360001');
      let pinsNote = 'retention pins on list views are not in this build (skipped)';
      if (await contentScriptsContain(ctx.extensionDir, PIN_HOST_ATTRIBUTE)) {
        const pins = await poll(
          () =>
            view.evaluate(
              (attribute) => document.querySelector(`[${attribute}]`)?.shadowRoot?.querySelectorAll('.pin').length ?? 0,
              PIN_HOST_ATTRIBUTE,
            ),
          (n) => n > 0,
          5_000,
        );
        pinsNote = `${pins} retention pin(s)`;
      }
      await shot(view, '03-zendesk-view.png');
      await view.close();
      return `ticket #${oldId}: badge ${state ?? 'not shown'} (the page shows no close date; the daily check asks the tool); ${checkNote}; Zendesk view: ${pinsNote}`;
    },
  ]);

  steps.push([
    'The same panel on a Gmail thread',
    async () => {
      const threadId = customer?.gmailThreadId ?? gmailThreads(ctx.desk.desk.tools.gmail)[0]?.id;
      if (!threadId) throw new Skip('the desk holds no Gmail thread');
      const gmail = await browser.context.newPage();
      await gmail.goto(gmailThreadUrl(threadId));
      const card = panelOf(gmail).locator('[data-customer-email]');
      const email = await poll(
        () => card.count().then((n) => (n ? card.getAttribute('data-customer-email') : null)),
        (v) => !!v,
      );
      const findings = await panelOf(gmail)
        .getByRole('list', { name: 'Personal data on this page' })
        .getByRole('listitem')
        .count();
      await shot(gmail, '04-gmail-thread-panel.png');
      await gmail.close();
      if (!email) throw new Error('the panel showed no customer on the Gmail thread');
      return `thread ${threadId}: customer card shown, ${findings} findings`;
    },
  ]);

  steps.push([
    'Export dossier: the ZIP of everything held about the customer',
    async () => {
      if (!ticketPage) throw new Skip('no ticket open');
      const exportButton = panelOf(ticketPage).getByRole('button', { name: 'Export dossier' });
      if (!(await usable(exportButton)))
        throw new Skip('the dossier export from the panel is not available in this build');
      // The panel hands the customer to the dashboard, which opens at #export/<token> with the export dialog.
      const opened = browser.context.waitForEvent('page', {
        predicate: (p) => p.url().includes('dashboard.html#export/'),
        timeout: 15_000,
      });
      await exportButton.first().click();
      const dashboard = await opened;
      const dialog = dashboard.getByRole('dialog', { name: 'Export dossier' });
      await dialog.waitFor(WAIT);
      const downloaded = browser.context.waitForEvent('download', { timeout: 60_000 }).catch(() => undefined);
      await dialog.getByRole('button', { name: 'Make dossier' }).click();
      const outcome = dialog.locator('[data-export-file], [role="alert"]');
      await outcome.first().waitFor({ timeout: 60_000 });
      await shot(dashboard, '05-export-dossier.png');
      const saved = await dialog
        .locator('[data-export-file]')
        .getAttribute('data-export-file')
        .catch(() => null);
      if (!saved) throw new Error(((await outcome.first().textContent()) ?? 'the export failed').trim());
      const download = await Promise.race([downloaded, new Promise<undefined>((r) => setTimeout(r, 5_000))]);
      const progress = (
        await dialog
          .locator('li')
          .allTextContents()
          .catch(() => [] as string[])
      ).join(', ');
      await dashboard.close();
      if (!download) return `the extension saved ${saved} to Downloads (the browser's copy was not handed to the tour)`;
      const target = join(outDir, 'dossier.zip');
      await download.saveAs(target);
      return `saved ${saved} → ${target}${progress ? ` (${progress.replace(/\s+/g, ' ')})` : ''}`;
    },
  ]);

  steps.push([
    'Forget this customer: the plan per tool, Forget permanently, the summary',
    async () => {
      if (!ticketPage) throw new Skip('no ticket open');
      const forget = panelOf(ticketPage).getByRole('button', { name: 'Forget this customer' });
      if (!(await usable(forget))) throw new Skip('erasure from the panel is not available in this build');
      await forget.first().click();
      const dialog = ticketPage.getByRole('dialog', { name: 'Forget this customer' });
      await dialog.waitFor(WAIT);
      const phase = () => dialog.getAttribute('data-phase');
      if ((await poll(phase, (p) => p !== 'planning', 30_000)) !== 'plan') throw new Error('no plan within 30 s');
      const plan = await dialog
        .locator('section[data-tool]')
        .evaluateAll((sections) =>
          sections.map((s) => `${s.getAttribute('data-tool')}: ${s.querySelector('p')?.textContent?.trim() ?? ''}`),
        );
      const notSearched = await dialog.getByText('could not be searched').count();
      await shot(ticketPage, '06-forget-plan.png');
      await dialog.getByRole('button', { name: 'Forget permanently' }).click();
      const end = await poll(phase, (p) => p === 'erased' || p === 'partial' || p === 'error', 60_000);
      await shot(ticketPage, '07-forget-summary.png');
      if (end !== 'erased' && end !== 'partial') throw new Error(`the job did not finish within 60 s (${end ?? '?'})`);
      const summary = ((await dialog.getByTestId('erasure-summary').textContent()) ?? '').trim();
      const unsearched = notSearched ? `; ${notSearched} tool(s) could not be searched` : '';
      return `plan: ${plan.join(', ')}${unsearched}; ${end === 'partial' ? 'partly erased' : 'erased'}: ${summary}`;
    },
  ]);

  steps.push([
    'The dashboard: Connections, Jobs, Retention due',
    async () => {
      const dashboard = await browser.context.newPage();
      await dashboard.goto(browser.extensionUrl('/dashboard.html'));
      await dashboard.getByRole('heading', { name: 'Connections', level: 2 }).waitFor(WAIT);
      await poll(
        () => dashboard.locator('[data-connection]').count(),
        (n) => n > 0,
        5_000,
      );
      // The retention check asks the tools for what their own dates say is due (daily, a minute after start,
      // or "Check now"); its count is the extension icon's badge.
      const checkNow = dashboard.getByRole('button', { name: 'Check now' });
      let waitMs = Math.max(0, ctx.launchedAt + 75_000 - Date.now());
      if (await usable(checkNow)) {
        await checkNow.first().click();
        await dashboard.getByText('Last checked').first().waitFor({ timeout: 30_000 });
        waitMs = 3_000;
      }
      const badge = await poll(
        () => dashboard.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.action.getBadgeText({})),
        (text) => text !== '',
        waitMs,
      );
      await dashboard.reload();
      await dashboard.getByRole('heading', { name: 'Connections', level: 2 }).waitFor(WAIT);
      await shot(dashboard, '08-dashboard.png', true);
      const headings = await dashboard.getByRole('heading', { level: 2 }).allTextContents();
      const connections = await dashboard.locator('[data-connection]').count();
      await dashboard.close();
      const due = badge ? `${badge} item(s) due` : 'no items due';
      return `sections: ${headings.join(', ')}; ${connections} connections; extension icon badge: ${due}`;
    },
  ]);

  for (const [index, [title, run]] of steps.entries()) {
    if (ctx.stopped?.()) break;
    console.log(`» [${index + 1}/${steps.length}] ${title}`);
    try {
      const detail = await run();
      results.push({ title, status: 'done', detail });
      console.log(`    done: ${detail}`);
    } catch (error) {
      const skipped = error instanceof Skip;
      if (ctx.stopped?.()) break;
      const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      results.push({ title, status: skipped ? 'skipped' : 'failed', detail });
      console.log(`    ${skipped ? 'skipped' : 'FAILED'}: ${detail}`);
    }
  }
  return results;
}

import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageHandler, startSession, type E2eSession } from './harness';

interface ChromeRuntime {
  sendMessage(message: unknown, callback: (response: unknown) => void): void;
}

const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/4821';

describe('the extension in Chromium', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startSession(
      pageHandler({ 'acme.zendesk.com': 'sample-ticket.html', 'example.org': 'sample-ticket.html' }),
    );
  });
  afterAll(async () => session?.close());

  it('shows the privacy panel on a Zendesk ticket served under its real host name', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(TICKET_URL);
    const panel = page.getByRole('complementary', { name: 'Privacy panel' });
    await expect.poll(() => panel.count()).toBe(1);
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Connected to PrivacyDesk');
    expect(await panel.textContent()).toContain('Tool: Zendesk');

    const dir = join(import.meta.dirname, '../../assets/screenshots');
    await mkdir(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'panel.png') });
    await page.close();
  });

  it('does not cover the tool own controls, collapsed or open', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(TICKET_URL);
    await page.getByRole('complementary', { name: 'Privacy panel' }).waitFor();
    const hitsOwnButton = () =>
      page.evaluate(() => {
        const button = document.getElementById('submit-as-solved');
        if (!button) return false;
        const box = button.getBoundingClientRect();
        return document.elementFromPoint(box.right - 2, box.top + box.height / 2) === button;
      });
    await expect.poll(hitsOwnButton).toBe(true);

    // Keyboard: focus the hide button, press Enter, then open again from the tab.
    await page.getByRole('button', { name: 'Hide privacy panel' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Show privacy panel' }).count()).toBe(1);
    await expect.poll(hitsOwnButton).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('complementary', { name: 'Privacy panel' }).count()).toBe(1);
    await page.close();
  });

  it('stays off pages that are not a supported tool', async () => {
    const page = await session.browser.context.newPage();
    await page.goto('https://example.org/agent/tickets/4821');
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await page.getByRole('complementary', { name: 'Privacy panel' }).count()).toBe(0);
    // A web page has no way to message the extension.
    expect(
      await page.evaluate(
        () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
      ),
    ).toBe('undefined');
    await page.close();
  });

  it('the background answers a ping from an extension page and refuses a malformed one', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.browser.extensionUrl('/dashboard.html'));
    const send = (data: unknown) =>
      page.evaluate(
        (payload) =>
          new Promise((resolve) => {
            const runtime = (globalThis as unknown as { chrome: { runtime: ChromeRuntime } }).chrome.runtime;
            runtime.sendMessage({ id: 1, type: 'ping', data: payload, timestamp: Date.now() }, resolve);
          }),
        data,
      );
    const answer = (await send({ from: 'dashboard' })) as { res?: { ok: boolean; version: string } };
    expect(answer.res).toMatchObject({ ok: true, version: '0.1.0' });
    const refused = (await send({ from: 'web-page' })) as { res?: unknown; err?: { message: string } };
    expect(refused.res).toBeUndefined();
    expect(refused.err?.message).toMatch(/from/);
    await page.close();
  });

  it('opens the dashboard with the UI contract headings', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.browser.extensionUrl('/dashboard.html'));
    for (const name of ['Customers', 'Retention due', 'Jobs', 'Audit log', 'Transfers', 'Connections']) {
      await expect.poll(() => page.getByRole('heading', { name, level: 2 }).count()).toBe(1);
    }
    await page.close();
  });

  it('opens the popup with the way to the dashboard', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.browser.extensionUrl('/popup.html'));
    await expect.poll(() => page.getByRole('heading', { name: 'PrivacyDesk', level: 1 }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Open dashboard' }).count()).toBe(1);
    await page.close();
  });

  it('asks for the least it can: no host access at install beyond the content script', async () => {
    const manifest = JSON.parse(
      await readFile(join(import.meta.dirname, '../../.output/chrome-mv3/manifest.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'activeTab', 'scripting', 'downloads']);
    expect(manifest.externally_connectable).toBeUndefined();
    const granted = await session.browser.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }
      ).chrome.permissions.getAll(),
    );
    // Chromium reports the content script's matches as granted origins; no API host is among them.
    expect(granted.origins ?? []).not.toContain('https://api.intercom.io/*');
    expect(granted.origins ?? []).not.toContain('https://gmail.googleapis.com/*');
  });

  it("lists the panel's scripts as separate entries in the order they run, on the same pages", async () => {
    const manifest = JSON.parse(
      await readFile(join(import.meta.dirname, '../../.output/chrome-mv3/manifest.json'), 'utf8'),
    ) as { content_scripts: { js: string[]; run_at: string; matches: string[] }[] };
    // One entry each: Chromium evaluates one entry's scripts in one task (entrypoints/panel-ui.content).
    expect(manifest.content_scripts.map((entry) => [entry.js, entry.run_at])).toEqual([
      [['content-scripts/panel.js'], 'document_start'],
      [['content-scripts/reader.js'], 'document_idle'],
      [['content-scripts/panel-ui.js'], 'document_idle'],
    ]);
    const [bootstrap, ...rest] = manifest.content_scripts.map((entry) => [...entry.matches].sort());
    for (const matches of rest) expect(matches).toEqual(bootstrap);
    expect(bootstrap?.length).toBeGreaterThan(0);
  });
});

/**
 * The generic reader in Chromium: on a page no site adapter covers, the user opens the toolbar popup and chooses
 * "Read this page"; the popup injects the reader (activeTab + scripting) and the panel lists what the page holds.
 * The toolbar click is real: Chromium's DevTools protocol `Extensions.triggerAction` (needs
 * --enable-unsafe-extension-debugging over the pipe Playwright uses), so activeTab is granted as for a user.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, EXTENSION_DIR } from '../../demo/chromium';
import { hostResolverRules, startHttpsServer, type RunningServer } from '../../demo/https-server';

const HOST = 'orders.webshop-delta.nl';
const ORDER_PAGE = `<!doctype html><html lang="nl"><head><title>Bestelling 4711</title></head><body>
<h1>Bestelling 4711</h1>
<p id="address">Afleveradres: Kerkstraat 12, 3511 LX Utrecht. Terugbetalen op NL91 ABNA 0417 1643 00.</p>
<p id="contact">Klant: <a href="mailto:sanne.devries@ziggo.nl">Sanne de Vries</a>, bel 06-12345678.</p>
<p style="display:none">Verborgen: NL02 RABO 0123 4567 89</p>
</body></html>`;

interface Session {
  context: BrowserContext;
  browserCdp: CDPSession;
  extensionId: string;
  close(): Promise<void>;
}

async function start(server: RunningServer): Promise<Session> {
  const profile = await mkdtemp(join(tmpdir(), 'privacydesk-reader-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    locale: 'en-US',
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--enable-unsafe-extension-debugging',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--lang=en-US',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${hostResolverRules([HOST], server.port)}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const browserCdp = await context.browser()!.newBrowserCDPSession();
  return {
    context,
    browserCdp,
    extensionId: new URL(worker.url()).host,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Clicks the toolbar button for the tab showing `page`, then "Read this page" in the popup it opens. */
async function readThisPage(session: Session, page: Page): Promise<void> {
  const cdp = session.browserCdp;
  // Extensions.* and tab targets are newer than Playwright's protocol types.
  const send = cdp.send.bind(cdp) as unknown as (method: string, params?: object) => Promise<unknown>;
  const targets = async (filter?: object[]) =>
    ((await send('Target.getTargets', filter ? { filter } : {})) as { targetInfos: TargetInfo[] }).targetInfos;
  const tab = (await targets([{ type: 'tab' }])).find((t) => t.url === page.url());
  if (!tab) throw new Error('tab not found');
  await send('Extensions.triggerAction', { id: session.extensionId, targetId: tab.targetId });
  let popup: TargetInfo | undefined;
  await expect.poll(async () => (popup = (await targets()).find((t) => t.url.endsWith('/popup.html')))).toBeTruthy();
  // The popup is not a tab Playwright attaches to: drive it over its own protocol session.
  const { sessionId } = (await send('Target.attachToTarget', { targetId: popup!.targetId, flatten: false })) as {
    sessionId: string;
  };
  let next = 0;
  const answers = new Map<number, (value: unknown) => void>();
  const onMessage = (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id: number; result?: { result?: { value?: unknown } } };
    answers.get(message.id)?.(message.result?.result?.value);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  const evaluate = (expression: string) =>
    new Promise<unknown>((resolve) => {
      const id = ++next;
      answers.set(id, resolve);
      const params = { expression, userGesture: true, returnByValue: true };
      void send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method: 'Runtime.evaluate', params }),
      });
    });
  const click = `(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Read this page');
    if (!button) return 'waiting';
    button.click();
    return 'clicked';
  })()`;
  await expect.poll(() => evaluate(click)).toBe('clicked');
  await expect
    .poll(() => evaluate(`document.querySelector('[role="status"]')?.textContent ?? ''`))
    .toBe('The privacy panel is reading this page.');
  cdp.off('Target.receivedMessageFromTarget', onMessage);
}

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Privacy panel' });
const typesIn = (page: Page) =>
  panelOf(page)
    .getByRole('list', { name: 'Personal data on this page' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-pii-type')));

describe('the generic reader (popup "Read this page")', () => {
  let server: RunningServer;
  let session: Session;
  beforeAll(async () => {
    server = await startHttpsServer([HOST], (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ORDER_PAGE);
    });
    session = await start(server);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('runs on no page outside the tools until the user asks', async () => {
    const page = await session.context.newPage();
    await page.goto(`https://${HOST}/orders/4711`);
    await page.waitForTimeout(500);
    expect(await page.locator('privacydesk-panel').count()).toBe(0);
    await page.close();
  });

  it('reads the visible text and the mailto: links of the page', async () => {
    const page = await session.context.newPage();
    await page.goto(`https://${HOST}/orders/4711`);
    await readThisPage(session, page);
    const card = panelOf(page).locator('[data-customer-email]');
    await expect.poll(() => card.getAttribute('data-customer-email')).toBe('sanne.devries@ziggo.nl');
    await expect.poll(() => typesIn(page)).toEqual(expect.arrayContaining(['IBAN', 'PHONE', 'POSTCODE']));
    // The hidden paragraph's account is not what the agent sees, so it is not listed; values are masked.
    const list = await panelOf(page).getByRole('list', { name: 'Personal data on this page' }).textContent();
    expect(list).toContain('NL91');
    expect(list).not.toContain('NL02');
    expect(list).not.toContain('0417 1643');
    await page.close();
  });

  it('reads only the selection when the user selected text', async () => {
    const page = await session.context.newPage();
    await page.goto(`https://${HOST}/orders/4711`);
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('contact')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await readThisPage(session, page);
    await expect.poll(() => typesIn(page)).toContain('PHONE');
    const types = await typesIn(page);
    expect(types).not.toContain('IBAN');
    expect(types).not.toContain('POSTCODE');
    await page.close();
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handler } from '../../demo/https-server';
import { startSession, type E2eSession } from './harness';

const fixtures = join(import.meta.dirname, '../fixtures/sites');
const ZENDESK = 'https://fietsenhuis.zendesk.com/agent/tickets/4821';

/** Serves the site fixtures under the tools' real host names; the page's own scripts are off (as the tools sanitise mail). */
const fixtureHandler: Handler = async (_req, res, url) => {
  const [site, file] =
    url.searchParams.get('fixture')?.split('/') ??
    (url.host.endsWith('zendesk.com') ? ['zendesk', 'conversation'] : ['gmail', 'conversation']);
  const html = await readFile(join(fixtures, site ?? '', `${file ?? ''}.html`));
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" })
    .end(html);
};

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Privacy panel' });

describe('the privacy panel on the tools', () => {
  let session: E2eSession;
  beforeAll(async () => {
    session = await startSession(fixtureHandler, ['fietsenhuis.zendesk.com', 'mail.google.com']);
  });
  afterAll(async () => session?.close());

  it('reads a Zendesk ticket: customer card, findings by type, transfer flag, retention badge', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(ZENDESK);
    const panel = panelOf(page);
    const card = panel.locator('[data-customer-email]');
    await expect.poll(() => card.getAttribute('data-customer-email')).toBe('emma.visser@kpnmail.nl');
    const findings = panel.getByRole('list', { name: 'Personal data on this page' }).getByRole('listitem');
    await expect.poll(() => findings.count()).toBeGreaterThan(2);
    const types = await findings.evaluateAll((items) => items.map((i) => i.getAttribute('data-pii-type')));
    expect(types).toEqual(expect.arrayContaining(['EMAIL', 'PHONE', 'IBAN']));
    // Values are masked in the panel.
    expect(await panel.getByRole('list', { name: 'Personal data on this page' }).textContent()).not.toContain(
      'emma.visser@kpnmail.nl',
    );
    await expect.poll(() => panel.locator('[data-transfer="outside-eu"]').textContent()).toContain('United States');
    await expect.poll(() => panel.locator('[data-retention-state]').getAttribute('data-retention-state')).toBe('ok');
    await expect.poll(() => card.textContent()).toContain('In the register: 1 tools, 1 conversations');
    await page.close();
  });

  it('choosing a finding highlights it in the page without changing the page DOM', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(ZENDESK);
    await expect.poll(() => panelOf(page).locator('[data-pii-type="IBAN"]').count()).toBeGreaterThan(0);
    const before = await page.evaluate(() => document.body.querySelectorAll('*').length);
    const iban = panelOf(page).locator('[data-pii-type="IBAN"] button').first();
    await iban.click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('privacydesk-finding'))).toBe(true);
    const highlighted = await page.evaluate(() => {
      const h = CSS.highlights.get('privacydesk-finding');
      return h ? [...h].map((r) => r.toString()) : [];
    });
    expect(highlighted[0]?.replace(/\s/g, '')).toMatch(/^NL\d\d[A-Z]{4}\d{10}$/);
    expect(await page.evaluate(() => document.body.querySelectorAll('*').length)).toBe(before);
    await page.close();
  });

  it('"Keep this message" is stored as a hold and stays pressed after a reload', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(ZENDESK);
    const keep = panelOf(page).getByRole('button', { name: 'Keep this message' }).first();
    await expect.poll(() => keep.getAttribute('aria-pressed')).toBe('false');
    await keep.click();
    await expect.poll(() => keep.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    const again = panelOf(page).getByRole('button', { name: 'Keep this message' }).first();
    await expect.poll(() => again.getAttribute('aria-pressed')).toBe('true');
    await again.click();
    await expect.poll(() => again.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('hostile mail content never runs or rewrites the panel', async () => {
    const page = await session.browser.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/?fixture=gmail/hostile#inbox/FMfcgzQXJWDsKmlPdqrJwFzhgxBHwxQr');
    // Located by CSS: Playwright's role engine does not see the landmark on this deliberately broken page.
    const panel = page.locator('privacydesk-panel aside');
    await expect.poll(() => panel.locator('[data-customer-email]').count()).toBe(1);
    const shadowImgs = await page.evaluate(() => {
      const host = document.querySelector('privacydesk-panel');
      const root = host?.shadowRoot;
      return root ? root.querySelectorAll('img, script, a[href^="javascript:"], iframe').length : -1;
    });
    expect(shadowImgs).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await panel.textContent()).toContain('Mallory');
    expect(await panel.textContent()).not.toContain('\u202e');
    await page.close();
  });

  it('a changed layout says "Page layout not recognised" and offers diagnostics', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`https://fietsenhuis.zendesk.com/agent/tickets/4821?fixture=zendesk/changed-layout`);
    const panel = panelOf(page);
    await expect.poll(() => panel.getByText('Page layout not recognised').count()).toBe(1);
    await expect.poll(() => panel.getByRole('button', { name: 'Copy diagnostics' }).count()).toBe(1);
    await page.close();
  });

  it('after in-app navigation to another ticket the panel shows only the new one', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(ZENDESK);
    const card = panelOf(page).locator('[data-customer-email]');
    await expect.poll(() => card.getAttribute('data-customer-email')).toBe('emma.visser@kpnmail.nl');
    // The app swaps the ticket in place and changes the URL, as Zendesk's agent workspace does.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[data-ticket-id="4821"]')) el.setAttribute('data-ticket-id', '4999');
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        n.textContent = (n.textContent ?? '').replaceAll('emma.visser@kpnmail.nl', 'joost.bakker@example.nl');
      }
      for (const el of document.querySelectorAll('[data-email], [title], [href^="mailto:"]')) {
        for (const attr of ['data-email', 'title', 'href']) {
          const v = el.getAttribute(attr);
          if (v?.includes('emma.visser@kpnmail.nl'))
            el.setAttribute(attr, v.replaceAll('emma.visser@kpnmail.nl', 'joost.bakker@example.nl'));
        }
      }
      history.pushState({}, '', '/agent/tickets/4999');
    });
    await expect.poll(() => card.getAttribute('data-customer-email')).toBe('joost.bakker@example.nl');
    await page.close();
  });
});

/** The narrated tour the demo runs without a display: each step says what it shows and saves a screenshot. */
import { join } from 'node:path';
import type { ExtensionBrowser } from './chromium';

export async function runTour(browser: ExtensionBrowser, outDir: string): Promise<string[]> {
  const summary: string[] = [];
  const step = (text: string) => {
    console.log(`» ${text}`);
  };

  step('Opening a Zendesk ticket at https://acme.zendesk.com/agent/tickets/4821');
  const page = await browser.context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/4821');
  const panel = page.getByRole('complementary', { name: 'Privacy panel' });
  await panel.waitFor({ timeout: 15_000 });
  await page.getByRole('status').filter({ hasText: 'Connected to PrivacyDesk' }).waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(outDir, '01-ticket-with-panel.png') });
  summary.push('Privacy panel shown on the Zendesk ticket and connected to the background: yes');

  step('Opening the dashboard');
  const dashboard = await browser.context.newPage();
  await dashboard.goto(browser.extensionUrl('/dashboard.html'));
  await dashboard.getByRole('heading', { name: 'Customers', level: 2 }).waitFor({ timeout: 15_000 });
  await dashboard.screenshot({ path: join(outDir, '02-dashboard.png'), fullPage: true });
  const headings = await dashboard.getByRole('heading', { level: 2 }).allTextContents();
  summary.push(`Dashboard sections: ${headings.join(', ')}`);
  return summary;
}

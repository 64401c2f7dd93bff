/**
 * `npm run demo`: builds the extension, starts the local stand-in for the tools under their real host
 * names, and launches Debian's Chromium with the extension loaded. With a display it opens a window to
 * click around in; without one it runs a narrated tour, saves screenshots under demo-output/, prints a
 * summary and exits, leaving no processes behind.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launchWithExtension } from './chromium';
import { hostResolverRules, startHttpsServer } from './https-server';
import { demoHandler, DEMO_HOSTS } from './sample-site';
import { runTour } from './tour';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'demo-output');
const interactive = Boolean(process.env.DISPLAY) && process.env.CI !== 'true' && !process.argv.includes('--tour');

async function main(): Promise<void> {
  console.log('» Building the extension (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

  const server = await startHttpsServer(DEMO_HOSTS, demoHandler);
  console.log(`» Demo desk listening on 127.0.0.1:${server.port} for ${DEMO_HOSTS.join(', ')}`);
  const browser = await launchWithExtension({
    hostResolverRules: hostResolverRules(DEMO_HOSTS, server.port),
    headless: !interactive,
  });
  const shutdown = async () => {
    await browser.close();
    await server.close();
  };
  process.once('SIGINT', () => void shutdown().then(() => process.exit(130)));

  try {
    if (interactive) {
      const page = await browser.context.newPage();
      await page.goto('https://acme.zendesk.com/agent/tickets/4821');
      console.log('» Chromium is open on a Zendesk ticket. Close the window (or press Ctrl+C) to stop.');
      await new Promise<void>((done) => browser.context.on('close', () => done()));
    } else {
      await mkdir(outDir, { recursive: true });
      const summary = await runTour(browser, outDir);
      console.log('\nDemo summary');
      for (const line of summary) console.log(`  ${line}`);
      console.log(`\nScreenshots in ${outDir}`);
    }
  } finally {
    await shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

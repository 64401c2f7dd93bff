/**
 * `npm run demo`: builds the extension, starts the demo desk (the tools' pages and API stand-ins on one
 * local HTTPS server under their real host names) and launches Debian's Chromium with the extension.
 * With a display it opens a window to click around in; without one (or with --tour) it runs the narrated
 * tour, saves screenshots under demo-output/, prints a summary and exits, leaving no processes behind.
 * Flags: --tour (the tour even with a display), --no-build (use the extension already in .output/).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request } from 'node:https';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './chromium';
import { hostResolverRules } from './https-server';
import { demoConnectionsFile, startDemoDesk, type RunningDemoDesk } from './site';
import { chooseTourCustomer } from './site/tour-customer';
import { runTour, type StepResult } from './tour';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'demo-output');
let interrupted = false;
const interactive = Boolean(process.env.DISPLAY) && process.env.CI !== 'true' && !process.argv.includes('--tour');

/** GET /__demo/state over HTTPS from the running desk (the same endpoint the e2e tests read). */
function fetchState(port: number): Promise<Record<string, unknown>> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/__demo/state',
        servername: 'acme.zendesk.com',
        headers: { host: 'acme.zendesk.com' },
        rejectUnauthorized: false, // the desk's certificate is self-signed, made at start
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            done(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
          } catch (error) {
            fail(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', fail);
    req.end();
  });
}

const COUNTED: [string, string, string][] = [
  ['zendesk', 'tickets', 'Zendesk tickets'],
  ['gmail', 'messages', 'Gmail messages'],
  ['helpscout', 'conversations', 'Help Scout conversations'],
  ['freshdesk', 'tickets', 'Freshdesk tickets'],
  ['front', 'conversations', 'Front conversations'],
  ['intercom', 'conversations', 'Intercom conversations'],
];

function counts(state: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [tool, key, label] of COUNTED) {
    const list = (state[tool] as Record<string, unknown> | undefined)?.[key];
    out.set(label, Array.isArray(list) ? list.length : 0);
  }
  return out;
}

/** "zendesk GET 200 ×3, gmail OPTIONS 401 ×1": what the extension asked of the stand-ins. */
function requestBreakdown(desk: RunningDemoDesk): string {
  const groups = new Map<string, number>();
  for (const r of desk.desk.requests) {
    const key = `${r.tool} ${r.method} ${r.status}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, n]) => `${key} ×${n}`).join(', ') || 'none';
}

function printSummary(
  results: StepResult[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  desk: RunningDemoDesk,
) {
  console.log('\nDemo summary');
  for (const r of results)
    console.log(
      `  ${r.status === 'done' ? '✓' : r.status === 'skipped' ? '–' : '✗'} ${r.status}: ${r.title} — ${r.detail}`,
    );
  const b = counts(before);
  const a = counts(after);
  console.log('  Held by the stand-ins (GET /__demo/state), before → after:');
  for (const [label, n] of b) console.log(`    ${label}: ${n} → ${a.get(label) ?? 0}`);
  const violations = Array.isArray(after.violations) ? after.violations.length : 0;
  console.log(`  API requests the desk answered: ${String(after.request_count)} (${requestBreakdown(desk)})`);
  console.log(`  Vendor-description violations: ${violations}`);
  console.log(`  Screenshots and files in ${outDir}`);
}

async function interactiveSession(browser: ExtensionBrowser, desk: RunningDemoDesk): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'demo-connections.json');
  await writeFile(file, JSON.stringify(demoConnectionsFile(), null, 2));
  const dashboard = await browser.context.newPage();
  await dashboard.goto(browser.extensionUrl('/dashboard.html'));
  await dashboard.getByLabel('Import connections file').setInputFiles(file);
  const customer = chooseTourCustomer(desk.desk.state());
  const page = await browser.context.newPage();
  await page.goto(`https://acme.zendesk.com/agent/tickets/${customer.ticketId}`);
  console.log('» Chromium is open on a Zendesk ticket, with the demo connections imported on the dashboard.');
  console.log('  Also try https://acme.zendesk.com/agent/filters/360001, https://mail.google.com/mail/u/0/#inbox');
  console.log('  Close the window (or press Ctrl+C) to stop.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
}

async function main(): Promise<number> {
  if (process.argv.includes('--no-build')) console.log('» Using the extension already built in .output/chrome-mv3');
  else {
    console.log('» Building the extension (wxt build)…');
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }

  // A private copy of the build, so another `wxt build` in this checkout cannot swap it under the browser.
  const extensionDir = await mkdtemp(join(tmpdir(), 'privacydesk-demo-extension-'));
  let desk: RunningDemoDesk | undefined;
  let browser: ExtensionBrowser | undefined;
  let closing: Promise<void> | undefined;
  const shutdown = () =>
    (closing ??= (async () => {
      await browser?.close().catch(() => undefined);
      await desk?.close().catch(() => undefined);
      await rm(extensionDir, { recursive: true, force: true });
    })());
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    console.log('\n» Interrupted: closing Chromium and the demo desk…');
    void shutdown().then(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    await cp(EXTENSION_DIR, extensionDir, { recursive: true });
    desk = await startDemoDesk();
    console.log(`» Demo desk on 127.0.0.1:${desk.port} for ${desk.hosts.join(', ')}`);
    const launchedAt = Date.now();
    browser = await launchWithExtension({
      hostResolverRules: hostResolverRules(desk.hosts, desk.port),
      extensionDir,
      headless: !interactive,
    });
    // Playwright's own Ctrl+C handler exits the process as soon as the browser is gone, before the desk and the
    // temporary folders are cleaned up; ours closes the browser too, then everything else.
    for (const listener of process.listeners('SIGINT')) if (listener !== onSignal) process.off('SIGINT', listener);
    if (interactive) {
      await interactiveSession(browser, desk);
      return 0;
    }
    await mkdir(outDir, { recursive: true });
    const started = Date.now();
    const before = await fetchState(desk.port);
    const results = await runTour({ browser, desk, outDir, launchedAt, extensionDir, stopped: () => interrupted });
    if (interrupted) return 130;
    const after = await fetchState(desk.port);
    printSummary(results, before, after, desk);
    console.log(`  Tour took ${Math.round((Date.now() - started) / 1000)} s`);
    return results.some((r) => r.status === 'failed') ? 1 : 0;
  } finally {
    await shutdown();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

/**
 * Starts Debian's Chromium with the built extension loaded (playwright-core, no browser download),
 * the tools' host names mapped to the local HTTPS server, and the UI in English.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');

export interface LaunchOptions {
  hostResolverRules: string;
  headless?: boolean;
  extensionDir?: string;
  lang?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const headless = options.headless ?? true;
  const lang = options.lang ?? 'en-US';
  const profile = await mkdtemp(join(tmpdir(), 'privacydesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    locale: lang,
    viewport: { width: 1280, height: 800 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
      '--ignore-certificate-errors',
      `--host-resolver-rules=${options.hostResolverRules}`,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

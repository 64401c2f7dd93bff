/** Shared e2e set-up: the local HTTPS server on real host names and Chromium with the extension. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../../demo/chromium';
import { hostResolverRules, startHttpsServer, type Handler, type RunningServer } from '../../demo/https-server';

export const SAMPLE_HOSTS = ['acme.zendesk.com', 'mail.google.com', 'example.org'] as const;

export interface E2eSession {
  server: RunningServer;
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

export async function startSession(handler: Handler, hosts: readonly string[] = SAMPLE_HOSTS): Promise<E2eSession> {
  const server = await startHttpsServer(hosts, handler);
  try {
    const browser = await launchWithExtension({ hostResolverRules: hostResolverRules(hosts, server.port) });
    return {
      server,
      browser,
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Serves a file from demo/pages for any path on the given host. */
export function pageHandler(pages: Record<string, string>): Handler {
  return async (_req, res, url) => {
    const file = pages[url.host];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const html = await readFile(join(import.meta.dirname, '../../demo/pages', file));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  };
}

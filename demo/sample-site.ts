/** Pages of the demo desk: the tools' web apps as the extension sees them, under their real host names. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handler } from './https-server';

export const DEMO_HOSTS = ['acme.zendesk.com'] as const;

const pages: Record<string, string> = {
  'acme.zendesk.com': 'sample-ticket.html',
};

export const demoHandler: Handler = async (_req, res, url) => {
  const file = pages[url.host];
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not part of the demo desk');
    return;
  }
  const html = await readFile(join(import.meta.dirname, 'pages', file));
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
};

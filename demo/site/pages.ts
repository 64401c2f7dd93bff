/**
 * The tools' web pages on the demo desk, rendered on each request from the stand-ins' current state, so
 * the page the panel reads is exactly what the APIs hold (an erased ticket is gone from both).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StandIns } from '../desk';
import { gmailAppPage } from './gmail-pages';
import { helpscoutConversationPage } from './helpscout-pages';
import { zendeskTicketPage, zendeskViewPage } from './zendesk-pages';

export const PAGE_HOSTS = ['acme.zendesk.com', 'mail.google.com', 'secure.helpscout.net'] as const;

/** Whether the URL is one of the tools' pages (the rest of acme.zendesk.com is its API). */
export function isPageUrl(url: URL): boolean {
  if (url.hostname === 'acme.zendesk.com')
    return url.pathname === '/agent' || url.pathname.startsWith('/agent/') || url.pathname === '/favicon.ico';
  return url.hostname === 'mail.google.com' || url.hostname === 'secure.helpscout.net';
}

/** The page's HTML, or undefined for a page the desk does not have (answered 404). */
export function renderPage(tools: StandIns, url: URL, now = Date.now()): string | undefined {
  if (url.hostname === 'acme.zendesk.com') {
    tools.zendesk.tick(now);
    const ticket = /^\/agent\/tickets\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1];
    if (ticket) return zendeskTicketPage(tools.zendesk, Number(ticket));
    if (/^\/agent\/(?:filters\/\d+|dashboard)?\/?$/.test(url.pathname) || url.pathname === '/agent')
      return zendeskViewPage(tools.zendesk);
    return undefined;
  }
  if (url.hostname === 'mail.google.com') {
    tools.gmail.tick(now);
    return /^\/mail\/u\/\d+\/?$/.test(url.pathname) ? gmailAppPage(tools.gmail) : undefined;
  }
  if (url.hostname === 'secure.helpscout.net') {
    tools.helpscout.tick(now);
    const id = /^\/conversation\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1];
    return id ? helpscoutConversationPage(tools.helpscout, Number(id)) : undefined;
  }
  return undefined;
}

export function servePage(tools: StandIns, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const html = renderPage(tools, url);
  if (html === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('This page is not on the demo desk.');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
}

/** The two ways into the desk: node:https (for Chromium) and an in-process fetch (for vitest, no sockets). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeReply, type Desk } from './desk';
import type { DeskRequest } from './types';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export type DeskFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

function headerRecord(headers: Headers | IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers instanceof Headers) headers.forEach((v, k) => (out[k.toLowerCase()] = v));
  else
    for (const [k, v] of Object.entries(headers))
      if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/**
 * CORS as the tools' APIs answer browser clients: headless Chromium cannot accept the extension's
 * optional host-permission prompt, so the extension's pages reach the stand-ins as cross-origin requests.
 */
function answerCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('access-control-expose-headers', '*');
  res.setHeader('vary', 'Origin');
  if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) return false;
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'authorization, content-type',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}

export function nodeHandler(desk: Desk): NodeHandler {
  return async (req, res, url) => {
    if (answerCors(req, res)) return;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const deskReq: DeskRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      url,
      headers: headerRecord(req.headers),
      rawBody: Buffer.concat(chunks).toString('utf8'),
    };
    const outcome = desk.dispatch(deskReq);
    if (outcome.hangMs !== undefined) {
      const timer = setTimeout(() => res.socket?.destroy(), outcome.hangMs);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    const { status, headers, body } = encodeReply(outcome.reply);
    res.writeHead(status, headers);
    res.end(body ?? undefined);
  };
}

export function fetchFor(desk: Desk): DeskFetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    const headers = new Headers(init?.headers ?? request?.headers);
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    let rawBody = '';
    if (init?.body !== undefined && init.body !== null) rawBody = await new Response(init.body).text();
    else if (request && request.body) rawBody = await request.text();
    const signal = init?.signal ?? request?.signal;
    if (signal?.aborted) throw signal.reason;
    if (!desk.handles(url) && url.pathname !== '/__demo/state') {
      throw new TypeError(`fetch failed: ${url.host} is not a demo desk host (no network in tests)`);
    }
    const outcome = desk.dispatch({ method, url, headers: headerRecord(headers), rawBody });
    if (outcome.hangMs !== undefined) {
      const hangMs = outcome.hangMs;
      return new Promise<Response>((_resolve, reject) => {
        const timer = setTimeout(
          () => reject(new TypeError('fetch failed: connection dropped (injected timeout)')),
          hangMs,
        );
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      });
    }
    const { status, headers: out, body } = encodeReply(outcome.reply);
    return new Response(body, { status, headers: out });
  };
}

/**
 * A local HTTPS server that answers for the tools' real host names. Chromium is started with
 * --host-resolver-rules mapping those names to 127.0.0.1:<port>, so the extension runs with its real
 * match patterns and calls the real API URLs. The certificate is self-signed, made at start.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function startHttpsServer(
  hostNames: readonly string[],
  handler: Handler,
  options: { port?: number } = {},
): Promise<RunningServer> {
  const pems = await generate([{ name: 'commonName', value: 'privacydesk-demo.local' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 2 * 24 * 3600 * 1000),
    extensions: [{ name: 'subjectAltName', altNames: hostNames.map((value) => ({ type: 2 as const, value })) }],
  });
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'localhost'}`);
    Promise.resolve(handler(req, res, url)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`demo desk error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The --host-resolver-rules value that sends each host name to the local server. */
export function hostResolverRules(hostNames: readonly string[], port: number): string {
  return [...hostNames.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'EXCLUDE localhost'].join(', ');
}

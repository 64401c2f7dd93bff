/**
 * The whole demo desk on one HTTPS server: the tools' pages (Zendesk agent workspace, Gmail, Help Scout) and
 * their API stand-ins, under the real host names. Used by `npm run demo` and by the e2e tests.
 */
import { createDesk, type DemoDesk, type DeskOptions } from '../desk';
import { startHttpsServer } from '../https-server';
import { isPageUrl, PAGE_HOSTS, servePage } from './pages';

export { demoConnectionsFile } from './connections-file';
export { gmailThreadUrl } from './gmail-pages';
export { helpscoutConversationUrl } from './helpscout-pages';
export { PAGE_HOSTS, renderPage } from './pages';

export interface RunningDemoDesk {
  /** Every host name served (pages and APIs), for --host-resolver-rules. */
  hosts: string[];
  port: number;
  desk: DemoDesk;
  close(): Promise<void>;
}

export async function startDemoDesk(
  opts: Omit<DeskOptions, 'port'> & { port?: number } = {},
): Promise<RunningDemoDesk> {
  const { port, ...deskOptions } = opts;
  const desk = createDesk(deskOptions);
  const hosts = [...new Set([...desk.hosts, ...PAGE_HOSTS])];
  const server = await startHttpsServer(
    hosts,
    async (req, res, url) => {
      if (isPageUrl(url)) servePage(desk.tools, req, res, url);
      else await desk.handler(req, res, url); // the desk answers CORS itself (demo/desk/core/transport.ts)
    },
    { port: port ?? 0 },
  );
  return { hosts, port: server.port, desk, close: () => server.close() };
}

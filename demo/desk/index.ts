/**
 * The demo desk: stateful in-memory stand-ins for Zendesk, Gmail, Help Scout, Freshdesk, Front and Intercom.
 * Use it behind the local HTTPS server (Chromium, e2e, `npm run demo`) or in-process through `deskFetch`
 * (vitest contract tests, no sockets). Every request to a tool with a vendor OpenAPI description is validated
 * against it; violations answer 400 and are listed in `violations` (tests assert it stays empty).
 */
import { startHttpsServer, type RunningServer } from '../https-server';
import { Desk } from './core/desk';
import type { FaultOptions } from './core/faults';
import type { SeedData } from './core/seed-model';
import type { StandInOptions } from './core/stand-in';
import { fetchFor, nodeHandler, type DeskFetch, type NodeHandler } from './core/transport';
import type { LoggedRequest, ToolId, Violation } from './core/types';
import { FreshdeskStandIn } from './freshdesk';
import { FrontStandIn } from './front';
import { GmailStandIn } from './gmail';
import { HelpScoutStandIn } from './helpscout';
import { IntercomStandIn } from './intercom';
import { generateSeed } from './seed';
import { ZendeskStandIn } from './zendesk';

export { DEMO_CREDENTIALS } from './core/auth';
export { STATE_PATH } from './core/desk';
export type { FaultKind, FaultOptions } from './core/faults';
export { AGENT, HOLD_TAG } from './core/seed-model';
export type { SeedConversation, SeedCustomer, SeedData } from './core/seed-model';
export { TOOL_IDS } from './core/types';
export type { LoggedRequest, ToolId, Violation } from './core/types';
export type { DeskFetch } from './core/transport';
export { bulkCustomer, generateSeed } from './seed';

export interface DeskOptions {
  /** Listen on this port with the HTTPS server (0 = any free port). Omit for in-process use only. */
  port?: number;
  faults?: FaultOptions;
  /** A seed number for generateSeed (default 42), ready-made SeedData, or false for empty stand-ins. */
  seed?: number | SeedData | false;
  /** The clock (epoch ms); tests pass a controllable one to step through rate-limit windows. */
  now?: () => number;
  /** Requests per minute per tool before 429 (Gmail: quota units). Defaults: the tools' usual plan limits. */
  limits?: Partial<Record<ToolId, number>>;
  /** Delay before asynchronous deletions (Zendesk jobs, Freshdesk bulk_delete, Help Scout async) take effect. */
  asyncDelayMs?: number;
}

export interface StandIns {
  zendesk: ZendeskStandIn;
  gmail: GmailStandIn;
  helpscout: HelpScoutStandIn;
  freshdesk: FreshdeskStandIn;
  front: FrontStandIn;
  intercom: IntercomStandIn;
}

export interface DemoDesk {
  /** Host names the stand-ins answer for (for the certificate and --host-resolver-rules). */
  hosts: string[];
  /** For startHttpsServer(hosts, handler). */
  handler: NodeHandler;
  /** fetch-compatible, in-process; throws like a network error for hosts that are not on the desk. */
  deskFetch: DeskFetch;
  /** What each stand-in holds now (the same JSON as GET /__demo/state). */
  state(): Record<string, unknown>;
  /** Empties the stand-ins and loads the seed again; clears violations, the request log and budgets. */
  reset(seed?: number | SeedData | false): void;
  /** Requests that broke the vendor description or the tool's public docs. */
  violations: Violation[];
  /** Every request answered, in order (tool, method, path, status, operation, fault). */
  requests: LoggedRequest[];
  /** The stand-ins, for tests that add data (addConversation) or inspect it. */
  tools: StandIns;
  /** Whether a URL is answered by the desk. */
  handles(url: URL | string): boolean;
  /** The HTTPS server when `port` was given. */
  server?: RunningServer;
  close(): Promise<void>;
}

/** Builds the desk without a server (synchronous; for in-process tests). */
export function createDesk(opts: DeskOptions = {}): DemoDesk {
  const now = opts.now ?? Date.now;
  const o = (tool: ToolId): StandInOptions => ({ perMinute: opts.limits?.[tool], asyncDelayMs: opts.asyncDelayMs });
  const tools: StandIns = {
    zendesk: new ZendeskStandIn(o('zendesk')),
    gmail: new GmailStandIn(o('gmail')),
    helpscout: new HelpScoutStandIn(o('helpscout')),
    freshdesk: new FreshdeskStandIn(o('freshdesk')),
    front: new FrontStandIn(o('front')),
    intercom: new IntercomStandIn(o('intercom')),
  };
  const desk = new Desk(Object.values(tools), now, opts.faults);
  const load = (seed: DeskOptions['seed']) => {
    for (const s of desk.standIns) s.clear();
    if (seed === false) return;
    const data = typeof seed === 'object' ? seed : generateSeed({ seed: seed ?? 42, now: now() });
    for (const s of desk.standIns) s.load(data);
  };
  load(opts.seed);
  return {
    hosts: desk.hosts,
    handler: nodeHandler(desk),
    deskFetch: fetchFor(desk),
    state: () => desk.state(),
    reset: (seed = opts.seed) => {
      desk.reset();
      load(seed);
    },
    violations: desk.violations,
    requests: desk.requests,
    tools,
    handles: (url) => desk.handles(typeof url === 'string' ? new URL(url) : url),
    close: async () => {},
  };
}

/** Builds the desk and, when `port` is given, serves it over HTTPS with a fresh self-signed certificate. */
export async function startDesk(opts: DeskOptions = {}): Promise<DemoDesk> {
  const desk = createDesk(opts);
  if (opts.port === undefined) return desk;
  const server = await startHttpsServer(desk.hosts, desk.handler, { port: opts.port });
  return { ...desk, server, close: () => server.close() };
}

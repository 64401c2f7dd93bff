/**
 * The demo desk's request pipeline, shared by the HTTPS server and the in-process fetch:
 * state endpoint → host → validation against the vendor description → auth (401) → rate budget (429) →
 * injected faults → the stand-in's route → the tool's rate-limit headers.
 */
import { validateRequest } from '../../openapi';
import { authorized } from './auth';
import { FaultInjector, type FaultOptions } from './faults';
import type { StandIn } from './stand-in';
import {
  DocsViolation,
  HttpError,
  json,
  type DeskRequest,
  type LoggedRequest,
  type Reply,
  type Violation,
} from './types';

/** What the pipeline decided: a reply, or a hang (an injected timeout) after which the connection drops. */
export type Outcome = { reply: Reply; hangMs?: undefined } | { hangMs: number; reply?: undefined };

export const STATE_PATH = '/__demo/state';

export class Desk {
  readonly violations: Violation[] = [];
  readonly requests: LoggedRequest[] = [];
  readonly faults: FaultInjector;

  constructor(
    readonly standIns: StandIn[],
    readonly now: () => number,
    faults?: FaultOptions,
  ) {
    this.faults = new FaultInjector(faults);
  }

  get hosts(): string[] {
    return this.standIns.flatMap((s) => s.hosts);
  }

  standInFor(hostname: string): StandIn | undefined {
    const host = hostname.toLowerCase();
    return this.standIns.find((s) => s.hosts.includes(host));
  }

  /** Whether the desk answers this URL (a stand-in host, or the state endpoint on one). */
  handles(url: URL): boolean {
    return !!this.standInFor(url.hostname);
  }

  state(): Record<string, unknown> {
    const now = this.now();
    const out: Record<string, unknown> = { now: new Date(now).toISOString() };
    for (const s of this.standIns) {
      s.tick(now);
      out[s.id] = s.snapshot();
    }
    out.violations = this.violations;
    out.request_count = this.requests.length;
    return out;
  }

  dispatch(req: DeskRequest): Outcome {
    if (req.url.pathname === STATE_PATH && req.method === 'GET') return { reply: json(200, this.state()) };
    const standIn = this.standInFor(req.url.hostname);
    if (!standIn) return { reply: json(404, { error: `no stand-in answers for ${req.url.hostname}` }) };
    const now = this.now();
    standIn.tick(now);
    const log: LoggedRequest = { tool: standIn.id, method: req.method, path: req.url.pathname, status: 0, at: now };
    this.requests.push(log);
    const finish = (reply: Reply): Outcome => {
      log.status = reply.status;
      return { reply };
    };

    const withErrorType = (reply: Reply): Reply => {
      if (reply.status >= 400 && standIn.errorContentType && reply.body !== undefined)
        reply.contentType ??= standIn.errorContentType;
      return reply;
    };
    let specErrors: string[] = [];
    if (standIn.vendor && standIn.isApiPath(req)) {
      const result = validateRequest(standIn.vendor, {
        method: req.method,
        url: req.url.href,
        headers: req.headers,
        body: req.rawBody || undefined,
      });
      if (result.ok) log.operation = result.operationId;
      else specErrors = result.errors;
    }
    if (!standIn.isPublic(req) && !authorized(standIn.id, req)) {
      return finish({
        status: 401,
        body: standIn.errorBody(401, 'Unauthorized'),
        headers: { 'www-authenticate': 'Basic realm="Web Password"' },
      });
    }
    const budget = standIn.budget.take(now, standIn.cost(req));
    const rate = standIn.rateHeaders(budget.state, now);
    if (!budget.ok) {
      const body = standIn.errorBody(429, `Rate limited: retry after ${budget.retryAfterS} s`);
      return finish(withErrorType(json(429, body, { ...rate, ...standIn.retryHeaders(budget.retryAfterS) })));
    }
    const fault = this.faults.next(standIn.id);
    if (fault) log.fault = fault;
    if (fault === '429') {
      const headers = { ...rate, ...standIn.retryHeaders(this.faults.retryAfterS) };
      return finish(withErrorType(json(429, standIn.errorBody(429, 'Rate limited (injected)'), headers)));
    }
    if (fault === '500')
      return finish(withErrorType(json(500, standIn.errorBody(500, 'Internal error (injected)'), rate)));
    if (specErrors.length) {
      this.violations.push({ tool: standIn.id, method: req.method, url: req.url.href, errors: specErrors });
      return finish(
        json(400, { error: 'request does not match the vendor OpenAPI description', violations: specErrors }, rate),
      );
    }

    let reply: Reply;
    try {
      reply = standIn.handle(req, now) ?? { status: 404, body: standIn.errorBody(404, 'Not found') };
    } catch (error) {
      if (error instanceof HttpError) reply = { status: error.status, body: error.body, headers: error.headers };
      else if (error instanceof DocsViolation) {
        this.violations.push({ tool: standIn.id, method: req.method, url: req.url.href, errors: error.errors });
        reply = { status: 400, body: standIn.errorBody(400, error.message, error.errors) };
      } else throw error;
    }
    reply.headers = { ...rate, ...reply.headers };
    withErrorType(reply);
    if (fault === 'timeout') {
      log.status = -1;
      return { hangMs: this.faults.timeoutMs };
    }
    if (fault === 'malformed')
      return finish({ status: 200, body: '{"truncated": [', contentType: 'application/json', headers: rate });
    return finish(reply);
  }

  reset(): void {
    this.violations.length = 0;
    this.requests.length = 0;
    this.faults.reset();
    for (const s of this.standIns) s.budget.reset();
  }
}

/** Serialises a reply body the way the tool would. */
export function encodeReply(reply: Reply): { status: number; headers: Record<string, string>; body: string | null } {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined || reply.status === 204 || reply.status === 304)
    return { status: reply.status, headers, body: null };
  if (typeof reply.body === 'string') {
    headers['content-type'] = reply.contentType ?? 'text/plain; charset=utf-8';
    return { status: reply.status, headers, body: reply.body };
  }
  headers['content-type'] = reply.contentType ?? 'application/json; charset=utf-8';
  return { status: reply.status, headers, body: JSON.stringify(reply.body) };
}

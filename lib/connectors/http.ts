/**
 * The one way connectors talk to a tool: base URL and auth from the connection, the tool's rate
 * limiter, a timeout per request (AbortSignal.timeout), retries with exponential backoff on 429
 * (after Retry-After), 5xx, timeouts and unreadable answers, and every JSON answer parsed with zod.
 * Errors carry the one error shape and never the URL, headers or body (they may hold secrets or
 * a customer's address).
 */
import type { z } from 'zod';
import type { Clock } from './clock';
import { ConnectorError, errorForStatus, malformedResponse } from './errors';
import type { RateLimiter } from './limiter';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpOptions {
  label: string;
  baseUrl: string;
  fetch: FetchLike;
  clock: Clock;
  limiter: RateLimiter;
  headers: () => Promise<Record<string, string>> | Record<string, string>;
  timeoutMs?: number;
  maxAttempts?: number;
  costOf?: (method: string, path: string, body?: unknown) => number;
  /**
   * A 401 from an OAuth tool: drop the token (the next `headers()` renews it) and say whether to try once more.
   * Tools signed in with a fixed API token have none: their 401 means reconnect.
   */
  onUnauthorized?: () => Promise<boolean>;
  /** Called once per request sent (the benchmark and contract tests count them). */
  onRequest?: (method: string, url: string) => void;
}

export interface RequestOptions<T> {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  schema?: z.ZodType<T>;
  /** A 404 is an answer (returns `undefined`), not an error: deletes of what is already gone. */
  allow404?: boolean;
  /** Extra statuses returned to the caller instead of thrown (e.g. Help Scout's 403 above 100). */
  passStatuses?: number[];
}

export interface HttpResult<T> {
  status: number;
  data: T | undefined;
}

export interface Http {
  request<T = unknown>(method: string, path: string, options?: RequestOptions<T>): Promise<HttpResult<T>>;
  readonly requests: number;
  /** The tool asked us to slow down inside an answer (a throttled JSON-batch entry): nothing goes before `ms`. */
  pause(ms: number): void;
}

export function buildUrl(base: string, path: string, query?: RequestOptions<unknown>['query']): string {
  const url = new URL(path.startsWith('http') ? path : base.replace(/\/$/, '') + path);
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

class SignInFailed {
  constructor(readonly reason: unknown) {}
}

export function createHttp(options: HttpOptions): Http {
  let requests = 0;
  const maxAttempts = options.maxAttempts ?? 5;

  async function once<T>(method: string, path: string, req: RequestOptions<T>): Promise<HttpResult<T>> {
    const url = buildUrl(options.baseUrl, path, req.query);
    // Signing in (an OAuth renewal) failed: nothing was sent, and trying it again belongs to the agent.
    const auth = await Promise.resolve()
      .then(() => options.headers())
      .catch((error: unknown) => {
        throw new SignInFailed(error);
      });
    await options.limiter.acquire(options.costOf?.(method, path, req.body) ?? 1);
    requests += 1;
    options.onRequest?.(method, url);
    const headers: Record<string, string> = { accept: 'application/json', ...auth };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await options.fetch(url, {
        method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch {
      // Timeouts, aborted and refused connections: no answer came.
      throw errorForStatus(options.label, 0);
    }
    if (response.status === 404 && req.allow404) return { status: 404, data: undefined };
    if (req.passStatuses?.includes(response.status)) return { status: response.status, data: undefined };
    if (!response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), options.clock.now());
      if (response.status === 429) options.limiter.pause(retryAfterMs ?? 10_000);
      throw errorForStatus(options.label, response.status, retryAfterMs);
    }
    const text = await response.text().catch(() => {
      throw malformedResponse(options.label);
    });
    if (!req.schema) return { status: response.status, data: undefined };
    let json: unknown;
    try {
      json = text === '' ? {} : JSON.parse(text);
    } catch {
      throw malformedResponse(options.label);
    }
    const parsed = req.schema.safeParse(json);
    if (!parsed.success) throw malformedResponse(options.label);
    return { status: response.status, data: parsed.data };
  }

  return {
    get requests() {
      return requests;
    },
    pause: (ms) => options.limiter.pause(ms),
    async request<T>(method: string, path: string, req: RequestOptions<T> = {}): Promise<HttpResult<T>> {
      let renewed = false;
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await once(method, path, req);
        } catch (error) {
          if (error instanceof SignInFailed) throw error.reason;
          if (error instanceof ConnectorError && error.status === 401 && !renewed && options.onUnauthorized) {
            renewed = true;
            if (await options.onUnauthorized().catch(() => false)) continue;
          }
          if (!(error instanceof ConnectorError) || !error.retryable || attempt >= maxAttempts) throw error;
          // 429: the limiter already waits for Retry-After; otherwise exponential backoff with jitter.
          if (error.status !== 429)
            await options.clock.sleep(Math.min(30_000, 500 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
        }
      }
    },
  };
}

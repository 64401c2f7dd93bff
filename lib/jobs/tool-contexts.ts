/**
 * Builds each connected tool's context once per service: its HTTP client with the tool's base URL,
 * auth headers, one rate limiter at 80% of the tool's limit, and the shared clock.
 */
import type { Clock } from '../connectors/clock';
import type { Connection, ConnectorContext, ConnectorDefinition } from '../connectors/define-connector';
import { createHttp, type FetchLike } from '../connectors/http';
import type { TokenProvider } from '../connectors/oauth';
import { RateLimiter } from '../connectors/limiter';

export interface ToolDeps {
  connectors: Record<string, ConnectorDefinition>;
  /** Resolves a tool's connection (with its secret) at run time; secrets are never stored in a job. */
  connection: (tool: string) => Promise<Connection | undefined> | Connection | undefined;
  fetch: FetchLike;
  clock: Clock;
  timeoutMs?: number;
  maxAttempts?: number;
  onRequest?: (tool: string, method: string, url: string) => void;
  /** OAuth tools (Gmail, Graph, Help Scout): their access token, renewed on expiry and after a 401. */
  tokens?: (tool: string, connection: Connection) => TokenProvider | undefined;
}

export class ToolContexts {
  private readonly cache = new Map<string, ConnectorContext>();
  readonly limiters = new Map<string, RateLimiter>();

  constructor(private readonly deps: ToolDeps) {}

  connector(tool: string): ConnectorDefinition {
    const connector = this.deps.connectors[tool];
    if (!connector) throw new Error(`Unknown tool ${tool}`);
    return connector;
  }

  async context(tool: string): Promise<ConnectorContext> {
    const cached = this.cache.get(tool);
    if (cached) return cached;
    const connector = this.connector(tool);
    const connection = await this.deps.connection(tool);
    if (!connection) throw new Error(`${connector.label} is not connected`);
    const limits = connector.limits;
    const limiter = new RateLimiter(
      {
        perWindow: (limits.requestsPerMinute * (limits.windowSeconds ?? 60)) / 60,
        windowMs: (limits.windowSeconds ?? 60) * 1000,
      },
      this.deps.clock,
    );
    this.limiters.set(tool, limiter);
    const tokens = connector.auth.kind === 'oauth2' ? this.deps.tokens?.(tool, connection) : undefined;
    const headers = tokens
      ? async () =>
          connector.authHeaders({
            ...connection,
            secret: { ...connection.secret, accessToken: await tokens.accessToken() },
          })
      : () => connector.authHeaders(connection);
    const http = createHttp({
      label: connector.label,
      baseUrl: connection.baseUrl ?? connector.baseUrl(connection),
      fetch: this.deps.fetch,
      clock: this.deps.clock,
      limiter,
      headers,
      ...(tokens ? { onUnauthorized: () => tokens.invalidate().then(() => true) } : {}),
      costOf: limits.costOf,
      timeoutMs: this.deps.timeoutMs,
      maxAttempts: this.deps.maxAttempts,
      onRequest: (method, url) => this.deps.onRequest?.(tool, method, url),
    });
    const context: ConnectorContext = {
      http,
      connection,
      now: () => this.deps.clock.now(),
      sleep: (ms) => this.deps.clock.sleep(ms),
    };
    this.cache.set(tool, context);
    return context;
  }
}

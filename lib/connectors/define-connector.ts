/**
 * A tool is a single folder with one `defineConnector({...})`: who it is, how it signs in, where it
 * processes data (feeds lib/transfers), its limits, and its operations. Auth, base URL and limits
 * are data here; the operations get a ready `Http` (limiter, retries, zod parsing) in their context.
 */
import type { Http } from './http';
import type { Found, FoundItem, Identity, StepOutcome, StepSpec, ToolErasurePlan, VerifyResult } from './types';

export type AuthSpec =
  | { kind: 'token'; header: 'authorization-bearer' | 'authorization-token' | 'authorization-basic'; fields: string[] }
  | { kind: 'basic'; fields: string[] }
  | { kind: 'oauth2'; authorizeUrl: string; tokenUrl?: string; scopes: string[]; flow: 'implicit' | 'code-pkce' }
  | { kind: 'none' };

export interface ProcessingSpec {
  /** Where the tool processes data by default (ISO country codes, or 'EU'). */
  regions: string[];
  /** The transfer ground for processing outside the EU. */
  legalGround: 'adequacy' | 'dpf' | 'sccs' | 'none' | 'eu';
  /** How long erased data may live on in the tool's backups, in days (for the receipt). */
  backupHorizonDays: number;
}

export interface LimitsSpec {
  /** The tool's documented limit for the plan we assume (requests, or quota units with `costOf`). */
  requestsPerMinute: number;
  /** Some tools enforce their limit in shorter windows (Intercom: 10 s). */
  windowSeconds?: number;
  /** Largest batch per bulk action, e.g. { destroy_many: 100 }. */
  bulk: Record<string, number>;
  costOf?: (method: string, path: string, body?: unknown) => number;
  /** Steps of this tool a job may run at once (default 1): overlaps a tool's background-job waits. */
  concurrency?: number;
}

/** A connected account: where it lives and how to sign in. Secrets stay out of jobs and logs. */
export interface Connection {
  tool: string;
  /** e.g. Zendesk subdomain, Freshdesk domain, Intercom region, mailbox user id. */
  account: string;
  baseUrl?: string;
  /** Token, key, or `email/token` pairs as the auth kind needs. Never logged. */
  secret: Record<string, string>;
}

export interface ConnectorContext {
  http: Http;
  connection: Connection;
  now: () => number;
  /** Waits on the job's clock (virtual in tests): for polling a tool's asynchronous jobs. */
  sleep: (ms: number) => Promise<void>;
}

export interface ConnectorOps {
  find(ctx: ConnectorContext, identities: Identity[]): Promise<Found>;
  /** Everything held about the customer, for the export issue (records as the tool returns them). */
  collect(ctx: ConnectorContext, found: Found): Promise<{ id: string; kind: string; data: unknown }[]>;
  planErasure(found: Found): ToolErasurePlan;
  eraseStep(ctx: ConnectorContext, step: StepSpec): Promise<StepOutcome>;
  /** Which of this step's ids are held at the tool right now (the customer's identities help scope the query). */
  readHolds(ctx: ConnectorContext, step: StepSpec, identities?: Identity[]): Promise<Set<string>>;
  writeHold(ctx: ConnectorContext, item: FoundItem, held: boolean): Promise<void>;
  /** Re-query the tool: which of these items does it still hold? */
  verify(ctx: ConnectorContext, identities: Identity[], items: FoundItem[]): Promise<VerifyResult>;
  listExpired(ctx: ConnectorContext, identities: Identity[], before: number): Promise<FoundItem[]>;
}

export interface ConnectorDefinition extends ConnectorOps {
  id: string;
  label: string;
  auth: AuthSpec;
  processing: ProcessingSpec;
  limits: LimitsSpec;
  capabilities: {
    find: boolean;
    collect: boolean;
    erase: 'permanent' | 'soft' | 'manual';
    holds: boolean;
    retention: boolean;
  };
  apiHosts: readonly string[];
  baseUrl(connection: Connection): string;
  authHeaders(connection: Connection): Record<string, string>;
}

export function defineConnector<T extends ConnectorDefinition>(definition: T): T {
  if (definition.limits.requestsPerMinute <= 0) throw new Error(`${definition.id}: a rate limit is required`);
  return Object.freeze(definition);
}

export const HOLD_TAG = 'privacy-keep';

export function emailsOf(identities: Identity[]): string[] {
  return [...new Set(identities.filter((i) => i.kind === 'email').map((i) => i.value.trim().toLowerCase()))];
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function basicAuth(user: string, password: string): string {
  return 'Basic ' + btoa(`${user}:${password}`);
}

/**
 * The plan of a tool that erases every unheld item with one bulk action (Gmail batchDelete, Graph
 * permanentDelete in batches): held items stay, the rest go in batches of `size`.
 */
export function bulkErasurePlan(
  found: Found,
  spec: { tool: string; action: string; kind: StepSpec['kind']; size: number; permanenceNote: string },
): ToolErasurePlan {
  const kept = found.items.filter((i) => i.held);
  const erase = found.items.filter((i) => !i.held);
  const steps: StepSpec[] = chunk(
    erase.map((i) => i.id),
    spec.size,
  ).map((ids) => ({
    tool: spec.tool,
    action: spec.action,
    kind: spec.kind,
    ids,
    checkHolds: true,
    requiresNoHolds: false,
    permanence: 'permanent' as const,
  }));
  return { tool: spec.tool, steps, kept, erase, permanenceNote: spec.permanenceNote };
}

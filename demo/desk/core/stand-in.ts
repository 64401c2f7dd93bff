/** What every stand-in provides to the desk pipeline (auth, budget, routes, state). */
import type { Vendor } from '../../openapi';
import { FixedWindowBudget, type BudgetState } from './rate-limiter';
import { Router } from './router';
import type { SeedConversation, SeedCustomer, SeedData } from './seed-model';
import type { DeskRequest, Reply, ToolId } from './types';

export interface StandInOptions {
  /** Requests (Gmail: quota units) per minute before 429. */
  perMinute?: number;
  /** Delay before asynchronous work (bulk delete jobs, Help Scout async delete) takes effect. */
  asyncDelayMs?: number;
}

export abstract class StandIn {
  abstract readonly id: ToolId;
  abstract readonly hosts: string[];
  /** The vendor description requests are validated against (none for Freshdesk, Help Scout). */
  readonly vendor?: Vendor;
  readonly router = new Router();
  readonly budget: FixedWindowBudget;
  protected readonly asyncDelayMs: number;
  protected now = 0;

  constructor(perMinuteDefault: number, opts: StandInOptions = {}, windowMs = 60_000) {
    const perMinute = opts.perMinute ?? perMinuteDefault;
    this.budget = new FixedWindowBudget({ limit: Math.max(1, Math.round((perMinute * windowMs) / 60_000)), windowMs });
    this.asyncDelayMs = opts.asyncDelayMs ?? 0;
  }

  /** Budget units this request costs. */
  cost(_req: DeskRequest): number {
    return 1;
  }

  /** Content type of error bodies (Help Scout: application/vnd.error+json). */
  readonly errorContentType?: string;

  /** Headers on a 429. */
  retryHeaders(retryAfterS: number): Record<string, string> {
    return { 'retry-after': String(retryAfterS) };
  }

  abstract rateHeaders(state: BudgetState, now: number): Record<string, string>;

  /** The tool's error body for a status (401, 404, 429, 500, 400). */
  abstract errorBody(status: number, message: string, details?: string[]): unknown;

  /** Whether the path is in the vendor description (downloads and token endpoints may not be). */
  isApiPath(_req: DeskRequest): boolean {
    return true;
  }

  /** Endpoints that need no credentials (OAuth token endpoint). */
  isPublic(_req: DeskRequest): boolean {
    return false;
  }

  /** Path as routed (Zendesk strips `.json`). */
  routePath(req: DeskRequest): string {
    return req.url.pathname;
  }

  handle(req: DeskRequest, now: number): Reply | undefined {
    this.now = now;
    return this.router.dispatch(req, this.routePath(req));
  }

  /** Applies asynchronous work that is due. */
  tick(now: number): void {
    this.now = now;
  }

  abstract addCustomer(customer: SeedCustomer, createdAt: number): void;
  abstract addConversation(conversation: SeedConversation): void;
  abstract clear(): void;
  abstract snapshot(): unknown;

  load(seed: SeedData): void {
    this.now = seed.now;
    const used = new Set(
      seed.conversations.filter((c) => c.tool === this.id).flatMap((c) => [c.customerEmail, ...c.ccEmails]),
    );
    for (const c of seed.customers) if (used.has(c.email)) this.addCustomer(c, seed.now - 900 * 24 * 3600 * 1000);
    for (const conv of seed.conversations) if (conv.tool === this.id) this.addConversation(conv);
  }
}

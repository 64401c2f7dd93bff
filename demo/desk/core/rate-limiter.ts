/**
 * A fixed-window budget per tool (requests or quota units per window). Each stand-in turns the numbers into
 * the tool's own headers; a request over budget is answered 429 with Retry-After.
 */
export interface BudgetOptions {
  /** Budget per window (requests, or quota units for Gmail). */
  limit: number;
  /** Window length in ms (60 000 for per-minute; Intercom enforces per 10 s). */
  windowMs: number;
}

export interface BudgetState {
  limit: number;
  remaining: number;
  /** Epoch ms when the current window ends. */
  resetAt: number;
}

export class FixedWindowBudget {
  private windowStart = 0;
  private used = 0;

  constructor(private readonly opts: BudgetOptions) {}

  /** Spends `cost` if it fits; `ok: false` means answer 429 and wait `retryAfterS`. */
  take(now: number, cost = 1): { ok: boolean; state: BudgetState; retryAfterS: number } {
    if (now - this.windowStart >= this.opts.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const ok = this.used + cost <= this.opts.limit;
    if (ok) this.used += cost;
    const resetAt = this.windowStart + this.opts.windowMs;
    return {
      ok,
      state: { limit: this.opts.limit, remaining: Math.max(0, this.opts.limit - this.used), resetAt },
      retryAfterS: Math.max(1, Math.ceil((resetAt - now) / 1000)),
    };
  }

  reset(): void {
    this.windowStart = 0;
    this.used = 0;
  }
}

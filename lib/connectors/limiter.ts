/**
 * Per-tool rate limiter: a token bucket that paces requests evenly at `share` (80%) of the tool's
 * limit, weighted by cost (Gmail counts quota units, Help Scout counts writes double, a Graph $batch
 * counts each request in it). It starts with a small burst (one second's worth) and refills at a rate
 * chosen so that no window of the tool's length ever sees more than 80% of its limit. Pacing, not
 * bursting a whole minute's budget at once, leaves the other 20% of every moment to the agents who
 * use the same account in the tool while a job runs. A 429's Retry-After pauses the whole tool.
 * Hand-written because the limiter must run on an injectable clock (virtual in tests) and know 429
 * pauses; the small npm limiters (p-throttle, bottleneck) use real timers.
 */
import type { Clock } from './clock';

export interface LimitSpec {
  /** The tool's limit per window (requests, or quota units when costs are given). */
  perWindow: number;
  windowMs: number;
  share?: number;
  /** Burst allowance in ms of refill (default 1000: one second's worth of requests). */
  burstMs?: number;
}

export class RateLimiter {
  private readonly capacity: number;
  private readonly burst: number;
  /** Tokens per millisecond. */
  private readonly rate: number;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  /** Time spent waiting, for the benchmark. */
  waitedMs = 0;

  constructor(
    private readonly spec: LimitSpec,
    private readonly clock: Clock,
  ) {
    this.capacity = Math.max(1, Math.floor(spec.perWindow * (spec.share ?? 0.8)));
    const perMs = this.capacity / spec.windowMs;
    this.burst = Math.min(this.capacity / 2, Math.max(1, perMs * (spec.burstMs ?? 1000)));
    // burst + rate × window = capacity: no window of the tool's length holds more than 80% of its limit.
    this.rate = (this.capacity - this.burst) / spec.windowMs;
    this.tokens = this.burst;
    this.refilledAt = clock.now();
  }

  /** 80% of the tool's limit per window. */
  get allowedPerWindow(): number {
    return this.capacity;
  }

  /** The steady pace: units per minute. */
  get perMinute(): number {
    return this.rate * 60_000;
  }

  async acquire(cost = 1): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.wait(this.pausedUntil - now);
        continue;
      }
      this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.rate);
      this.refilledAt = now;
      // A request dearer than the burst goes when the bucket is full and is paid back before the next.
      const needed = Math.min(cost, this.burst);
      if (this.tokens >= needed - 1e-9) {
        this.tokens -= cost;
        return;
      }
      await this.wait(Math.ceil((needed - this.tokens) / this.rate));
    }
  }

  /** A 429 answered: nothing goes to this tool before `ms` from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  private async wait(ms: number): Promise<void> {
    this.waitedMs += ms;
    await this.clock.sleep(ms);
  }
}

/**
 * Per-tool rate limiter: a sliding window that lets through at most `share` (80%) of the tool's
 * limit per window, weighted by cost (Gmail counts quota units, Help Scout counts writes double).
 * A 429's Retry-After pauses the whole tool until then. Hand-written because the limiter must run
 * on an injectable clock (virtual in tests and the benchmark) and know 429 pauses; the small npm
 * limiters (p-throttle, bottleneck) use real timers.
 */
import type { Clock } from './clock';

export interface LimitSpec {
  /** The tool's limit per window (requests, or quota units when costs are given). */
  perWindow: number;
  windowMs: number;
  share?: number;
}

export class RateLimiter {
  private readonly capacity: number;
  private readonly log: { at: number; cost: number }[] = [];
  private pausedUntil = 0;
  /** Time spent waiting, for the benchmark. */
  waitedMs = 0;

  constructor(
    private readonly spec: LimitSpec,
    private readonly clock: Clock,
  ) {
    this.capacity = Math.max(1, Math.floor(spec.perWindow * (spec.share ?? 0.8)));
  }

  get allowedPerWindow(): number {
    return this.capacity;
  }

  async acquire(cost = 1): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.wait(this.pausedUntil - now);
        continue;
      }
      while (this.log.length > 0 && this.log[0]!.at <= now - this.spec.windowMs) this.log.shift();
      const used = this.log.reduce((sum, entry) => sum + entry.cost, 0);
      if (used + cost <= this.capacity || this.log.length === 0) {
        this.log.push({ at: now, cost });
        return;
      }
      await this.wait(this.log[0]!.at + this.spec.windowMs - now);
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

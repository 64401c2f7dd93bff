/**
 * Fault injection for the connectors' fault tests, reproducible from a seed.
 * 429 and 500 are answered before the request takes effect; `timeout` and `malformed` are decided after it
 * took effect (the change happened, the answer is lost or garbled), as on a real network.
 */
import { seededRng, type Rng } from './rng';
import type { ToolId } from './types';

export type FaultKind = '429' | '500' | 'timeout' | 'malformed';

export interface FaultOptions {
  /** Probability per request, 0..1 (e.g. 0.2). */
  rate: number;
  seed?: number;
  kinds?: FaultKind[];
  /** Only these tools (default: all). */
  tools?: ToolId[];
  /** How long a timed-out request hangs before the connection is dropped (default 30 000 ms). */
  timeoutMs?: number;
  /** Retry-After seconds on an injected 429 (default 1). */
  retryAfterS?: number;
}

export class FaultInjector {
  private rng: Rng;

  constructor(private readonly opts: FaultOptions | undefined) {
    this.rng = seededRng(opts?.seed ?? 1);
  }

  get timeoutMs(): number {
    return this.opts?.timeoutMs ?? 30_000;
  }

  get retryAfterS(): number {
    return this.opts?.retryAfterS ?? 1;
  }

  /** Decides the fault for this request (or none). One RNG draw pair per request keeps runs reproducible. */
  next(tool: ToolId): FaultKind | undefined {
    if (!this.opts || this.opts.rate <= 0) return undefined;
    const hit = this.rng() < this.opts.rate;
    const kinds = this.opts.kinds?.length ? this.opts.kinds : (['429', '500', 'timeout', 'malformed'] as FaultKind[]);
    const kind = kinds[Math.floor(this.rng() * kinds.length)]!;
    if (!hit || (this.opts.tools && !this.opts.tools.includes(tool))) return undefined;
    return kind;
  }

  reset(): void {
    this.rng = seededRng(this.opts?.seed ?? 1);
  }
}

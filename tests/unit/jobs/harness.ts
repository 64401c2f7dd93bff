/** Builds an erasure service over a fake tool, a memory store and register, on a virtual clock. */
import { VirtualClock } from '../../../lib/connectors/clock';
import type { FetchLike } from '../../../lib/connectors/http';
import { createErasureService } from '../../../lib/jobs/erasure-service';
import type { JobStore } from '../../../lib/jobs/job-store';
import type { RegisterPort } from '../../../lib/jobs/register-port';
import type { BoundaryPoint } from '../../../lib/jobs/runner';
import type { Job } from '../../../lib/jobs/types';
import { fakeConnector } from './fake-tool';

export const customer = { id: 'cust-1', identities: [{ kind: 'email' as const, value: 'ana@example.com' }] };

export function service(opts: {
  fetch: FetchLike;
  store: JobStore;
  register: RegisterPort;
  clock: VirtualClock;
  maxAttempts?: number;
  onBoundary?: (p: BoundaryPoint, job: Job) => void;
}) {
  return createErasureService({
    connectors: { fake: fakeConnector },
    connection: (tool) => ({ tool, account: 'acme', secret: { token: 'sekret-token-123' } }),
    fetch: opts.fetch,
    clock: opts.clock,
    store: opts.store,
    register: opts.register,
    maxAttempts: opts.maxAttempts,
    onBoundary: opts.onBoundary,
    newId: () => 'job-1',
  });
}

/** Deterministic PRNG (mulberry32) so every seed replays exactly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs erasures through the demo desk in-process (deskFetch), on one virtual clock shared with the desk. */
import { createDesk, generateSeed, type DeskOptions, type SeedData } from '../../demo/desk';
import { VirtualClock } from '../../lib/connectors/clock';
import type { FetchLike } from '../../lib/connectors/http';
import { connectors } from '../../lib/connectors/registry';
import { createErasureService } from '../../lib/jobs/erasure-service';
import { MemoryJobStore } from '../../lib/jobs/job-store';
import { MemoryRegister } from '../../lib/jobs/register-port';
import { deskConnection } from '../../scripts/erase/desk-connections';

export const SEED_NOW = Date.UTC(2026, 10, 28, 12);

export function deskRun(opts: Omit<DeskOptions, 'now'> = {}) {
  const clock = new VirtualClock(SEED_NOW);
  const desk = createDesk({ ...opts, now: () => clock.now() });
  const store = new MemoryJobStore();
  const register = new MemoryRegister();
  const service = createErasureService({
    connectors,
    connection: deskConnection,
    fetch: desk.deskFetch as FetchLike,
    clock,
    store,
    register,
  });
  return { clock, desk, store, register, service };
}

export interface Subject {
  tool: string;
  email: string;
  conversations: number;
  held: number;
}

/** Customers of the default seed with conversations in each tool, the ones with held conversations first. */
export function subjects(perTool = 2, seed: SeedData = generateSeed({ seed: 42, now: SEED_NOW })): Subject[] {
  const by = new Map<string, Subject>();
  for (const c of seed.conversations) {
    const key = `${c.tool} ${c.customerEmail}`;
    const s = by.get(key) ?? { tool: c.tool, email: c.customerEmail, conversations: 0, held: 0 };
    s.conversations += 1;
    if (c.held) s.held += 1;
    by.set(key, s);
  }
  const out: Subject[] = [];
  for (const tool of ['zendesk', 'gmail', 'helpscout', 'freshdesk', 'front', 'intercom']) {
    const mine = [...by.values()].filter((s) => s.tool === tool).sort((a, b) => b.held - a.held);
    out.push(...mine.slice(0, perTool));
  }
  return out;
}

/** One customer per tool with nothing held there. */
export function unheldSubjects(): Subject[] {
  const all = subjects(1000).filter((s) => s.held === 0);
  return ['zendesk', 'gmail', 'helpscout', 'freshdesk', 'front', 'intercom'].map((tool) =>
    all.find((s) => s.tool === tool)!,
  );
}

/**
 * Where the customer's address still appears in a tool's state (JSON). The soft deletions the plan names
 * are left out: Front's trash (purged after 7 days) and Intercom's deleted contacts (destroyed after 7 days).
 */
export function mentions(state: Record<string, unknown>, tool: string, email: string): number {
  let data: unknown = state[tool] ?? {};
  if (tool === 'front') data = { ...(data as object), trashed_conversations: [] };
  if (tool === 'intercom') data = { ...(data as object), deleted_contacts: [] };
  return JSON.stringify(data).toLowerCase().split(email.toLowerCase()).length - 1;
}

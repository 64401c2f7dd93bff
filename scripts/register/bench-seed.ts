/**
 * The register bench's seed, run inside real Chromium (bundled by bench.ts, which also hashes this
 * bundle to key its cached profile). Rows are generated in the page and written with large bulkAdds
 * through the register's own RegisterDb, a few transactions in flight at once so generating the
 * next chunk overlaps the browser committing the previous one.
 */
import { RegisterDb } from '@/lib/register/db';
import type { Customer, Identity, Item } from '@/lib/register/schemas';

export interface BenchOptions {
  customers: number;
  items: number;
  lookups: number;
  searches: number;
  /** Rows per bulkAdd (one transaction each). */
  batch: number;
  /** Transactions in flight while seeding. */
  inFlight: number;
  durability: 'relaxed' | 'strict' | 'default';
}

export const DB_NAME = 'bench-register';
export const NOW = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
const tools = ['gmail', 'outlook', 'zendesk', 'freshdesk', 'helpscout', 'front', 'intercom', 'meta'] as const;
const kinds = ['conversation', 'message', 'message', 'message', 'attachment'] as const;
const first = ['anna', 'bram', 'chris', 'daan', 'eva', 'fleur', 'gijs', 'hanna', 'ivo', 'julia', 'kees', 'lotte'];
const last = ['de vries', 'jansen', 'bakker', 'visser', 'smit', 'meijer', 'de boer', 'mulder', 'de groot', 'bos'];

// Deterministic PRNG (mulberry32) so runs are comparable.
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const email = (i: number) => `customer${i}@example${i % 97}.nl`;
export const phone = (i: number) => `+316${String(10_000_000 + i).slice(-8)}`;

export const log = (msg: string) => console.log(`[bench] ${msg}`);

function customerRows(from: number, to: number): { customers: Customer[]; identities: Identity[] } {
  const customers: Customer[] = [];
  const identities: Identity[] = [];
  for (let i = from; i < to; i++) {
    const name = `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i}`;
    customers.push({ id: `c${i}`, name, nameKey: name, createdAt: NOW - 400 * DAY, updatedAt: NOW });
    identities.push({ id: `e${i}`, customerId: `c${i}`, kind: 'email', value: email(i), firstSeen: NOW });
    if (i % 2 === 0)
      identities.push({ id: `p${i}`, customerId: `c${i}`, kind: 'phone', value: phone(i), firstSeen: NOW });
  }
  return { customers, identities };
}

/** Items as observeConversation writes them: only conversations carry a URL. */
function itemRows(from: number, to: number, customers: number, rand: () => number): Item[] {
  const items: Item[] = [];
  for (let n = from; n < to; n++) {
    const tool = tools[n % tools.length]!;
    const kind = kinds[n % kinds.length]!;
    const lastSeen = NOW - Math.floor(rand() * 1000) * DAY;
    items.push({
      id: `i${n}`,
      customerId: `c${Math.floor(rand() * customers)}`,
      tool,
      kind,
      toolId: `${tool}-${n}`,
      ...(kind === 'conversation' ? { url: `https://example.test/${tool}/${n}` } : {}),
      firstSeen: lastSeen - 30 * DAY,
      lastSeen,
      closedAt: lastSeen,
      piiTypes: ['EMAIL'],
      retentionDueAt: lastSeen + 730 * DAY,
      held: rand() < 0.05 ? 1 : 0,
    });
  }
  return items;
}

/** Runs `write` for each chunk, keeping up to `inFlight` of them pending. */
async function pipeline(
  total: number,
  batch: number,
  inFlight: number,
  write: (from: number, to: number) => Promise<unknown>,
) {
  const pending: Promise<unknown>[] = [];
  for (let from = 0; from < total; from += batch) {
    if (pending.length >= inFlight) await pending.shift();
    pending.push(write(from, Math.min(total, from + batch)));
  }
  await Promise.all(pending);
}

export async function seedBench(o: BenchOptions): Promise<{ seed_s: number }> {
  const db = new RegisterDb(DB_NAME, { chromeTransactionDurability: o.durability });
  await db.delete();
  await db.open();
  const t0 = performance.now();
  await pipeline(o.customers, o.batch, o.inFlight, (from, to) => {
    const { customers, identities } = customerRows(from, to);
    return db.transaction('rw', db.customers, db.identities, () =>
      Promise.all([db.customers.bulkAdd(customers), db.identities.bulkAdd(identities)]),
    );
  });
  log(`customers seeded in ${Math.round(performance.now() - t0)} ms`);
  const t1 = performance.now();
  const rand = rng(42);
  let done = 0;
  await pipeline(o.items, o.batch, o.inFlight, (from, to) =>
    db.items.bulkAdd(itemRows(from, to, o.customers, rand)).then(() => {
      done += to - from;
      if (done % (o.batch * 10) === 0 || done === o.items)
        log(`items ${done} in ${Math.round(performance.now() - t1)} ms`);
    }),
  );
  db.close();
  return { seed_s: Number(((performance.now() - t0) / 1000).toFixed(1)) };
}

if (typeof window !== 'undefined') Object.assign(window, { seedBench });
